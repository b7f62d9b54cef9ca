// Package corpus is the centre of the outages pipeline: it defines the
// article record that every stage passes along (Article, Outage, Evidence)
// and the Store that keeps what was crawled, crash-safely, between runs.
//
// corpus imports no other package of this module; crawl, classify and index
// import corpus and never each other.
package corpus
