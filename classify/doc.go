// Package classify decides the language of a news article, whether it
// reports a service outage, and which outages it reports, with the service,
// start day, duration and cause of each.
//
// Language detection counts scripts and stop-words first and asks lingua-go
// (French, English and a few other Latin-script languages, lazily loaded)
// only about what remains, on a prefix of the text. Outage detection and
// service recognition are driven by data files embedded from classify/data
// (lexicon.tsv, services.tsv, countries.tsv, stopwords.tsv) that a
// directory given in Options.RulesDir can override file by file; every file
// is validated at load and errors name the file and line. Dates, times,
// durations and causes come from the rule engine in package
// outages/classify/rules; this package attaches them to the right outage.
package classify
