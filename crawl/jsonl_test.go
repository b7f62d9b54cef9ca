package crawl

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"outages/corpus"
)

func TestDecodeRecord(t *testing.T) {
	tests := []struct {
		name      string
		line      string
		wantErr   string // substring of the error; "" when the record is good
		wantWarn  string
		url       string
		title     string
		body      string
		published string
		lang      string
		source    string
	}{
		{name: "ours", line: `{"url":"https://News.example.test/a?utm_source=x","title":" Panne ","text":"Le réseau est tombé.\n\nRetour à 18 h.","published":"2024-03-05","lang":"fr","id":"a1","source":"wire"}`,
			url: "https://news.example.test/a", title: "Panne", body: "Le réseau est tombé.\n\nRetour à 18 h.", published: "2024-03-05", lang: "fr", source: "wire"},
		{name: "news-please", line: `{"url":"https://ar.example.test/x","title":"انقطاع","maintext":"انقطع التيار.\nعاد بعد ساعتين.","date_publish":"2021-10-04 17:30:00","language":"ar","authors":["A","B"],"source_domain":"ar.example.test","date_modify":null}`,
			url: "https://ar.example.test/x", title: "انقطاع", body: "انقطع التيار.\n\nعاد بعد ساعتين.", published: "2021-10-04", lang: "ar"},
		{name: "RFC 3339 date", line: `{"url":"https://e.example.test/1","text":"x","published":"2023-11-02T23:10:00+01:00"}`,
			url: "https://e.example.test/1", body: "x", published: "2023-11-02"},
		{name: "month only", line: `{"url":"https://e.example.test/2","text":"x","published":"2023-11"}`,
			url: "https://e.example.test/2", body: "x", published: "2023-11"},
		{name: "text wins over maintext", line: `{"url":"https://e.example.test/3","text":"ours","maintext":"theirs"}`,
			url: "https://e.example.test/3", body: "ours"},
		{name: "bad date kept without it", line: `{"url":"https://e.example.test/4","text":"x","published":"yesterday"}`,
			url: "https://e.example.test/4", body: "x", wantWarn: `published "yesterday" is not a date`},
		{name: "BOM and CR LF", line: "\xef\xbb\xbf{\"url\":\"https://e.example.test/5\",\"text\":\"x\"}\r\n", url: "https://e.example.test/5", body: "x"},
		{name: "not JSON", line: `url=https://e.example.test`, wantErr: "not a JSON object"},
		{name: "truncated", line: `{"url":"https://e.example.test/6","text":"x`, wantErr: "invalid JSON"},
		{name: "array", line: `[{"url":"https://e.example.test/7"}]`, wantErr: "not a JSON object"},
		{name: "no url", line: `{"title":"t","text":"x"}`, wantErr: "no url"},
		{name: "relative url", line: `{"url":"/a/b","text":"x"}`, wantErr: "not an absolute URL"},
		{name: "unsupported scheme", line: `{"url":"ftp://e.example.test/a","text":"x"}`, wantErr: "unsupported scheme"},
		{name: "no text", line: `{"url":"https://e.example.test/8","title":"t","text":"  ","maintext":""}`, wantErr: "no text"},
		{name: "wrong type", line: `{"url":"https://e.example.test/9","text":42}`, wantErr: "invalid JSON"},
		{name: "empty line", line: `   `, wantErr: "not a JSON object"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, warn, err := DecodeRecord([]byte(tc.line))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(warn, tc.wantWarn) || (tc.wantWarn == "" && warn != "") {
				t.Errorf("warn = %q, want %q", warn, tc.wantWarn)
			}
			got := []string{a.URL, a.Title, a.Body, a.Published, a.DeclaredLang, a.Source}
			want := []string{tc.url, tc.title, tc.body, tc.published, tc.lang, tc.source}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("field %d = %q, want %q", i, got[i], want[i])
				}
			}
			if a.ID != corpus.ArticleID(a.URL) || a.Host == "" || a.ContentHash == "" {
				t.Errorf("identity not set: %+v", a)
			}
		})
	}
}

func FuzzDecodeRecord(f *testing.F) {
	for _, s := range []string{
		`{"url":"https://e.example.test/a","title":"t","text":"x","published":"2024-01-02","lang":"fr"}`,
		`{"url":"https://e.example.test/b","maintext":"a\nb","date_publish":"2021-10-04 17:30:00","language":"en","authors":["x"]}`,
		`{"url":"","text":""}`, `[]`, `{`, `null`, "\xef\xbb\xbf{}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		a, _, err := DecodeRecord(line)
		if err != nil {
			if a != nil {
				t.Fatal("article with an error")
			}
			return
		}
		if a.URL == "" || strings.TrimSpace(a.Body) == "" || a.ID != corpus.ArticleID(a.URL) {
			t.Fatalf("incomplete article %+v", a)
		}
		if c, err := Canonicalize(a.URL); err != nil || c != a.URL {
			t.Fatalf("URL %q not canonical", a.URL)
		}
	})
}

