package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"outages/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func intp(n int) *int { return &n }

// fixtures are invented articles covering the cases the CSV must handle.
func fixtures() []*corpus.Article {
	fetched := time.Date(2024, 3, 5, 9, 30, 0, 0, time.FixedZone("CET", 3600))
	return []*corpus.Article{
		{
			ID: corpus.ArticleID("https://journal.example.test/tech/panne-messagerie"), URL: "https://journal.example.test/tech/panne-messagerie",
			Source: "journal", Host: "journal.example.test",
			Title:     "Panne géante : la messagerie « Bavard » coupée, les abonnés s'impatientent",
			Published: "2024-03-04", Lang: corpus.LangFrench, IsOutage: true, OutageScore: 0.92, Classifier: "rules-test",
			Fetch: corpus.Fetch{FetchedAt: fetched},
			Outages: []corpus.Outage{{
				Service: "Bavard", Aliases: []string{"Bavard Chat", "BVD"}, Kind: corpus.KindOnlineService,
				Start: "2024-03-04", StartTime: "14:10", Zone: "CET", DurationMin: intp(95), DurationKind: corpus.DurationApprox,
				Cause: corpus.CauseSoftwareChange, CauseAlt: []string{corpus.CauseSoftwareBug}, CauseDenied: []string{corpus.CauseCyberattack},
				Evidence: corpus.Evidence{
					Start:    []string{"lundi après-midi"},
					Duration: []string{"environ une heure et demie"},
					Cause:    []string{"une mise à jour \"ratée\", selon l'éditeur"},
				},
				Confidence: 0.8,
			}},
		},
		{
			ID: corpus.ArticleID("https://akhbar.example.test/2024/05/net"), URL: "https://akhbar.example.test/2024/05/net",
			Source: "akhbar", Title: "انقطاع الإنترنت في عدة مدن لساعات",
			Published: "2024-05", Lang: corpus.LangArabic, IsOutage: true, OutageScore: 0.7,
			Outages: []corpus.Outage{
				{
					Service: "Internet (Atlantis)", Kind: corpus.KindInternet, Start: "XXXX-05-12",
					DurationKind: corpus.DurationVague, Cause: corpus.CauseCableCut,
					Evidence: corpus.Evidence{Duration: []string{"لساعات"}, Cause: []string{"قطع كابل بحري"}},
				},
				{
					Service: "Power grid (Atlantis)", Kind: corpus.KindPower, End: "2024-05-12T18:00",
					Evidence: corpus.Evidence{Start: []string{"=cmd|' /C calc'!A0"}},
				},
			},
		},
		{
			ID: corpus.ArticleID("https://daily.example.test/markets"), URL: "https://daily.example.test/markets",
			Source: "daily", Title: "-5% for tech stocks, analysts say \"no outage\",\nnot yet", Lang: corpus.LangEnglish,
			Published: "", IsOutage: false,
		},
	}
}

func writeAll(t testing.TB, opts Options, arts []*corpus.Article) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if err := w.Write(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readCSV(t testing.TB, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(bom))))
	r.FieldsPerRecord = len(columns)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, b)
	}
	if len(recs) == 0 || !slices.Equal(recs[0], Columns()) {
		t.Fatalf("header = %q", recs)
	}
	return recs
}

// row returns the record as a map from column name to value.
func row(rec []string) map[string]string {
	m := make(map[string]string, len(rec))
	for i, v := range rec {
		m[columns[i]] = v
	}
	return m
}

func TestColumns(t *testing.T) {
	required := []string{
		"article_id", "url", "source", "title", "lang", "published", "service", "kind",
		"start", "end", "duration_min", "duration_kind", "cause", "cause_denied",
		"evidence_start", "evidence_duration", "evidence_cause",
	}
	got := Columns()
	if !slices.Equal(got[:len(required)], required) {
		t.Errorf("first columns = %q, want %q", got[:len(required)], required)
	}
	if len(got) != numColumns {
		t.Errorf("%d columns, numColumns = %d", len(got), numColumns)
	}
	got[0] = "changed"
	if Columns()[0] != "article_id" {
		t.Error("Columns returns the package's array")
	}
	doc, err := os.ReadFile("COLUMNS.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range Columns() {
		if !bytes.Contains(doc, []byte("| `"+c+"` |")) {
			t.Errorf("COLUMNS.md does not document %q", c)
		}
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"csv", "csv", ""},
		{" JSONL ", "jsonl", ""},
		{"", "", `unknown export format "" (want csv or jsonl)`},
		{"xlsx", "", `unknown export format "xlsx" (want csv or jsonl)`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			f, err := ParseFormat(tt.in)
			if string(f) != tt.want {
				t.Errorf("format = %q, want %q", f, tt.want)
			}
			if (err == nil) != (tt.err == "") || (err != nil && err.Error() != tt.err) {
				t.Errorf("error = %v, want %q", err, tt.err)
			}
		})
	}
}

