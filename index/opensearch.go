package index

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"outages/corpus"
)

// The OpenSearch (or Elasticsearch) form of the schema: an index template
// and one source document per article, both generated from schemaFields so
// that an archive moved to a cluster is searchable by the same fields.

// OpenSearchIndex is the default name of the index the bulk files load into.
const OpenSearchIndex = "outages"

// openSearchAnalyzers maps a language of the text fields to its OpenSearch
// analyzer: the built-in french and english analyzers; for Arabic the
// built-in arabic chain rebuilt as documented (standard tokenizer,
// lowercase, decimal_digit, Arabic stop words, normalisation, stemmer) plus
// the character filter of Bleve's ar_tanwin (the accusative ending "ًا"
// blanked); the standard analyzer for other languages.
var openSearchAnalyzers = map[string]string{
	corpus.LangFrench:  "french",
	corpus.LangArabic:  analyzerAr,
	corpus.LangEnglish: "english",
	corpus.LangOther:   "standard",
}

// openSearchAnalysis is template.settings.analysis: the custom analyzers
// the text fields name.
func openSearchAnalysis() map[string]any {
	return map[string]any{
		"char_filter": map[string]any{
			"ar_tanwin_fath": map[string]any{
				"type":        "pattern_replace",
				"pattern":     "\u064b\u0627|\u0627\u064b",
				"replacement": " ",
			},
		},
		"filter": map[string]any{
			"ar_stop":    map[string]any{"type": "stop", "stopwords": "_arabic_"},
			"ar_stemmer": map[string]any{"type": "stemmer", "language": "arabic"},
			// the French articles (l', d', qu'…) of the elision filter's
			// default list, in any case, as Bleve's exact analyzer cuts them
			"fr_elision": map[string]any{"type": "elision", "articles_case": true},
		},
		"analyzer": map[string]any{
			// the *_exact fields: words of any language, lower case, no
			// stemming, for prefix and pattern queries (Bleve's "exact")
			analyzerExact: map[string]any{
				"type":      "custom",
				"tokenizer": "standard",
				"filter":    []string{"lowercase", "fr_elision", "decimal_digit", "arabic_normalization"},
			},
			analyzerAr: map[string]any{
				"type":        "custom",
				"char_filter": []string{"ar_tanwin_fath"},
				"tokenizer":   "standard",
				"filter":      []string{"lowercase", "decimal_digit", "ar_stop", "arabic_normalization", "ar_stemmer"},
			},
		},
	}
}

// openSearchDateFormat is the format of every date field: YYYY-MM-DD.
const openSearchDateFormat = "strict_date"

// openSearchType is the mapping of a field of type t.
func openSearchType(t fieldType, lang string) map[string]any {
	switch t {
	case typeText:
		return map[string]any{"type": "text", "analyzer": openSearchAnalyzers[fieldLang(lang)]}
	case typeExact:
		return map[string]any{"type": "text", "analyzer": analyzerExact}
	case typeKeyword:
		return map[string]any{"type": "keyword"}
	case typeDate:
		return map[string]any{"type": "date", "format": openSearchDateFormat}
	case typeNumber:
		return map[string]any{"type": "integer"}
	case typeBool:
		return map[string]any{"type": "boolean"}
	}
	// typeStored: kept in _source, not indexed.
	return map[string]any{"type": "object", "enabled": false}
}

// openSearchExtra are the fields only the OpenSearch document has: the
// language, source and URL as keywords, and the outages as nested objects
// (Bleve has no nested documents; it flattens them into facets and stats).
var openSearchExtra = []fieldSpec{
	{name: "lang", typ: typeKeyword},
	{name: "source", typ: typeKeyword},
	{name: "url", typ: typeKeyword},
}

// openSearchOutage are the fields of one nested outage.
var openSearchOutage = []fieldSpec{
	{name: "service", typ: typeKeyword},
	{name: "aliases", typ: typeKeyword},
	{name: "kind", typ: typeKeyword},
	{name: "start", typ: typeDate},
	{name: "start_text", typ: typeKeyword}, // as written: XXXX-MM-DD when the year is unknown
	{name: "start_time", typ: typeKeyword},
	{name: "end", typ: typeKeyword},
	{name: "zone", typ: typeKeyword},
	{name: "duration_min", typ: typeNumber},
	{name: "duration_kind", typ: typeKeyword},
	{name: "cause", typ: typeKeyword},
	{name: "cause_alt", typ: typeKeyword},
	{name: "cause_denied", typ: typeKeyword},
	{name: "country", typ: typeKeyword}, // ISO 3166-1 alpha-2
}