// jsonlFixture writes a folder of record files: JSON Lines with bad lines,
// a pretty-printed news-please object, and a .json array.
func jsonlFixture(t *testing.T) string {
	dir := t.TempDir()
	write := func(name, s string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.jsonl", `{"url":"https://fr.example.test/panne","title":"Panne","text":"Le réseau mobile est tombé mardi.","published":"2024-03-05","lang":"fr"}
not json at all

{"url":"https://fr.example.test/copy","title":"Panne","text":"Le réseau mobile est tombé mardi."}
{"title":"no url","text":"x"}
{"url":"https://en.example.test/grid","title":"Grid","maintext":"The grid failed.\nPower came back at noon.","date_publish":"2021-10-04 17:30:00","language":"en"}
`)
	write("sub/one.json", `{
  "url": "https://ar.example.test/net",
  "title": "انقطاع الإنترنت",
  "maintext": "انقطعت خدمة الإنترنت لساعات.",
  "date_publish": "2022-01-15 08:00:00",
  "language": "ar"
}
`)
	write("sub/list.json", `[
  {"url": "https://en.example.test/cloud", "text": "A cloud region went dark."},
  {"url": "https://en.example.test/bad", "text": ""}
]
`)
	write("notes.txt", "ignored")
	return dir
}

func TestJSONLIngest(t *testing.T) {
	dir := jsonlFixture(t)
	store := newMemStore()
	var got outcomes
	opts := testOptions()
	opts.OnPage = got.add
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := c.Run(context.Background(), []Source{{Name: "backfill", URL: dir}}, store, store.sink)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"https://fr.example.test/panne", "https://en.example.test/grid", "https://ar.example.test/net", "https://en.example.test/cloud"} {
		a := store.get(u)
		if a == nil {
			t.Errorf("%s not stored", u)
			continue
		}
		if a.Source != "backfill" || a.Body == "" {
			t.Errorf("%s: source %q body %q", u, a.Source, a.Body)
		}
	}
	if a := store.get("https://ar.example.test/net"); a != nil && (a.Published != "2022-01-15" || a.DeclaredLang != "ar") {
		t.Errorf("news-please record: published %q lang %q", a.Published, a.DeclaredLang)
	}
	if stats.Stored != 4 || stats.Failed[ReasonParse] != 3 || stats.Skipped[ReasonDuplicate] != 1 {
		t.Errorf("stored %d, parse failures %d, duplicates %d; want 4, 3, 1 (%+v)", stats.Stored, stats.Failed[ReasonParse], stats.Skipped[ReasonDuplicate], stats)
	}
	var where []string
	for _, f := range stats.Failures {
		where = append(where, f.Err.Error())
	}
	all := strings.Join(where, "\n")
	for _, want := range []string{"a.jsonl:2: not a JSON object", "a.jsonl:5: no url", "list.json:3: no text"} {
		if !strings.Contains(all, want) {
			t.Errorf("failures %q do not name %q", all, want)
		}
	}

	// A second run stores the same articles again under the same ids: the
	// store sees the same keys, nothing new.
	before := len(store.articles)
	if _, err := c.Run(context.Background(), []Source{{Name: "backfill", URL: dir}}, store, store.sink); err != nil {
		t.Fatal(err)
	}
	if len(store.articles) != before {
		t.Errorf("re-run: %d articles, want %d", len(store.articles), before)
	}
}

func TestJSONLKinds(t *testing.T) {
	dir := jsonlFixture(t)
	os.WriteFile(filepath.Join(dir, "page.html"), []byte(`<html><head><title>Local page</title></head><body><article><p>A page saved by hand about a long outage of the regional network that lasted hours.</p></article></body></html>`), 0o644)
	for _, tc := range []struct {
		name, url, kind string
		stored          int
	}{
		{"folder, detect: pages and records", dir, KindDetect, 5},
		{"folder, jsonl: records only", dir, KindJSONL, 4},
		{"folder, file: pages only", dir, KindFile, 1},
		{"one .jsonl file", filepath.Join(dir, "a.jsonl"), KindDetect, 2},
		{"any extension with kind jsonl", filepath.Join(dir, "sub", "one.json"), KindJSONL, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := newMemStore()
			c, _ := New(testOptions())
			stats, err := c.Run(context.Background(), []Source{{Name: "s", URL: tc.url, Kind: tc.kind}}, store, store.sink)
			if err != nil {
				t.Fatal(err)
			}
			if stats.Stored != tc.stored {
				t.Errorf("stored %d, want %d (%+v)", stats.Stored, tc.stored, stats)
			}
		})
	}
	if err := (Source{URL: "https://e.example.test/x.jsonl", Kind: KindJSONL}).Validate(); err == nil {
		t.Error("kind jsonl with a web URL: want an error")
	}
}

// TestJSONLongLine: a line over the size limit is one failed record; the
// lines after it are still read.
func TestJSONLongLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.jsonl")
	long := `{"url":"https://e.example.test/long","text":"` + strings.Repeat("x", 3000) + `"}`
	os.WriteFile(p, []byte(long+"\n"+`{"url":"https://e.example.test/ok","text":"fine"}`+"\n"), 0o644)
	opts := testOptions()
	opts.MaxBodyBytes = 1000
	c, _ := New(opts)
	store := newMemStore()
	stats, err := c.Run(context.Background(), []Source{{Name: "s", URL: p}}, store, store.sink)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Stored != 1 || stats.Failed[ReasonParse] != 1 || store.get("https://e.example.test/ok") == nil {
		t.Errorf("stats %+v", stats)
	}
	if len(stats.Failures) == 0 || !strings.Contains(stats.Failures[0].Err.Error(), "big.jsonl:1: line longer than 1000 bytes") {
		t.Errorf("failures %v", stats.Failures)
	}
}