func TestNewWriterErrors(t *testing.T) {
	tests := []struct {
		name string
		w    io.Writer
		opts Options
		want string
	}{
		{"no format", io.Discard, Options{}, `export: unknown export format "" (want csv or jsonl)`},
		{"bad format", io.Discard, Options{Format: "xml"}, `export: unknown export format "xml" (want csv or jsonl)`},
		{"excel jsonl", io.Discard, Options{Format: JSONL, Excel: true}, "export: the Excel option applies to csv only, not jsonl"},
		{"nil writer", nil, Options{Format: CSV}, "export: nil io.Writer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := NewWriter(tt.w, tt.opts)
			if err == nil || err.Error() != tt.want || w != nil {
				t.Errorf("got %v, %v; want error %q", w, err, tt.want)
			}
		})
	}
}

func TestCell(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "Bavard", "Bavard"},
		{"equals", "=1+2", "'=1+2"},
		{"plus", "+33 1 23", "'+33 1 23"},
		{"minus", "-5", "'-5"},
		{"at", "@SUM(A1)", "'@SUM(A1)"},
		{"tab", "\t=1", "'\t=1"},
		{"carriage return", "\r=1", "'\n=1"},
		{"inner equals kept", "a=b", "a=b"},
		{"leading space kept", " =1", " =1"},
		{"crlf", "a\r\nb\rc\nd", "a\nb\nc\nd"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"invalid utf8 then formula", "\xff=", "\uFFFD="},
		{"arabic", "انقطاع", "انقطاع"},
		{"quote", `"x"`, `"x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Cell(tt.in); got != tt.want {
				t.Errorf("Cell(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCSVQuoting(t *testing.T) {
	tests := []struct {
		name, title, raw string // raw: how the cell must appear in the file
	}{
		{"comma", "Outage, then recovery", `"Outage, then recovery"`},
		{"quotes", `The "cloud" fell`, `"The ""cloud"" fell"`},
		{"newline", "line one\nline two", "\"line one\r\nline two\""},
		{"crlf", "line one\r\nline two", "\"line one\r\nline two\""},
		{"arabic", "تعطل خدمة الرسائل، ثم عادت", "تعطل خدمة الرسائل، ثم عادت"},
		{"accents", "Électricité coupée à Besançon; « grève » ?", "Électricité coupée à Besançon; « grève » ?"},
		{"leading space", " padded", `" padded"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{ID: "id1", URL: "https://x.example.test/a", Title: tt.title}
			out := writeAll(t, Options{Format: CSV}, []*corpus.Article{a})
			if !bytes.Contains(out, []byte(","+tt.raw+",")) {
				t.Errorf("file does not contain %q:\n%q", tt.raw, out)
			}
			recs := readCSV(t, out)
			want := strings.ReplaceAll(tt.title, "\r\n", "\n")
			if got := row(recs[1])["title"]; got != want {
				t.Errorf("title read back %q, want %q", got, want)
			}
			if !bytes.HasSuffix(out, []byte("\r\n")) {
				t.Error("rows do not end with CR LF")
			}
		})
	}
}

func TestFormulaNeutralised(t *testing.T) {
	for _, lead := range []string{"=", "+", "-", "@", "\t", "\r"} {
		t.Run(strings.TrimSpace(strings.NewReplacer("\t", "tab", "\r", "cr").Replace(lead)), func(t *testing.T) {
			payload := lead + "HYPERLINK(\"http://evil.example.test\")"
			a := &corpus.Article{
				ID: "id", URL: "https://x.example.test/", Title: payload, Source: payload,
				IsOutage: true,
				Outages: []corpus.Outage{{
					Service: payload, Aliases: []string{payload, "safe"}, Cause: payload,
					Evidence: corpus.Evidence{Start: []string{payload}},
				}},
			}
			r := row(readCSV(t, writeAll(t, Options{Format: CSV}, []*corpus.Article{a}))[1])
			want := "'" + strings.ReplaceAll(payload, "\r", "\n")
			for _, col := range []string{"title", "source", "service", "cause", "evidence_start"} {
				if r[col] != want {
					t.Errorf("%s = %q, want %q", col, r[col], want)
				}
			}
			if w := want + ListSep + "safe"; r["aliases"] != w {
				t.Errorf("aliases = %q, want %q", r["aliases"], w)
			}
		})
	}
}

