package extraction

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// SnippetRow is one page of the snippet set.
type SnippetRow struct {
	File           string
	URL            string
	Lang           string
	TP, FN, FP, TN int
	Missing        []string // "with" snippets not found
	Unwanted       []string // "without" snippets found
	Error          string
}

// SnippetReport is the result of ScoreSnippets (micro-averaged).
type SnippetReport struct {
	Pages                 int
	TP, FN, FP, TN        int
	Precision, Recall, F1 float64
	Accuracy              float64
	Rows                  []SnippetRow
}

// SnippetCounts scores one extracted text against its snippets:
// whitespace is normalised in both, then snippets are matched as exact,
// case-sensitive substrings.
func SnippetCounts(text string, with, without []string) (row SnippetRow) {
	norm := normalizeSpace(text)
	for _, s := range with {
		if strings.Contains(norm, normalizeSpace(s)) {
			row.TP++
		} else {
			row.FN++
			row.Missing = append(row.Missing, s)
		}
	}
	for _, s := range without {
		if strings.Contains(norm, normalizeSpace(s)) {
			row.FP++
			row.Unwanted = append(row.Unwanted, s)
		} else {
			row.TN++
		}
	}
	return row
}

// ScoreSnippets scores the body text on dir (ground-truth.json with
// "with"/"without" snippets per page).
func ScoreSnippets(dir string, f ExtractFunc) (*SnippetReport, error) {
	var gold map[string]struct {
		URL     string   `json:"url"`
		Lang    string   `json:"lang"`
		With    []string `json:"with"`
		Without []string `json:"without"`
	}
	if err := readJSON(filepath.Join(dir, "ground-truth.json"), &gold); err != nil {
		return nil, fmt.Errorf("score snippets: %w", err)
	}
	if len(gold) == 0 {
		return nil, fmt.Errorf("score snippets: %s: no gold page", dir)
	}
	rep := &SnippetReport{}
	for _, file := range sortedKeys(gold) {
		g := gold[file]
		p, xerr, err := runPage(dir, file, g.URL, f)
		if err != nil {
			return nil, fmt.Errorf("score snippets: %w", err)
		}
		text := ""
		if p != nil {
			text = p.Body
		}
		row := SnippetCounts(text, g.With, g.Without)
		row.File, row.URL, row.Lang, row.Error = file, g.URL, g.Lang, xerr
		rep.TP += row.TP
		rep.FN += row.FN
		rep.FP += row.FP
		rep.TN += row.TN
		rep.Rows = append(rep.Rows, row)
	}
	rep.Pages = len(rep.Rows)
	rep.Precision, rep.Recall, rep.F1, rep.Accuracy = microScores(rep.TP, rep.FP, rep.FN, rep.TN)
	return rep, nil
}

// microScores computes precision, recall, F1 and accuracy from summed
// counts (0 where undefined).
func microScores(tp, fp, fn, tn int) (p, r, f1, acc float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if 2*tp+fp+fn > 0 {
		f1 = float64(2*tp) / float64(2*tp+fp+fn)
	}
	if n := tp + fp + fn + tn; n > 0 {
		acc = float64(tp+tn) / float64(n)
	}
	return p, r, f1, acc
}

// Figures returns the headline numbers under stable keys.
func (r *SnippetReport) Figures() map[string]float64 {
	return map[string]float64{
		"snippets.f1":        r.F1,
		"snippets.precision": r.Precision,
		"snippets.recall":    r.Recall,
		"snippets.accuracy":  r.Accuracy,
		"snippets.pages":     float64(r.Pages),
	}
}

// WriteTable writes the summary and each page's misses.
func (r *SnippetReport) WriteTable(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "snippets: pages %d  tp %d fn %d fp %d tn %d  precision %.4f  recall %.4f  F1 %.4f  accuracy %.4f\n",
		r.Pages, r.TP, r.FN, r.FP, r.TN, r.Precision, r.Recall, r.F1, r.Accuracy); err != nil {
		return err
	}
	for _, row := range r.Rows {
		if row.FN == 0 && row.FP == 0 && row.Error == "" {
			continue
		}
		if _, err := fmt.Fprintf(w, "  %-2s %s %s\n", row.Lang, row.File, row.Error); err != nil {
			return err
		}
		for _, s := range row.Missing {
			if _, err := fmt.Fprintf(w, "     missing:  %q\n", clip(s, 100)); err != nil {
				return err
			}
		}
		for _, s := range row.Unwanted {
			if _, err := fmt.Fprintf(w, "     unwanted: %q\n", clip(s, 100)); err != nil {
				return err
			}
		}
	}
	return nil
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
