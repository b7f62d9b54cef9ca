package index

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	_ "github.com/blevesearch/bleve/v2/analysis/char/regexp" // registers the "regexp" char filter
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	_ "github.com/blevesearch/bleve/v2/analysis/token/unicodenorm" // registers "normalize_unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"

	"outages/corpus"
)

// SchemaVersion is the version of the index mapping (see doc.go). Bump it
// whenever the mapping or the document layout changes: NeedsReindex then
// reports that the current generation must be rebuilt.
const SchemaVersion = 3

// Field names of the schema.
const (
	fArticle    = "_a" // stored article JSON, not indexed
	fHost       = "host"
	fServices   = "services" // canonical names and aliases, lower-cased
	fCausesAlt  = "causes_alt"
	fDenied     = "causes_denied"
	fPublished  = "published"
	fStart      = "start"
	fDurations  = "duration_min"
	fIsOutage   = "is_outage"
	fStats      = "stats"       // "<dim>:<i>|<value>" per outage i (Stats)
	fFacets     = "facets"      // "<facet>:<value>" for every facet of Search
	fTitleExact = "title_exact" // unstemmed words of the title, any language
	fBodyExact  = "body_exact"  // unstemmed words of the body, any language
)

// analyzerExact analyses the *_exact fields: words cut as by every
// language analyzer, lower-cased, French elisions removed (after lower
// case, so "L'opérateur" loses its "L'" too), NFKC and Arabic
// normalisation (no stemming, no stop words), so that prefix and wildcard
// queries meet the words as written.
const analyzerExact = "exact"

// exactFields returns the *_exact fields a field alias stands for.
func exactFields(field string) []string {
	switch field {
	case "title":
		return []string{fTitleExact}
	case "body":
		return []string{fBodyExact}
	}
	return []string{fTitleExact, fBodyExact}
}

// analyzerAr is Bleve's ar analyzer with one more character filter that
// blanks the accusative ending "ًا" (tanwin fath + alif), so that
// "انقطاعًا" is indexed as "انقطاع". The blank keeps byte offsets unchanged.
const analyzerAr = "ar_tanwin"

// langs are the languages with their own text fields, in field order.
var langs = [...]string{corpus.LangFrench, corpus.LangArabic, corpus.LangEnglish, corpus.LangOther}

// analyzerFor returns the analyzer of a language's text fields.
func analyzerFor(lang string) string {
	switch lang {
	case corpus.LangFrench:
		return fr.AnalyzerName
	case corpus.LangArabic:
		return analyzerAr
	case corpus.LangEnglish:
		return en.AnalyzerName
	}
	return standard.Name
}

// fieldLang maps an article's Lang to the suffix of its text fields.
func fieldLang(lang string) string {
	switch lang {
	case corpus.LangFrench, corpus.LangArabic, corpus.LangEnglish:
		return lang
	}
	return corpus.LangOther
}

func titleField(lang string) string { return "title_" + fieldLang(lang) }
func bodyField(lang string) string  { return "body_" + fieldLang(lang) }

// statsDims are the dimensions of Reader.Stats.
var statsDims = [...]string{"month", "cause", "service", "lang", "kind", "country"}

// newMapping builds the index mapping of SchemaVersion.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = standard.Name
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	im.DefaultField = ""

	if err := im.AddCustomCharFilter("ar_tanwin_fath", map[string]interface{}{
		"type":    "regexp",
		"regexp":  "\u064b\u0627|\u0627\u064b",
		"replace": "    ",
	}); err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	if err := im.AddCustomTokenFilter("nfkc", map[string]interface{}{
		"type": "normalize_unicode",
		"form": "nfkc",
	}); err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	if err := im.AddCustomAnalyzer(analyzerAr, map[string]interface{}{
		"type":          custom.Name,
		"char_filters":  []string{"ar_tanwin_fath"},
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, "nfkc", ar.StopName, ar.NormalizeName, ar.StemmerName},
	}); err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}

	if err := im.AddCustomAnalyzer(analyzerExact, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, fr.ElisionName, "nfkc", ar.NormalizeName},
	}); err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}

	dm := bleve.NewDocumentStaticMapping()
	dm.Dynamic = false
	// No field is in _all, but Bleve still adds an (empty) _all composite
	// field to every document and folds every field's tokens into it
	// unless a disabled "_all" mapping says otherwise: 6% of the CPU time
	// of indexing (SchemaVersion 2).
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	for _, f := range schemaFields() {
		dm.AddFieldMappingsAt(f.name, bleveField(f))
	}
	im.DefaultMapping = dm
	return im, nil
}

// durationBucket names the facet bucket of a duration in minutes.
func durationBucket(d *int) string {
	switch {
	case d == nil:
		return "unknown"
	case *d < 30:
		return "<30m"
	case *d < 120:
		return "30m-2h"
	case *d < 360:
		return "2h-6h"
	case *d <= 1440:
		return "6h-24h"
	}
	return ">24h"
}

// durationBuckets lists the buckets in display order.
var durationBuckets = [...]string{"<30m", "30m-2h", "2h-6h", "6h-24h", ">24h", "unknown"}