func TestExcelBOM(t *testing.T) {
	arts := fixtures()[:1]
	tests := []struct {
		name  string
		opts  Options
		isBOM bool
	}{
		{"excel", Options{Format: CSV, Excel: true}, true},
		{"plain csv", Options{Format: CSV}, false},
		{"jsonl", Options{Format: JSONL}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := writeAll(t, tt.opts, arts)
			if got := bytes.HasPrefix(out, []byte(bom)); got != tt.isBOM {
				t.Errorf("starts with BOM = %v, want %v", got, tt.isBOM)
			}
			if bytes.Count(out, []byte(bom)) > 1 {
				t.Error("more than one BOM")
			}
		})
	}
}

func TestRowsPerOutage(t *testing.T) {
	arts := fixtures()
	recs := readCSV(t, writeAll(t, Options{Format: CSV}, arts))
	if len(recs) != 1+1+2+1 {
		t.Fatalf("%d records, want header + 4 rows", len(recs))
	}
	tests := []struct {
		name     string
		rec, art int
		want     map[string]string
	}{
		{"french single outage", 1, 0, map[string]string{
			"source": "journal", "service": "Bavard", "outage_index": "1", "outage_count": "1",
			"duration_min": "95", "duration_kind": "approx", "cause": "software_change",
			"cause_alt": "software_bug", "cause_denied": "cyberattack", "aliases": "Bavard Chat | BVD",
			"start_time": "14:10", "zone": "CET", "confidence": "0.8", "is_outage": "true",
			"fetched_at": "2024-03-05T08:30:00Z", "published": "2024-03-04", "lang": "fr",
		}},
		{"arabic first outage", 2, 1, map[string]string{
			"source": "akhbar", "title": "انقطاع الإنترنت في عدة مدن لساعات", "service": "Internet (Atlantis)",
			"outage_index": "1", "outage_count": "2", "start": "XXXX-05-12", "duration_min": "",
			"duration_kind": "vague", "cause": "cable_cut", "evidence_duration": "لساعات", "fetched_at": "",
		}},
		{"arabic second outage repeats article", 3, 1, map[string]string{
			"source": "akhbar", "title": "انقطاع الإنترنت في عدة مدن لساعات", "service": "Power grid (Atlantis)",
			"outage_index": "2", "outage_count": "2", "end": "2024-05-12T18:00", "cause": "unknown",
			"evidence_start": "'=cmd|' /C calc'!A0", "confidence": "0",
		}},
		{"no outage", 4, 2, map[string]string{
			"source": "daily", "title": "'-5% for tech stocks, analysts say \"no outage\",\nnot yet",
			"is_outage": "false", "outage_count": "0", "outage_index": "", "service": "", "kind": "",
			"cause": "", "duration_min": "", "evidence_start": "", "confidence": "", "outage_score": "0",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := row(recs[tt.rec])
			for k, v := range tt.want {
				if r[k] != v {
					t.Errorf("%s = %q, want %q", k, r[k], v)
				}
			}
			if r["article_id"] != arts[tt.art].ID || r["url"] != arts[tt.art].URL {
				t.Errorf("article_id = %q", r["article_id"])
			}
		})
	}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name, file string
		opts       Options
	}{
		{"csv", "articles.golden.csv", Options{Format: CSV}},
		{"jsonl", "articles.golden.jsonl", Options{Format: JSONL}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := writeAll(t, tt.opts, fixtures())
			path := filepath.Join("testdata", tt.file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run go test -update if the change is intended):\n got %q\nwant %q", path, got, want)
			}
		})
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	arts := fixtures()
	out := writeAll(t, Options{Format: JSONL}, arts)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(arts) {
		t.Fatalf("%d lines, want %d", len(lines), len(arts))
	}
	for i, line := range lines {
		t.Run(arts[i].Source, func(t *testing.T) {
			var got corpus.Article
			if err := json.Unmarshal([]byte(line), &got); err != nil {
				t.Fatal(err)
			}
			if got.ID != arts[i].ID || got.Title != arts[i].Title || len(got.Outages) != len(arts[i].Outages) {
				t.Errorf("read back %+v", got)
			}
			if strings.Contains(line, `\u0026`) || strings.Contains(line, `\u003c`) {
				t.Error("HTML escaping is on")
			}
		})
	}
}

type failWriter struct{ after int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.after <= 0 {
		return 0, errors.New("disk full")
	}
	f.after--
	return len(p), nil
}

