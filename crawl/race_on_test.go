//go:build race

package crawl

// raceEnabled reports whether the race detector is on; slow measurement
// tests skip themselves then.
const raceEnabled = true
