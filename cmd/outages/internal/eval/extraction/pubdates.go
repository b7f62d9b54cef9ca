package extraction

import (
	"fmt"
	"io"
	"path/filepath"
	"time"
)

// PubdateRow is one page of the publication-date set.
type PubdateRow struct {
	File     string
	URL      string
	Lang     string
	Want     string
	Got      string // "" when no date was returned
	Exact    bool
	Within1  bool
	DaysDiff int // got - want in days (0 when Got is empty)
	Error    string
}

// PubdateReport is the result of ScorePubdates.
type PubdateReport struct {
	Pages   int
	Exact   float64 // share of pages with the exact day
	Within1 float64 // share within one day
	None    int     // pages with no date returned
	Rows    []PubdateRow
}

// ScorePubdates scores publication dates on dir (expected.json, with
// pages.json for URLs and languages when present).
func ScorePubdates(dir string, f ExtractFunc) (*PubdateReport, error) {
	var want map[string]string
	if err := readJSON(filepath.Join(dir, "expected.json"), &want); err != nil {
		return nil, fmt.Errorf("score pubdates: %w", err)
	}
	if len(want) == 0 {
		return nil, fmt.Errorf("score pubdates: %s: no expected date", dir)
	}
	var pages map[string]struct {
		URL  string `json:"url"`
		Lang string `json:"lang"`
	}
	// pages.json is optional: without it pages are scored with no URL.
	_ = readJSON(filepath.Join(dir, "pages.json"), &pages)
	rep := &PubdateReport{}
	var exact, within int
	for _, file := range sortedKeys(want) {
		row := PubdateRow{File: file, Want: want[file], URL: pages[file].URL, Lang: pages[file].Lang}
		wantDay, err := time.Parse(time.DateOnly, row.Want)
		if err != nil {
			return nil, fmt.Errorf("score pubdates: %s: bad expected date %q: %w", file, row.Want, err)
		}
		p, xerr, err := runPage(dir, file, row.URL, f)
		if err != nil {
			return nil, fmt.Errorf("score pubdates: %w", err)
		}
		row.Error = xerr
		if p != nil {
			row.Got = p.Published
		}
		if row.Got == "" {
			rep.None++
		} else if got, err := time.Parse(time.DateOnly, row.Got); err == nil {
			row.DaysDiff = int(got.Sub(wantDay).Hours() / 24)
			row.Exact = row.DaysDiff == 0
			row.Within1 = row.DaysDiff >= -1 && row.DaysDiff <= 1
		}
		if row.Exact {
			exact++
		}
		if row.Within1 {
			within++
		}
		rep.Rows = append(rep.Rows, row)
	}
	rep.Pages = len(rep.Rows)
	rep.Exact = float64(exact) / float64(rep.Pages)
	rep.Within1 = float64(within) / float64(rep.Pages)
	return rep, nil
}

// Figures returns the headline numbers under stable keys.
func (r *PubdateReport) Figures() map[string]float64 {
	return map[string]float64{
		"pubdate.exact":   r.Exact,
		"pubdate.within1": r.Within1,
		"pubdate.none":    float64(r.None),
		"pubdate.pages":   float64(r.Pages),
	}
}

// WriteTable writes the summary and every page that is not exact.
func (r *PubdateReport) WriteTable(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "pubdate: pages %d  exact %.4f  within1 %.4f  none %d\n",
		r.Pages, r.Exact, r.Within1, r.None); err != nil {
		return err
	}
	for _, row := range r.Rows {
		if row.Exact {
			continue
		}
		got := row.Got
		if got == "" {
			got = "(none)    "
		}
		note := ""
		if row.Error != "" {
			note = "error: " + row.Error
		}
		if _, err := fmt.Fprintf(w, "  want %s  got %s  %+5d d  %-2s %s %s %s\n",
			row.Want, got, row.DaysDiff, row.Lang, row.File, row.URL, note); err != nil {
			return err
		}
	}
	return nil
}