func TestWriteErrors(t *testing.T) {
	for _, format := range []Format{CSV, JSONL} {
		t.Run(string(format), func(t *testing.T) {
			w, err := NewWriter(&failWriter{}, Options{Format: format})
			if err != nil {
				t.Fatal(err)
			}
			big := &corpus.Article{ID: "big", Title: strings.Repeat("x", 200<<10)}
			err = w.Write(big)
			if err == nil || !strings.Contains(err.Error(), "disk full") {
				t.Fatalf("Write = %v, want the disk error", err)
			}
			if err2 := w.Write(fixtures()[0]); err2 != err {
				t.Errorf("second Write = %v, want the first error %v", err2, err)
			}
			if err3 := w.Close(); err3 != err {
				t.Errorf("Close = %v, want the first error %v", err3, err)
			}
		})
	}
	t.Run("error at flush", func(t *testing.T) {
		w, err := NewWriter(&failWriter{}, Options{Format: CSV})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(fixtures()[2]); err != nil {
			t.Fatalf("buffered Write = %v", err)
		}
		if err := w.Close(); err == nil || err.Error() != "export flush: disk full" {
			t.Errorf("Close = %v", err)
		}
	})
	t.Run("after close", func(t *testing.T) {
		w, _ := NewWriter(io.Discard, Options{Format: CSV})
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if err := w.Write(fixtures()[0]); !errors.Is(err, ErrClosed) {
			t.Errorf("Write after Close = %v", err)
		}
	})
	t.Run("nil article", func(t *testing.T) {
		w, _ := NewWriter(io.Discard, Options{Format: CSV})
		if err := w.Write(nil); err == nil || err.Error() != "export: nil article" {
			t.Errorf("Write(nil) = %v", err)
		}
	})
}

func TestEmptyExportHasHeader(t *testing.T) {
	out := writeAll(t, Options{Format: CSV}, nil)
	if want := strings.Join(columns[:], ",") + "\r\n"; string(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestAllocsFlat(t *testing.T) {
	// Memory must not grow with the number of rows: the allocations per
	// article are the same for the 10th and for the 100,000th article.
	a := fixtures()[0]
	w, err := NewWriter(io.Discard, Options{Format: CSV})
	if err != nil {
		t.Fatal(err)
	}
	first := testing.AllocsPerRun(10, func() { _ = w.Write(a) })
	for range 100_000 {
		_ = w.Write(a)
	}
	later := testing.AllocsPerRun(10, func() { _ = w.Write(a) })
	if later > first || later > 16 {
		t.Errorf("allocs per article: %v at first, %v after 100000 rows", first, later)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func FuzzWriteCSV(f *testing.F) {
	f.Add("title", "service", "evidence", "alias")
	f.Add("=1+2", "+x", "-", "@")
	f.Add("\r\n", "\r", "\"\",\"", "a | b")
	f.Add("\t", " ", "\xff\xfe", "انقطاع")
	f.Fuzz(func(t *testing.T, title, service, evidence, alias string) {
		a := &corpus.Article{
			ID: "x", Title: title, Source: evidence,
			Outages: []corpus.Outage{{Service: service, Aliases: []string{alias}, Evidence: corpus.Evidence{Cause: []string{evidence, alias}}}},
		}
		var buf bytes.Buffer
		w, err := NewWriter(&buf, Options{Format: CSV, Excel: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(a); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		recs := readCSV(t, buf.Bytes())
		if len(recs) != 2 {
			t.Fatalf("%d records, want 2", len(recs))
		}
		r := row(recs[1])
		for col, in := range map[string]string{
			"title": title, "service": service, "source": evidence, "aliases": alias,
			"evidence_cause": strings.Join([]string{evidence, alias}, ListSep),
		} {
			if want := neutralised(in); r[col] != want {
				t.Errorf("%s: wrote %q, read %q, want %q", col, in, r[col], want)
			}
		}
	})
}

// neutralised is what a cell holding s must read back as, written
// independently of Cell.
func neutralised(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
}

func BenchmarkWriteCSV(b *testing.B) {
	a := fixtures()[1] // two outages: two rows
	size := int64(len(writeAll(b, Options{Format: CSV}, []*corpus.Article{a})) - len(strings.Join(columns[:], ",")) - 2)
	w, err := NewWriter(io.Discard, Options{Format: CSV})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if err := w.Write(a); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(w.Rows())/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkWriteJSONL(b *testing.B) {
	a := fixtures()[1]
	w, err := NewWriter(io.Discard, Options{Format: JSONL})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(writeAll(b, Options{Format: JSONL}, []*corpus.Article{a}))))
	b.ReportAllocs()
	for b.Loop() {
		if err := w.Write(a); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(w.Rows())/b.Elapsed().Seconds(), "docs/s")
}
