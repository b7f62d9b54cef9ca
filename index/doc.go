// Package index stores classified articles in a Bleve full-text index and
// searches them. It is the only package of the module that imports Bleve.
//
// # Schema (SchemaVersion 2)
//
// One document per article, its ID the article's ID. Fields:
//
//	title_fr, body_fr      text, Bleve "fr" analyzer (elision, light stemmer)
//	title_ar, body_ar      text, "ar_tanwin": Bleve's "ar" chain plus a char
//	                       filter blanking the accusative ending "ًا"
//	title_en, body_en      text, Bleve "en" analyzer
//	title_other, body_other text, "standard" analyzer
//	host                   keyword (lower-cased)
//	services               keyword: outage service names and aliases, lower-cased
//	causes_alt, causes_denied keyword
//	facets                 keyword with doc values, "<facet>:<value>" once per
//	                       article: lang:fr, cause:power (primary causes),
//	                       service:Orange (names as written), kind:telecom,
//	                       month:2024-07 (of outage starts), duration:2h-6h
//	                       (buckets <30m 30m-2h 2h-6h 6h-24h >24h unknown).
//	                       Search computes its six facets from this one field
//	                       (from a per-partition table built once per reader
//	                       from its postings, see facets.go), and the lang,
//	                       cause, kind, month and duration_bucket filters are
//	                       terms of it
//	stats                  keyword with doc values, "<dim>:<i>|<value>" per
//	                       outage i (dim: month cause service lang kind), so
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
// Facet and stats counts are exact (not top-k per partition).
//
// # Queries
//
// Query.Text uses Bleve's query-string syntax, parsed here (so errors carry
// a position: *QueryError). A bare term or phrase becomes a disjunction of
// match queries on every title_xx and body_xx field with the analyzer of
// xx, plus a term query on services. Unless Query.ExactLang, a term that
// belongs to the multilingual synonym set (outage/panne/انقطاع,
// cyberattack/cyberattaque/هجوم, ...) also matches its equivalents in the
// other languages and the language-neutral fields (is_outage, causes,
// kinds) of the concept. Field names: title, body, text, service, lang,
// host, kind, cause, cause_alt, denied, month, duration (number or range),
// published and start (YYYY[-MM[-DD]] or ranges such as start:>="2024-01-01"),
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
// number of articles. Upserts are by ID across partitions: before each batch is applied the
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
