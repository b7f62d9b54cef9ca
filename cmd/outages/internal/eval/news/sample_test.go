package news

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"outages/corpus"
)

// corpus/sample-gold.jsonl (corpus.SampleGold) is the gold of the bundled
// sample corpus, in the record schema, for `outages eval --sample`. Its
// text fields are empty: the pipeline reads the pages themselves.

var (
	htmlLang    = regexp.MustCompile(`<html[^>]*\slang="([a-z]{2})`)
	metaCharset = regexp.MustCompile(`(?i)charset=["]?([a-z0-9-]+)`)
)

func TestSampleGold(t *testing.T) {
	gold, err := ReadRecords(bytes.NewReader(corpus.SampleGold()))
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "..", "corpus", "sample", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	rows := make(map[string]string)
	for _, line := range strings.Split(string(readme), "\n") {
		if name, _, ok := strings.Cut(strings.TrimPrefix(line, "| "), ".html |"); ok && strings.HasPrefix(line, "| ") {
			if strings.Count(line, "|") > 8 { // the gold table, not the encoding table
				rows[name] = line
			}
		}
	}
	sample := corpus.Sample()
	names, err := fs.Glob(sample, "*.html")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(gold) {
		t.Errorf("%d sample pages, %d gold records", len(names), len(gold))
	}
	langs := map[string]int{}
	outages := 0
	for _, g := range gold {
		t.Run(g.ID, func(t *testing.T) {
			raw, err := fs.ReadFile(sample, g.URL)
			if err != nil {
				t.Fatal(err)
			}
			langs[g.Lang]++
			if m := htmlLang.FindSubmatch(raw); m == nil || string(m[1]) != g.Lang {
				t.Errorf("<html lang> = %q, want %s", m, g.Lang)
			}
			cs := metaCharset.FindSubmatch(raw)
			if cs == nil {
				t.Fatal("no declared charset")
			}
			if utf8Decl := strings.EqualFold(string(cs[1]), "utf-8"); utf8Decl != utf8.Valid(raw) {
				t.Errorf("declared charset %s but valid UTF-8 = %v", cs[1], utf8.Valid(raw))
			}
			if !bytes.Contains(raw, []byte(g.Published)) {
				t.Errorf("published %s not in the page's metadata", g.Published)
			}
			row, ok := rows[g.ID]
			if !ok {
				t.Fatal("not in the README gold table")
			}
			yes := strings.Contains(row, "| yes |")
			if yes != g.IsOutage || g.IsOutage != (len(g.Outages) > 0) {
				t.Errorf("is_outage %v, %d outages, README row %q", g.IsOutage, len(g.Outages), row)
			}
			if !g.IsOutage {
				return
			}
			outages++
			m := g.Outages[0]
			want := []string{"| " + m.Service, "| " + m.Kind + " |", "| " + m.Start + " ", "| " + m.Cause + " ", " " + m.DurationKind + " ("}
			if m.DurationMin != nil {
				want = append(want, "| "+strconv.Itoa(*m.DurationMin)+" "+m.DurationKind)
			}
			for _, w := range want {
				if !strings.Contains(row, w) {
					t.Errorf("README row lacks %q: %s", w, row)
				}
			}
			if !corpus.ValidCause(m.Cause) {
				t.Errorf("cause %q not in the taxonomy", m.Cause)
			}
		})
	}
	if langs["fr"] < 6 || langs["ar"] < 6 || langs["en"] < 6 || outages < 12 {
		t.Errorf("languages %v, %d outage pages; want 6 of each language and 12 outages", langs, outages)
	}
}
