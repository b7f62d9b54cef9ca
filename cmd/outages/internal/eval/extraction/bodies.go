package extraction

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
)

// BodyRow is one page of the body benchmark.
type BodyRow struct {
	ID        string
	URL       string
	Precision float64 // 0 with Empty
	Recall    float64
	Exact     bool
	Empty     bool   // the prediction has no token
	Error     string // extraction error, if any
	GoldWords int
	PredWords int
}

// BodyReport is the result of ScoreBodies.
type BodyReport struct {
	Macro
	Rows []BodyRow // sorted by ID
}

// ScoreBodies scores article-body extraction on dir (the shared
// extraction folder: ground-truth-dev.json and <id>.html.gz) with the
// benchmark's metric.
func ScoreBodies(dir string, f ExtractFunc) (*BodyReport, error) {
	var gold map[string]struct {
		ArticleBody *string `json:"articleBody"`
		URL         string  `json:"url"`
	}
	if err := readJSON(filepath.Join(dir, "ground-truth-dev.json"), &gold); err != nil {
		return nil, fmt.Errorf("score bodies: %w", err)
	}
	if len(gold) == 0 {
		return nil, fmt.Errorf("score bodies: %s: no gold page", dir)
	}
	rep := &BodyReport{}
	var scores []PageScore
	for _, id := range sortedKeys(gold) {
		g := gold[id]
		goldBody := ""
		if g.ArticleBody != nil {
			goldBody = *g.ArticleBody
		}
		p, xerr, err := runPage(dir, id+".html.gz", g.URL, f)
		if err != nil {
			return nil, fmt.Errorf("score bodies: %w", err)
		}
		pred := ""
		if p != nil {
			pred = p.Body
		}
		ps := ScorePage(goldBody, pred)
		scores = append(scores, ps)
		row := BodyRow{ID: id, URL: g.URL, Exact: ps.Exact, Error: xerr,
			GoldWords: len(Tokenize(goldBody)), PredWords: len(Tokenize(pred))}
		var ok bool
		if row.Precision, ok = ps.Precision(); !ok {
			row.Empty = true
		}
		row.Recall, _ = ps.Recall()
		rep.Rows = append(rep.Rows, row)
	}
	rep.Macro = Aggregate(scores)
	return rep, nil
}

// Figures returns the headline numbers under stable keys.
func (r *BodyReport) Figures() map[string]float64 {
	return map[string]float64{
		"extraction.f1":        r.F1,
		"extraction.precision": r.Precision,
		"extraction.recall":    r.Recall,
		"extraction.accuracy":  r.Accuracy,
		"extraction.empty":     float64(r.Empty),
		"extraction.pages":     float64(r.Pages),
	}
}

// WriteTable writes the summary and the pages, worst F1 first.
func (r *BodyReport) WriteTable(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "extraction: pages %d  F1 %.4f  precision %.4f  recall %.4f  accuracy %.4f  empty %d\n",
		r.Pages, r.F1, r.Precision, r.Recall, r.Accuracy, r.Empty); err != nil {
		return err
	}
	rows := append([]BodyRow(nil), r.Rows...)
	sort.SliceStable(rows, func(i, j int) bool { return rowF1(rows[i]) < rowF1(rows[j]) })
	for _, row := range rows {
		note := ""
		switch {
		case row.Error != "":
			note = "error: " + row.Error
		case row.Empty:
			note = "empty"
		case row.Exact:
			note = "exact"
		}
		if _, err := fmt.Fprintf(w, "  %.3f  P %.3f  R %.3f  words %5d/%5d  %s  %s %s\n",
			rowF1(row), row.Precision, row.Recall, row.PredWords, row.GoldWords, shortID(row.ID), row.URL, note); err != nil {
			return err
		}
	}
	return nil
}

func rowF1(r BodyRow) float64 {
	if r.Precision+r.Recall == 0 {
		return 0
	}
	return 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
}

func shortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}
