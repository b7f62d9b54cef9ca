// Package index stores classified articles in a Bleve full-text index and
// searches them. It is the only package of the module that imports Bleve.
//
// # Schema (SchemaVersion 3)
//
// One document per article, its ID the article's ID. Fields:
//
//	title_fr, body_fr      text, Bleve "fr" analyzer (elision, light stemmer)
//	title_ar, body_ar      text, "ar_tanwin": Bleve's "ar" chain plus a char
//	                       filter blanking the accusative ending "ًا"
//	title_en, body_en      text, Bleve "en" analyzer
//	title_other, body_other text, "standard" analyzer
//	title_exact, body_exact text of every language, "exact" analyzer:
//	                       lower case, French elision, NFKC and Arabic
//	                       normalisation, no stemming and no stop words; for
//	                       prefix*, wild?card and /regexp/ queries, which
//	                       would otherwise meet stemmed terms ("panne*" found
//	                       nothing: "panne" is indexed "pann"). No term
//	                       vectors. Added in SchemaVersion 3.
//	host                   keyword (lower-cased)
//	services               keyword: outage service names and aliases, lower-cased
//	causes_alt, causes_denied keyword
//	facets                 keyword with doc values, "<facet>:<value>" once per
//	                       article: lang:fr, cause:power (primary causes),
//	                       service:Orange (names as written), kind:telecom,
//	                       month:2024-07 (of outage starts), duration:2h-6h
//	                       (buckets <30m 30m-2h 2h-6h 6h-24h >24h unknown),
//	                       country:fr (outage countries, lower-cased; since
//	                       SchemaVersion 3).
//	                       Search computes its seven facets from this one field
//	                       (from a per-partition table that the writer saves
//	                       at commit as p-YYYY/facets.tbl and readers load, or
//	                       build from the postings when it does not match the
//	                       partition, see facets.go and facetfile.go), and the lang,
//	                       cause, kind, month, duration_bucket and country filters are
//	                       terms of it
//	stats                  keyword with doc values, "<dim>:<i>|<value>" per
//	                       outage i (dim: month cause service lang kind country), so
//	                       that counts over it count outages, not articles
//	published, start       datetime (article publication; outage starts)
//	duration_min           numeric (each outage's duration)
//	is_outage              boolean
//	_a                     stored only: the article as JSON (search returns it whole)
//
// Only the text of the article's language is indexed, in that language's
// fields: each field has one analyzer, so the analyzer used at query time is
// never ambiguous (with one "body" field analysed per document, Bleve picks
// the query analyzer arbitrarily). Text fields keep term vectors for phrase
// queries; only the facets and stats fields keep doc values; _all is off
// (disabled in the mapping since SchemaVersion 2, so that Bleve no longer
// builds an empty composite _all field per document).
// Facet and stats counts are exact (not top-k per partition). A query
// that matches every article with no filter ("*") takes its total and
// facets from the saved tables and stops each partition's search after
// the hits of the page (matchall.go): its cost does not grow with the
// archive. A cross-language word (40-60 alternatives per partition: the
// word and its synonyms in each language's title and body, service
// names, cause and kind) is walked over its postings in step with the
// outage ranking clause (union.go, phrase.go, ranked.go) rather than
// through Bleve's heap, phrase and Boolean searchers, with Bleve's
// scores; with no filter, such a query is scored term at a time, segment
// by segment, reading Bleve's postings directly (topk.go: the same page,
// scores, total and facets, at half the CPU); a query with Since or Until
// skips the partitions holding no outage start in the span (prune.go).
//
// # Queries
//
// Query.Text uses the Lucene query syntax that Elasticsearch's
// query_string, Kibana and library catalogues share, parsed here by a
// recursive-descent parser (parse.go; no maintained Go parser of that
// syntax is served by the module proxy and keeps positions) into a tree,
// then compiled into Bleve query objects (expand.go). Errors carry a
// position: *QueryError. The syntax:
//
//	panne "coupure de courant"      words and phrases
//	panne AND orange, panne && orange   both
//	panne OR outage, panne || outage    either
//	NOT orange, !orange             not (NOT binds tighter than AND, AND than OR)
//	+panne -orange                  required, excluded (Lucene prefixes)
//	(panne OR outage) AND cause:cyberattack   grouping
//	service:orange, title:"panne géante", cause:(cyberattack OR power)
//	panne*, p?nne, /pann.*/         on the unstemmed *_exact fields
//	panne~1, panne^2                fuzziness, boost (also on groups)
//	duration:>=120, start:>="2024-01-01", start:<2024-06
//	published:[2024-01-01 TO 2024-06-30], duration:{60 TO *]
//
// AND, OR, NOT and TO are operators in upper case only, so that the French
// "or" and the English "not" stay words. Words side by side are joined by
// the default operator: OR (any of them; Lucene's and Elasticsearch's
// default), or AND with Query.AllWords (the --and flag). In either case
// the articles with all of them rank first, and a group of two or more
// plain words adds an optional phrase clause (boost 2), so that "coupure
// de courant" as a phrase ranks above the three words apart. In a group of
// words side by side, "+x" is required and "-x" or "NOT x" excluded, as in
// Lucene; an explicit "a OR NOT b" is the boolean union. Dates in ranges
// are YYYY, YYYY-MM or YYYY-MM-DD, quoted or not, a bound naming a month
// or a year covering all of it ("start:<=2024-06" includes June 30).
//
// A bare term or phrase becomes a disjunction of match queries on every
// title_xx and body_xx field with the analyzer of xx, plus a term query on
// services. Unless Query.ExactLang, a term that belongs to the
// multilingual synonym set (outage/panne/انقطاع,
// cyberattack/cyberattaque/هجوم, ...) also matches its equivalents in the
// other languages and the cause or kind of the concept (see synonyms in
// expand.go; the outage concept includes the words that report one:
// unavailable, indisponible, غير متاح...). Every query
// also has an optional is_outage:true clause (outageBoost), so that of
// articles with the same words the outage reports rank first; a query that
// names is_outage itself does not. Field names: title, body, text,
// service, lang, host, kind, cause, cause_alt, denied, month, duration
// (number or range), published and start (YYYY[-MM[-DD]] or ranges),
// is_outage. The filters of Query are added as Bleve term, date-range and
// numeric-range queries in a conjunction with the text query. Since and
// Until match an article when one of its outages started in the range.
//
// # Storage: generations and year partitions
//
//	dir/CURRENT                 name of the published generation
//	dir/WRITER.lock             flock of the single writer
//	dir/gen-00000007/meta.json  Meta and the list of partitions
//	dir/gen-00000007/LOCK       readers hold a shared flock on it
//	dir/gen-00000007/p-2024/    one Bleve (scorch) index per year of
//	                            publication ("p-undated" for the rest)
//	dir/gen-00000007/p-2024/facets.tbl  the partition's facet table, named
//	                            after the segment files it describes
//
// Partitions were months until the 100k-article, ten-year benchmark of
// 2026-12-06 (BENCHMARKS.md): 120 partitions cost more per query and per
// process start (each partition's mapping parsed, its facet table built)
// than the documents did; by year, opening fell from 93 to 15 ms, a
// whole-process search from 205-255 to 89-149 ms and indexing CPU by half.
// An index written with month partitions stays readable and writable (the
// upsert across partitions below moves an updated article); reindex
// regroups it.
//
// Readers open the current generation read-only (scorch read_only: no
// persister, no merger, bolt opened read-only), behind a Bleve IndexAlias
// over the partitions, so they never wait for a writer. A writer builds the
// next generation: each partition of the current one is recreated by hard
// links (scorch .zap segments are immutable); the mutable root.bolt of a
// partition is copied only when the writer first writes to it, so a run
// touching one year rewrites one small file and leaves the archive
// shared. Commit persists, closes and fsyncs the generation, writes
// meta.json, then replaces CURRENT (temporary file, fsync, rename, fsync of
// the directory). A crash at any point leaves CURRENT naming a complete
// generation; unpublished generations and generations no reader holds any
// more are removed by the next writer (it takes an exclusive flock on their
// LOCK first, so a generation in use is kept).
//
// Writes are buffered per partition and applied as one Bleve batch when a
// partition holds Options.BatchSize articles, or for all partitions when
// the buffers hold 8 batches together, which bounds memory whatever the
// number of articles. Pending articles become Bleve documents only when
// their batch is applied. Upserts are by ID across partitions: before each batch is applied the
// writer looks the batch's IDs up in every partition (the _id term
// dictionaries are the id→partition map, so there is no second structure
// to keep consistent after a crash) and deletes copies found in a partition
// other than the article's new partition.
//
// # Beyond one machine
//
// We do not distribute Bleve. An archive that outgrows one machine moves
// to OpenSearch or Elasticsearch: OpenSearchTemplate and OpenSearchSource
// translate this schema (generated from the same description, schemaFields
// in schema.go) into an index template and source documents for the _bulk
// API, loaded as the README describes. Year partitions stay the unit of
// writing on one machine.
package index
