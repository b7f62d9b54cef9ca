// Package config reads the outages configuration file.
//
// The file is line oriented and meant to be edited by hand:
//
//	# comment (a line whose first non-blank character is # or ;)
//	key = value
//
//	[source NAME]
//	key = value
//
// Keys before the first section are global settings; each [source NAME]
// section describes one site to crawl. Values run to the end of the line
// (there are no trailing comments, so URLs and regular expressions may
// contain # and ;); surrounding blanks are trimmed and a value written in
// double quotes is unquoted with Go rules. The allow and deny keys may
// repeat and accumulate; any other key set twice in one section is an
// error, as are unknown keys and two sections with the same name.
//
// A configuration flows Default → Parse → Validate. Parse checks syntax
// (numbers, durations, sizes, booleans); Validate checks meaning (ranges,
// URLs, regular expressions, CSS selectors). Every error names the file and
// line, e.g. "outages.conf:12: unknown key \"dealy\" (did you mean
// \"delay\"?)". REFERENCE.md documents every key.
package config
