// Command outages reads news in French, Arabic and English and turns it into
// a searchable record of service outages: what went down, when, for how
// long, and why.
//
//	outages run       crawl the configured sources, classify, store and index (the nightly job)
//	outages search    full-text search with filters and facets
//	outages export    CSV or JSON Lines, one row per outage
//	outages stats     counts of outages by month, cause, service or language
//	outages reindex   rebuild the index from the stored articles, re-classifying them
//	outages extract   classify texts or HTML files and print the records
//	outages explain   why an article was classified as it was
//	outages tag       the rule author's tool: dates, times, durations and causes in text
//	outages eval      score the pipeline against gold data (and cross-validate the model)
//	outages train     learn the classifier's weights from labelled news
//	outages completion  the shell completion script (bash, zsh, fish), generated from the command table
//
// This package only wires the stages (crawl, classify, index) around the
// corpus store; main is a shim around run.
package main
