// Package config reads the outages configuration file, written in TOML
// (https://toml.io) and parsed by github.com/pelletier/go-toml/v2:
//
//	# comment
//	user_agent = "outages-bot/1.0 (+https://example.org/bot)"
//	delay = "2s"
//
//	[[source]]
//	name = "technews"
//	url = "https://news.example.org/rss.xml"
//	deny = ['/video/', '[?&]page=']
//
// Keys before the first table are global settings; each [[source]] table
// describes one site to crawl. Durations are strings ("1m30s"), sizes a
// number of bytes or a string ("10MB"), patterns are best written as
// 'literal strings' so that backslashes stay as written.
//
// A configuration flows Default → Parse → Validate. Parse checks the TOML
// syntax, the keys and the type of every value; Validate checks meaning
// (ranges, URLs, regular expressions, CSS selectors). Every error names
// the file and line, e.g. "outages.conf:12: unknown key \"dealy\" (did you
// mean \"delay\"?)", and all the errors of a stage are reported together.
// REFERENCE.md documents every key; Example is a commented file to start
// from ('outages config init').
package config
