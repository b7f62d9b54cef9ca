package index

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
	"time"

	"outages/corpus"
)

// template decodes OpenSearchTemplate into a generic map.
func template(t *testing.T) map[string]any {
	t.Helper()
	raw, err := OpenSearchTemplate("outages")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("template is not JSON: %v", err)
	}
	return m
}

func obj(t *testing.T, m any, path ...string) map[string]any {
	t.Helper()
	for _, k := range path {
		mm, ok := m.(map[string]any)
		if !ok {
			t.Fatalf("%s: not an object", strings.Join(path, "."))
		}
		m = mm[k]
	}
	out, ok := m.(map[string]any)
	if !ok {
		t.Fatalf("%s: missing or not an object", strings.Join(path, "."))
	}
	return out
}

// TestOpenSearchTemplateShape checks the template against the documented
// composable index template body: index_patterns, template.settings,
// template.mappings.properties, and the schema version in _meta.
func TestOpenSearchTemplateShape(t *testing.T) {
	m := template(t)
	pats, ok := m["index_patterns"].([]any)
	if !ok || len(pats) == 0 {
		t.Fatalf("index_patterns = %v, want a non-empty list", m["index_patterns"])
	}
	for _, p := range pats {
		if s, _ := p.(string); !strings.HasPrefix(s, "outages") {
			t.Errorf("index pattern %v does not match the index name", p)
		}
	}
	for _, meta := range []map[string]any{obj(t, m, "_meta"), obj(t, m, "template", "mappings", "_meta")} {
		if v, _ := meta["schema_version"].(float64); int(v) != SchemaVersion {
			t.Errorf("_meta.schema_version = %v, want %d", meta["schema_version"], SchemaVersion)
		}
	}
	if d := obj(t, m, "template", "mappings")["dynamic"]; d != "strict" {
		t.Errorf("mappings.dynamic = %v, want strict", d)
	}
	analyzers := obj(t, m, "template", "settings", "analysis", "analyzer")
	builtin := map[string]bool{"standard": true, "french": true, "english": true, "arabic": true}
	props := obj(t, m, "template", "mappings", "properties")
	for name, p := range props {
		pm := p.(map[string]any)
		typ, _ := pm["type"].(string)
		switch typ {
		case "text":
			an, _ := pm["analyzer"].(string)
			if !builtin[an] && analyzers[an] == nil {
				t.Errorf("%s: analyzer %q is neither built in nor defined in settings.analysis", name, an)
			}
		case "keyword", "date", "integer", "boolean", "nested", "object":
		default:
			t.Errorf("%s: unexpected type %q", name, typ)
		}
	}
	// Each language's text fields use that language's analyzer.
	for field, want := range map[string]string{"body_fr": "french", "title_en": "english", "body_ar": analyzerAr, "body_other": "standard"} {
		if got := obj(t, props, field)["analyzer"]; got != want {
			t.Errorf("%s analyzer = %v, want %s", field, got, want)
		}
	}
	// The custom Arabic analyzer only names filters that exist.
	an := obj(t, analyzers, analyzerAr)
	filters := obj(t, m, "template", "settings", "analysis", "filter")
	builtinFilters := map[string]bool{"lowercase": true, "decimal_digit": true, "arabic_normalization": true}
	for _, f := range an["filter"].([]any) {
		if !builtinFilters[f.(string)] && filters[f.(string)] == nil {
			t.Errorf("analyzer %s: filter %v undefined", analyzerAr, f)
		}
	}
}

// TestOpenSearchTemplateCoversBleveMapping: every field of the Bleve
// mapping has a field in the template, with a matching type.
func TestOpenSearchTemplateCoversBleveMapping(t *testing.T) {
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	props := obj(t, template(t), "template", "mappings", "properties")
	names := map[string]string{}
	for _, f := range schemaFields() {
		names[f.name] = f.openSearchName()
	}
	bleveType := map[string]string{"text": "text", "datetime": "date", "number": "integer", "boolean": "boolean"}
	n := 0
	for name, dm := range im.DefaultMapping.Properties {
		if name == "_all" {
			continue
		}
		n++
		osName, ok := names[name]
		if !ok {
			t.Errorf("Bleve field %q is not in schemaFields", name)
			continue
		}
		p, ok := props[osName].(map[string]any)
		if !ok {
			t.Errorf("Bleve field %q: no %q in the template", name, osName)
			continue
		}
		fm := dm.Fields[0]
		want := bleveType[fm.Type]
		switch {
		case !fm.Index:
			want = "object"
		case fm.Type == "text" && fm.Analyzer == "keyword":
			want = "keyword"
		}
		if p["type"] != want {
			t.Errorf("field %q: template type %v, want %s (Bleve %s/%s)", name, p["type"], want, fm.Type, fm.Analyzer)
		}
	}
	if n < 15 {
		t.Fatalf("only %d Bleve fields seen", n)
	}
}

