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
//
// The main outage is the one the text is most about: named often, in the
// title, right next to an outage word, and first in a sentence reporting an
// outage; a parent company yields to its product named at the outage word.
// Each outage takes the start, length and cause said in its own sentences.
// A start is the earliest day said of the outage within a week of the
// best-placed one; update stamps and days counted back from publication
// weigh less. A length may also come from a start time and a time in a
// later sentence saying the service is back. Among causes the root cause
// wins (rules.RankCause), except that generic "technical problem" words
// yield to any specific cause, and a cause is dropped when the text denies
// it anywhere about the outage, names it as what something protects
// against, or says it of an earlier outage. The cues for these decisions
// are lexicon classes (weakcause, causedeny, contrast, causeguard,
// resolved, notutility, overran) in data/lexicon.tsv.
//
// An outage report always yields an outage. When no known service and no
// name pattern names it, the service is derived from the text: the most
// salient capitalised name (Latin script) or the noun phrase after an
// Arabic cue word (منصة, تطبيق, بنك…) nearest the outage words of the top
// sentences, else "" (fallback.go); its start and length then come from
// the outage's sentences, else from the first plausible in the text.
//
// Each outage's Country (country.go) comes, strongest first, from a
// country or place in the service's name ("Internet (Egypt)"), from the
// operator's or utility's country in data/operators.tsv (none for services
// used worldwide), else from place names (data/geo.tsv and the names of
// countries.tsv) in the title, first paragraph and text, with the host's
// country-code domain as weak evidence. operators.tsv also gives each
// service's parent (Classifier.Parents), which event grouping uses.
package classify
