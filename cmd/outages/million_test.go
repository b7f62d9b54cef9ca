package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"outages/corpus"
	"outages/crawl"
)

// samplePool returns the paragraphs of the bundled sample corpus by
// language (fr, ar, en, from the page name prefix).
func samplePool(t testing.TB) map[string][]string {
	t.Helper()
	pool := map[string][]string{}
	sample := corpus.Sample()
	names, err := fs.Glob(sample, "*.html")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	base, _ := url.Parse("https://sample.example.test/")
	for _, name := range names {
		raw, err := fs.ReadFile(sample, name)
		if err != nil {
			t.Fatal(err)
		}
		pg, err := crawl.Extract(raw, base, crawl.Selectors{})
		if err != nil {
			t.Fatal(err)
		}
		lang := name[:2]
		for _, p := range strings.Split(pg.Body, "\n\n") {
			if len([]rune(p)) >= 60 {
				pool[lang] = append(pool[lang], p)
			}
		}
	}
	return pool
}

// genOptions describe a generated archive.
type genOptions struct {
	N        int
	First    int // number of the first article (ids and URLs)
	From, To time.Time
	Seed     uint64
}

// generateArchive writes opts.N articles as JSON Lines, recombined from
// the sample corpus paragraphs: a language (fr 40%, en 35%, ar 25%), three
// to seven paragraphs of it with their numbers redrawn (so every text is
// distinct), a title from one of its sentences, a date uniformly between
// From and To, a host among twelve per language. Half the records use
// our field names, half news-please's.
func generateArchive(w io.Writer, pool map[string][]string, opts genOptions) error {
	rng := rand.New(rand.NewPCG(opts.Seed, uint64(opts.First)))
	redraw := func(s string) string {
		b := []rune(s)
		for i, r := range b {
			if r >= '0' && r <= '9' {
				b[i] = '0' + rune(rng.IntN(10))
			}
		}
		return string(b)
	}
	span := opts.To.Sub(opts.From)
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := opts.First; i < opts.First+opts.N; i++ {
		lang := "fr"
		switch k := rng.IntN(20); {
		case k >= 15:
			lang = "ar"
		case k >= 8:
			lang = "en"
		}
		paras := pool[lang]
		k := 3 + rng.IntN(5)
		parts := make([]string, k)
		for j := range parts {
			parts[j] = redraw(paras[rng.IntN(len(paras))])
		}
		title := parts[rng.IntN(k)]
		if cut := strings.IndexAny(title, ".!?؟"); cut > 20 {
			title = title[:cut]
		}
		if r := []rune(title); len(r) > 90 {
			title = string(r[:90])
		}
		when := opts.From.Add(time.Duration(rng.Int64N(int64(span))))
		u := fmt.Sprintf("https://%s-news%d.example.test/%s/article-%d", lang, rng.IntN(12), when.Format("2006/01"), i)
		text := strings.Join(parts, "\n\n")
		var rec map[string]string
		if i%2 == 0 {
			rec = map[string]string{"url": u, "title": title, "text": text, "published": when.Format(time.DateOnly), "lang": lang, "id": strconv.Itoa(i)}
		} else {
			rec = map[string]string{"url": u, "title": title, "maintext": strings.Join(parts, "\n"), "date_publish": when.Format(time.DateTime), "language": lang}
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// TestGenerateArchive writes the archive of .ci/bench-million when
// OUTAGES_GEN_JSONL names the output file (N articles, OUTAGES_GEN_N,
// default 1,000,000, from OUTAGES_GEN_FIRST; dates over the ten years
// 2016-2025, or OUTAGES_GEN_FROM to OUTAGES_GEN_TO). Without it, it checks
// the generator on 200 articles.
func TestGenerateArchive(t *testing.T) {
	pool := samplePool(t)
	for _, l := range []string{"fr", "ar", "en"} {
		if len(pool[l]) < 10 {
			t.Fatalf("%s: only %d sample paragraphs", l, len(pool[l]))
		}
	}
	env := func(k, def string) string {
		if v := os.Getenv(k); v != "" {
			return v
		}
		return def
	}
	out := os.Getenv("OUTAGES_GEN_JSONL")
	n, _ := strconv.Atoi(env("OUTAGES_GEN_N", "1000000"))
	first, _ := strconv.Atoi(env("OUTAGES_GEN_FIRST", "0"))
	from, err1 := time.Parse(time.DateOnly, env("OUTAGES_GEN_FROM", "2016-01-01"))
	to, err2 := time.Parse(time.DateOnly, env("OUTAGES_GEN_TO", "2026-01-01"))
	if err1 != nil || err2 != nil {
		t.Fatal("OUTAGES_GEN_FROM/TO: want YYYY-MM-DD")
	}
	if out == "" {
		var sb strings.Builder
		if err := generateArchive(&sb, pool, genOptions{N: 200, From: from, To: to, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		hashes, langs := map[string]bool{}, map[string]int{}
		for i, line := range strings.Split(strings.TrimSpace(sb.String()), "\n") {
			a, _, err := crawl.DecodeRecord([]byte(line))
			if err != nil {
				t.Fatalf("line %d: %v", i+1, err)
			}
			if hashes[a.ContentHash] {
				t.Errorf("line %d: text repeated", i+1)
			}
			hashes[a.ContentHash] = true
			langs[a.DeclaredLang]++
			if a.Published < "2016-01-01" || a.Published >= "2026-01-01" {
				t.Errorf("line %d: published %s", i+1, a.Published)
			}
		}
		if len(hashes) != 200 || langs["fr"] == 0 || langs["ar"] == 0 || langs["en"] == 0 {
			t.Errorf("%d distinct texts, languages %v", len(hashes), langs)
		}
		return
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := generateArchive(f, pool, genOptions{N: n, First: first, From: from, To: to, Seed: 42}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