// checkSource checks that every field of a source document is in the
// template properties and that its values fit the mapped type.
func checkSource(t *testing.T, id string, doc map[string]any, props map[string]any, prefix string) {
	t.Helper()
	for k, v := range doc {
		p, ok := props[k].(map[string]any)
		if !ok {
			t.Errorf("%s: field %s%s is not in the template (strict mapping would refuse it)", id, prefix, k)
			continue
		}
		vals := []any{v}
		if l, ok := v.([]any); ok {
			vals = l
		}
		for _, x := range vals {
			switch p["type"] {
			case "text", "keyword":
				if _, ok := x.(string); !ok {
					t.Errorf("%s: %s%s = %v, want strings", id, prefix, k, x)
				}
			case "date":
				s, _ := x.(string)
				if _, err := time.Parse(time.DateOnly, s); err != nil {
					t.Errorf("%s: %s%s = %v, want YYYY-MM-DD (strict_date)", id, prefix, k, x)
				}
			case "integer":
				f, ok := x.(float64)
				if !ok || f != float64(int64(f)) {
					t.Errorf("%s: %s%s = %v, want an integer", id, prefix, k, x)
				}
			case "boolean":
				if _, ok := x.(bool); !ok {
					t.Errorf("%s: %s%s = %v, want a boolean", id, prefix, k, x)
				}
			case "nested":
				m, ok := x.(map[string]any)
				if !ok {
					t.Errorf("%s: %s%s = %v, want objects", id, prefix, k, x)
					continue
				}
				checkSource(t, id, m, obj(t, p, "properties"), prefix+k+".")
			case "object":
				if _, ok := x.(map[string]any); !ok {
					t.Errorf("%s: %s%s = %v, want an object", id, prefix, k, x)
				}
			}
		}
	}
}

func TestOpenSearchSourceFieldsInTemplate(t *testing.T) {
	props := obj(t, template(t), "template", "mappings", "properties")
	arts := fixtures()
	odd := art("odd", "es", "2024-02", "Sin fecha exacta", "Texto.",
		outageSpec{service: "Red", start: "XXXX-02-03", kind: ""})
	arts = append(arts, odd)
	seen := map[string]bool{}
	for _, a := range arts {
		raw, err := OpenSearchSource(a)
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsRune(string(raw), '\n') {
			t.Errorf("%s: source spans several lines", a.ID)
		}
		var doc map[string]any
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		checkSource(t, a.ID, doc, props, "")
		for k := range doc {
			seen[k] = true
		}
		// The stored article comes back whole.
		var back corpus.Article
		b, _ := json.Marshal(doc["article"])
		if err := json.Unmarshal(b, &back); err != nil || back.ID != a.ID || back.Body != a.Body {
			t.Errorf("%s: article not kept whole (%v)", a.ID, err)
		}
		if doc[titleField(a.Lang)] != a.Title {
			t.Errorf("%s: %s = %v, want the title", a.ID, titleField(a.Lang), doc[titleField(a.Lang)])
		}
	}
	// The fixtures exercise the per-language, date, number and nested fields.
	for _, f := range []string{"title_fr", "body_ar", "title_en", "title_other", "published", "start", "duration_min", "outages", "services", "facets", "article"} {
		if !seen[f] {
			t.Errorf("no fixture produced field %s", f)
		}
	}
	// An outage start with an unknown year stays out of the date field.
	raw, _ := OpenSearchSource(odd)
	var doc struct {
		Outages []map[string]any `json:"outages"`
	}
	json.Unmarshal(raw, &doc)
	if len(doc.Outages) != 1 || doc.Outages[0]["start"] != nil || doc.Outages[0]["start_text"] != "XXXX-02-03" {
		t.Errorf("odd outage = %v", doc.Outages)
	}
}

// TestSchemaFieldsUnique guards the one description both mappings come from.
func TestSchemaFieldsUnique(t *testing.T) {
	var names []string
	seen := map[string]bool{}
	for _, f := range append(schemaFields(), openSearchExtra...) {
		n := f.openSearchName()
		if seen[n] {
			t.Errorf("field %s twice", n)
		}
		seen[n] = true
		names = append(names, n)
	}
	sort.Strings(names)
	if seen["outages"] {
		t.Error("outages is the nested field's name")
	}
}
