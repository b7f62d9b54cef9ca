// Package rules is the rule engine that finds date, time, duration and cause
// expressions in French, Arabic and English news text and normalises them.
// Its phrases live in per-language data files, embedded and overridable from
// a directory, validated at load with file:line errors (see README.md for
// the file format, how relative days are resolved and the precedence of
// causes, which RankCause exposes).
//
// The matcher folds the text once into word tokens that keep their offsets
// into the original, looks rule phrases up by their first word, and runs a
// small grammar over the tokens, keeping the leftmost-longest expression.
// It is linear in the text's length and safe for concurrent use.
package rules
