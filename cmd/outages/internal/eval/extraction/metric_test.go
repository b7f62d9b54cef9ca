package extraction

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"outages/crawl"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"apostrophes split", "l'été, aujourd’hui 42_x", []string{"l", "été", "aujourd", "hui", "42_x"}},
		{"hyphen splits", "week-end", []string{"week", "end"}},
		{"arabic", "انقطاع الإنترنت", []string{"انقطاع", "الإنترنت"}},
		{"combining mark splits", "e\u0301t\u0301", []string{"e", "t"}},
		{"empty", " ,;! ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokenize(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestShingles(t *testing.T) {
	tests := []struct {
		name   string
		tokens string
		want   map[string]int
	}{
		{"none", "", map[string]int{}},
		{"short text is one shingle", "a b c", map[string]int{"a\x00b\x00c": 1}},
		{"k-3 shingles", "a b c d e", map[string]int{"a\x00b\x00c\x00d": 1, "b\x00c\x00d\x00e": 1}},
		{"multiset counts", "a a a a a", map[string]int{"a\x00a\x00a\x00a": 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Shingles(strings.Fields(tt.tokens))
			if len(got) != len(tt.want) {
				t.Fatalf("Shingles = %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("Shingles[%q] = %d, want %d", k, got[k], v)
				}
			}
		})
	}
}

func TestScorePage(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred string
		tp, fp, fn int
		p, r       float64
		pOK        bool
		exact      bool
	}{
		// gold shingles {abcd, bcde}, pred {abcd, bcdx}: tp 1, fp 1, fn 1.
		{"one of two", "a b c d e", "a b c d x", 1, 1, 1, 0.5, 0.5, true, false},
		// gold {aaaa×2}, pred {aaaa×1}: tp 1, fn 1 → P 1, R 1/2.
		{"multiset", "a a a a a", "a a a a", 1, 0, 1, 1, 0.5, true, false},
		// empty prediction: no precision, recall 0.
		{"empty prediction", "x y z", "", 0, 0, 1, 0, 0, false, false},
		// punctuation and spacing do not matter, tokens do.
		{"exact", "p, q r. s", "p q\n\nr s", 1, 0, 0, 1, 1, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := ScorePage(tt.gold, tt.pred)
			if ps.TP != tt.tp || ps.FP != tt.fp || ps.FN != tt.fn {
				t.Errorf("counts = %+v, want tp %d fp %d fn %d", ps.Counts, tt.tp, tt.fp, tt.fn)
			}
			p, ok := ps.Precision()
			if ok != tt.pOK || !near(p, tt.p) {
				t.Errorf("precision = %v, %v; want %v, %v", p, ok, tt.p, tt.pOK)
			}
			if r, _ := ps.Recall(); !near(r, tt.r) {
				t.Errorf("recall = %v, want %v", r, tt.r)
			}
			if ps.Exact != tt.exact {
				t.Errorf("exact = %v, want %v", ps.Exact, tt.exact)
			}
		})
	}
}

func TestAggregate(t *testing.T) {
	pages := []PageScore{
		ScorePage("a b c d e", "a b c d x"), // P 0.5, R 0.5
		ScorePage("x y z", ""),              // empty: left out of P, R 0
		ScorePage("p q r s", "p q r s"),     // P 1, R 1, exact
	}
	m := Aggregate(pages)
	// P = (0.5+1)/2 = 0.75; R = (0.5+0+1)/3 = 0.5; F1 = 2·0.75·0.5/1.25 = 0.6;
	// accuracy = 1/3; one empty output.
	if !near(m.Precision, 0.75) || !near(m.Recall, 0.5) || !near(m.F1, 0.6) || !near(m.Accuracy, 1.0/3) || m.Empty != 1 || m.Pages != 3 {
		t.Errorf("Aggregate = %+v", m)
	}
	if z := Aggregate(nil); z.F1 != 0 || z.Pages != 0 {
		t.Errorf("Aggregate(nil) = %+v", z)
	}
}

func TestSnippetCounts(t *testing.T) {
	// "Grand incident" found after whitespace normalisation (tp), "absent"
	// missing (fn), "eut lieu" unwanted and found (fp), "rien" absent (tn).
	row := SnippetCounts("Le  Grand\nincident eut lieu.", []string{"Grand incident", "absent"}, []string{"eut\tlieu", "rien"})
	if row.TP != 1 || row.FN != 1 || row.FP != 1 || row.TN != 1 {
		t.Errorf("counts = %+v", row)
	}
	// Micro scores: P = 1/2, R = 1/2, F1 = 2/(2+1+1) = 0.5, accuracy = 2/4.
	p, r, f1, acc := microScores(1, 1, 1, 1)
	if !near(p, 0.5) || !near(r, 0.5) || !near(f1, 0.5) || !near(acc, 0.5) {
		t.Errorf("microScores = %v %v %v %v", p, r, f1, acc)
	}
	// Case and quotes matter.
	if row := SnippetCounts("l’été", []string{"l'été"}, nil); row.TP != 0 {
		t.Errorf("typographic apostrophe matched a straight one")
	}
}

