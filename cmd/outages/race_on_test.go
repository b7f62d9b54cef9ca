//go:build race

package main

// raceSlowdown is how many times longer a bound on a whole run is under
// the race detector, which makes every run several times slower: the
// bounds catch a command that hangs, they time nothing.
const raceSlowdown = 4