// parseDay parses a full YYYY-MM-DD date.
func parseDay(s string) (time.Time, bool) {
	if len(s) != 10 {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// monthOf returns "YYYY-MM" for "YYYY-MM-DD" or "YYYY-MM" dates, else "".
func monthOf(s string) string {
	if len(s) < 7 {
		return ""
	}
	if len(s) > 7 && s[7] != '-' {
		return ""
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:7])
	if err1 != nil || err2 != nil || s[4] != '-' || y < 1 || m < 1 || m > 12 {
		return ""
	}
	return s[:7]
}

// partitionOf names the partition of an article: the year of its
// publication. (Month partitions made a ten-year archive 120 indexes that
// every query and every process start visits: per-partition setup, not
// the number of documents, dominated search time; a year still confines a
// nightly run's writes to one or two partitions.)
func partitionOf(a *corpus.Article) string {
	if m := monthOf(a.Published); m != "" {
		return m[:4]
	}
	return "undated"
}

// document builds the Bleve document of an article.
func document(a *corpus.Article) (map[string]interface{}, error) {
	raw, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("index: encode article %s: %w", a.ID, err)
	}
	doc := map[string]interface{}{
		fArticle:           string(raw),
		titleField(a.Lang): a.Title,
		bodyField(a.Lang):  a.Body,
		fTitleExact:        a.Title,
		fBodyExact:         a.Body,
		fIsOutage:          a.IsOutage,
	}
	lang := strings.ToLower(strings.TrimSpace(a.Lang))
	if lang == "" {
		lang = corpus.LangOther
	}
	if a.Host != "" {
		doc[fHost] = strings.ToLower(a.Host)
	}
	if t, ok := parseDay(a.Published); ok {
		doc[fPublished] = t
	}
	of := outageFields{lang: lang, stats: make(map[string][]string, len(statsDims))}
	for i, o := range a.Outages {
		of.add(i, o)
	}
	of.setOn(doc)
	return doc, nil
}

// outageFields gathers the indexed fields of an article's outages.
type outageFields struct {
	lang                                                                   string
	services, service, kinds, causes, alt, denied, months, buckets, starts []string
	countries                                                              []string
	durations                                                              []float64
	stats                                                                  map[string][]string // by statsDims dimension: "i|value"
}

// add gathers outage i.
func (f *outageFields) add(i int, o corpus.Outage) {
	cause := o.Cause
	if cause == "" {
		cause = corpus.CauseUnknown
	}
	name := strings.TrimSpace(o.Service)
	if name != "" {
		f.service = append(f.service, name)
		f.services = append(f.services, strings.ToLower(name))
	}
	for _, al := range o.Aliases {
		if al = strings.TrimSpace(al); al != "" {
			f.services = append(f.services, strings.ToLower(al))
		}
	}
	if o.Kind != "" {
		f.kinds = append(f.kinds, o.Kind)
	}
	f.causes = append(f.causes, cause)
	f.alt = append(f.alt, o.CauseAlt...)
	f.denied = append(f.denied, o.CauseDenied...)
	month := "unknown"
	if _, ok := parseDay(o.Start); ok {
		f.starts = append(f.starts, o.Start)
		month = o.Start[:7]
		f.months = append(f.months, month)
	}
	if o.DurationMin != nil {
		f.durations = append(f.durations, float64(*o.DurationMin))
	}
	f.buckets = append(f.buckets, durationBucket(o.DurationMin))
	kind := o.Kind
	if kind == "" {
		kind = corpus.KindOther
	}
	if name == "" {
		name = "unknown"
	}
	p := strconv.Itoa(i) + "|"
	f.stats["month"] = append(f.stats["month"], p+month)
	f.stats["cause"] = append(f.stats["cause"], p+cause)
	f.stats["service"] = append(f.stats["service"], p+name)
	f.stats["lang"] = append(f.stats["lang"], p+f.lang)
	f.stats["kind"] = append(f.stats["kind"], p+kind)
	if len(o.Country) == 0 {
		f.stats["country"] = append(f.stats["country"], p+"unknown")
	}
	for _, c := range o.Country {
		f.stats["country"] = append(f.stats["country"], p+strings.ToUpper(c))
		f.countries = append(f.countries, strings.ToLower(c))
	}
}

// setOn sets the gathered fields on doc.
func (f *outageFields) setOn(doc map[string]interface{}) {
	setList := func(name string, v []string) {
		if len(v) > 0 {
			doc[name] = v
		}
	}
	setList(fServices, f.services)
	setList(fCausesAlt, f.alt)
	setList(fDenied, f.denied)
	if len(f.starts) > 0 {
		ts := make([]interface{}, 0, len(f.starts))
		for _, s := range f.starts {
			t, _ := parseDay(s)
			ts = append(ts, t)
		}
		doc[fStart] = ts
	}
	if len(f.durations) > 0 {
		doc[fDurations] = f.durations
	}
	var st []string
	for _, d := range statsDims {
		for _, v := range f.stats[d] {
			st = append(st, d+":"+v)
		}
	}
	setList(fStats, st)
	doc[fFacets] = f.facets()
}

// facets is the one doc-values field for all facets of Search: one visit
// per hit.
func (f *outageFields) facets() []string {
	facets := []string{"lang:" + f.lang}
	seen := map[string]bool{}
	add := func(facet string, vals []string) {
		for _, v := range vals {
			k := facet + ":" + v
			if !seen[k] {
				seen[k] = true
				facets = append(facets, k)
			}
		}
	}
	add("cause", f.causes)
	add("service", f.service)
	add("kind", f.kinds)
	add("month", f.months)
	add("duration", f.buckets)
	add("country", f.countries)
	return facets
}