// writeGz writes a gzip file.
func writeGz(t *testing.T, path, content string) {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(content))
	zw.Close()
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fakeExtract returns the page text as the body and the first line as the date.
func fakeExtract(raw []byte, pageURL string) (*crawl.Page, error) {
	s := string(raw)
	if s == "crash" {
		return nil, errors.New("boom")
	}
	first, _, _ := strings.Cut(s, "\n")
	return &crawl.Page{Body: s, Published: first}, nil
}

func TestScorers(t *testing.T) {
	dir := t.TempDir()
	t.Run("bodies", func(t *testing.T) {
		os.WriteFile(filepath.Join(dir, "ground-truth-dev.json"), []byte(`{"p1":{"articleBody":"a b c d e","url":"u1"},"p2":{"articleBody":"x y z","url":"u2"}}`), 0o644)
		writeGz(t, filepath.Join(dir, "p1.html.gz"), "a b c d x")
		writeGz(t, filepath.Join(dir, "p2.html.gz"), "crash")
		rep, err := ScoreBodies(dir, fakeExtract)
		if err != nil {
			t.Fatal(err)
		}
		// p1: P 0.5 R 0.5; p2 crashed: empty, R 0. P = 0.5, R = 0.25, F1 = 1/3.
		if !near(rep.Precision, 0.5) || !near(rep.Recall, 0.25) || !near(rep.F1, 1.0/3) || rep.Empty != 1 {
			t.Errorf("report = %+v", rep.Macro)
		}
		if rep.Rows[1].Error == "" {
			t.Error("crash not reported in the row")
		}
		if f := rep.Figures(); !near(f["extraction.f1"], 1.0/3) {
			t.Errorf("figures = %v", f)
		}
		var out bytes.Buffer
		if err := rep.WriteTable(&out); err != nil || !strings.Contains(out.String(), "F1 0.3333") {
			t.Errorf("table = %q, %v", out.String(), err)
		}
	})
	t.Run("pubdates", func(t *testing.T) {
		d := t.TempDir()
		os.WriteFile(filepath.Join(d, "expected.json"), []byte(`{"a.html.gz":"2020-01-02","b.html.gz":"2020-01-02","c.html.gz":"2020-01-02"}`), 0o644)
		writeGz(t, filepath.Join(d, "a.html.gz"), "2020-01-02\n")
		writeGz(t, filepath.Join(d, "b.html.gz"), "2020-01-03\n")
		writeGz(t, filepath.Join(d, "c.html.gz"), "\n")
		rep, err := ScorePubdates(d, fakeExtract)
		if err != nil {
			t.Fatal(err)
		}
		// exact 1/3, within one day 2/3, one page without a date.
		if !near(rep.Exact, 1.0/3) || !near(rep.Within1, 2.0/3) || rep.None != 1 {
			t.Errorf("report = %+v", rep)
		}
		if f := rep.Figures(); !near(f["pubdate.within1"], 2.0/3) {
			t.Errorf("figures = %v", f)
		}
	})
	t.Run("snippets", func(t *testing.T) {
		d := t.TempDir()
		os.WriteFile(filepath.Join(d, "ground-truth.json"), []byte(`{"a.html.gz":{"url":"u","lang":"fr","with":["bon texte"],"without":["menu"]}}`), 0o644)
		writeGz(t, filepath.Join(d, "a.html.gz"), "un bon texte sans menu")
		rep, err := ScoreSnippets(d, fakeExtract)
		if err != nil {
			t.Fatal(err)
		}
		// tp 1, fp 1: P 0.5, R 1, F1 2/3, accuracy 1/2.
		if rep.TP != 1 || rep.FP != 1 || !near(rep.F1, 2.0/3) || !near(rep.Accuracy, 0.5) {
			t.Errorf("report = %+v", rep)
		}
	})
	t.Run("missing folder", func(t *testing.T) {
		if _, err := ScoreBodies(filepath.Join(dir, "nope"), fakeExtract); err == nil {
			t.Error("want an error")
		}
	})
}
