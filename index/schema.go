package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// fieldType is the type of a field of the schema, independent of the
// engine: the Bleve mapping (newMapping) and the OpenSearch index template
// (OpenSearchTemplate) are both generated from schemaFields, so the two
// cannot drift apart.
type fieldType int

const (
	typeText    fieldType = iota // analysed text with positions, one language
	typeExact                    // unstemmed words of any language, for prefix and pattern queries
	typeKeyword                  // exact terms (facets and filters)
	typeDate                     // a day, YYYY-MM-DD
	typeNumber                   // whole minutes
	typeBool
	typeStored // kept for display, not indexed
)

// fieldSpec describes one field of an article's document.
type fieldSpec struct {
	name      string    // Bleve field name
	typ       fieldType //
	lang      string    // typeText: the language whose analyzer applies
	docValues bool      // typeKeyword: read by facets and stats
	osName    string    // OpenSearch field name when it differs from name
}

// openSearchName is the field's name in an OpenSearch document.
func (f fieldSpec) openSearchName() string {
	if f.osName != "" {
		return f.osName
	}
	return f.name
}

// schemaFields lists every field of the document of SchemaVersion.
func schemaFields() []fieldSpec {
	var out []fieldSpec
	for _, l := range langs {
		out = append(out,
			fieldSpec{name: titleField(l), typ: typeText, lang: l},
			fieldSpec{name: bodyField(l), typ: typeText, lang: l})
	}
	return append(out,
		fieldSpec{name: fTitleExact, typ: typeExact},
		fieldSpec{name: fBodyExact, typ: typeExact},
		fieldSpec{name: fHost, typ: typeKeyword},
		fieldSpec{name: fServices, typ: typeKeyword},
		fieldSpec{name: fCausesAlt, typ: typeKeyword},
		fieldSpec{name: fDenied, typ: typeKeyword},
		fieldSpec{name: fFacets, typ: typeKeyword, docValues: true},
		fieldSpec{name: fStats, typ: typeKeyword, docValues: true},
		fieldSpec{name: fPublished, typ: typeDate},
		fieldSpec{name: fStart, typ: typeDate},
		fieldSpec{name: fDurations, typ: typeNumber},
		fieldSpec{name: fIsOutage, typ: typeBool},
		fieldSpec{name: fArticle, typ: typeStored, osName: "article"},
	)
}

// bleveField is the Bleve mapping of one field: nothing stored but the
// article, nothing in _all, doc values only where facets read them.
func bleveField(f fieldSpec) *mapping.FieldMapping {
	var fm *mapping.FieldMapping
	switch f.typ {
	case typeText:
		fm = bleve.NewTextFieldMapping()
		fm.Analyzer = analyzerFor(f.lang)
		fm.IncludeTermVectors = true // phrase queries need positions
	case typeExact:
		// No term vectors: only prefix and pattern queries read these.
		// Not SkipFreqNorm: it saves ~4% of the indexing CPU, but Bleve
		// 2.6.1 then scores prefix matches NaN and ranking is lost.
		fm = bleve.NewTextFieldMapping()
		fm.Analyzer = analyzerExact
		fm.IncludeTermVectors = false
	case typeKeyword:
		fm = bleve.NewKeywordFieldMapping()
		fm.Analyzer = keyword.Name
		fm.IncludeTermVectors = false
	case typeDate:
		fm = bleve.NewDateTimeFieldMapping()
	case typeNumber:
		fm = bleve.NewNumericFieldMapping()
	case typeBool:
		fm = bleve.NewBooleanFieldMapping()
	default: // typeStored
		fm = bleve.NewTextFieldMapping()
		fm.Index = false
		fm.Store = true
		fm.IncludeTermVectors = false
		fm.IncludeInAll = false
		fm.DocValues = false
		return fm
	}
	fm.Store = false
	fm.IncludeInAll = false
	fm.DocValues = f.docValues
	return fm
}