// OpenSearchTemplate returns the composable index template (the body of
// PUT _index_template/outages) for indexes named name or name-*: the
// analysis settings and the mappings of SchemaVersion, with
// _meta.schema_version. Mappings are strict: a document with a field the
// template does not know is refused.
func OpenSearchTemplate(name string) ([]byte, error) {
	if name == "" {
		name = OpenSearchIndex
	}
	props := map[string]any{}
	for _, f := range schemaFields() {
		props[f.openSearchName()] = openSearchType(f.typ, f.lang)
	}
	for _, f := range openSearchExtra {
		props[f.name] = openSearchType(f.typ, "")
	}
	nested := map[string]any{}
	for _, f := range openSearchOutage {
		nested[f.name] = openSearchType(f.typ, "")
	}
	props["outages"] = map[string]any{"type": "nested", "properties": nested}
	meta := map[string]any{"schema_version": SchemaVersion, "generator": "outages export --format opensearch"}
	tmpl := map[string]any{
		"index_patterns": []string{name, name + "-*"},
		"version":        SchemaVersion,
		"_meta":          meta,
		"template": map[string]any{
			"settings": map[string]any{"analysis": openSearchAnalysis()},
			"mappings": map[string]any{
				"dynamic":    "strict",
				"_meta":      meta,
				"properties": props,
			},
		},
	}
	b, err := json.MarshalIndent(tmpl, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("opensearch template: %w", err)
	}
	return append(b, '\n'), nil
}

// openSearchOutageDoc is one nested outage of an OpenSearch document.
type openSearchOutageDoc struct {
	Service      string   `json:"service,omitempty"`
	Aliases      []string `json:"aliases,omitempty"`
	Kind         string   `json:"kind,omitempty"`
	Start        string   `json:"start,omitempty"`
	StartText    string   `json:"start_text,omitempty"`
	StartTime    string   `json:"start_time,omitempty"`
	End          string   `json:"end,omitempty"`
	Zone         string   `json:"zone,omitempty"`
	DurationMin  *int     `json:"duration_min,omitempty"`
	DurationKind string   `json:"duration_kind,omitempty"`
	Cause        string   `json:"cause"`
	CauseAlt     []string `json:"cause_alt,omitempty"`
	CauseDenied  []string `json:"cause_denied,omitempty"`
	Country      []string `json:"country,omitempty"`
}

// OpenSearchSource returns the source document of a for the OpenSearch
// template: the fields of its Bleve document under their OpenSearch names
// (dates as YYYY-MM-DD, the stored article as an object), the language,
// source and URL, and its outages as nested objects.
func OpenSearchSource(a *corpus.Article) ([]byte, error) {
	doc, err := document(a)
	if err != nil {
		return nil, err
	}
	specs := map[string]fieldSpec{}
	for _, f := range schemaFields() {
		specs[f.name] = f
	}
	out := make(map[string]any, len(doc)+4)
	for k, v := range doc {
		f, ok := specs[k]
		if !ok {
			return nil, fmt.Errorf("opensearch document %s: field %q is not in the schema", a.ID, k)
		}
		switch f.typ {
		case typeDate:
			v = openSearchDates(v)
		case typeStored:
			if s, ok := v.(string); ok {
				v = json.RawMessage(s)
			}
		}
		out[f.openSearchName()] = v
	}
	out["lang"] = fieldLang(strings.ToLower(strings.TrimSpace(a.Lang)))
	if a.Source != "" {
		out["source"] = a.Source
	}
	out["url"] = a.URL
	if len(a.Outages) > 0 {
		outs := make([]openSearchOutageDoc, len(a.Outages))
		for i, o := range a.Outages {
			outs[i] = openSearchOutageOf(o)
		}
		out["outages"] = outs
	}
	b, err := json.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("opensearch document %s: %w", a.ID, err)
	}
	return b, nil
}

func openSearchOutageOf(o corpus.Outage) openSearchOutageDoc {
	d := openSearchOutageDoc{
		Service: o.Service, Aliases: o.Aliases, Kind: o.Kind, StartText: o.Start,
		StartTime: o.StartTime, End: o.End, Zone: o.Zone, DurationMin: o.DurationMin,
		DurationKind: o.DurationKind, Cause: o.Cause, CauseAlt: o.CauseAlt, CauseDenied: o.CauseDenied,
		Country: o.Country,
	}
	if _, ok := parseDay(o.Start); ok {
		d.Start = o.Start
	}
	if d.Cause == "" {
		d.Cause = corpus.CauseUnknown
	}
	return d
}

// openSearchDates formats the time values of a date field as YYYY-MM-DD.
func openSearchDates(v any) any {
	switch t := v.(type) {
	case time.Time:
		return t.Format(time.DateOnly)
	case []any:
		out := make([]string, 0, len(t))
		for _, x := range t {
			if tt, ok := x.(time.Time); ok {
				out = append(out, tt.Format(time.DateOnly))
			}
		}
		return out
	}
	return v
}
