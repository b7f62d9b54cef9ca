// Package rules is the rule engine that finds date, time, duration and cause
// expressions in French, Arabic and English news text and normalises them.
// Its phrases live in per-language data files, embedded and overridable from
// a directory, validated at load with file:line errors.
package rules
