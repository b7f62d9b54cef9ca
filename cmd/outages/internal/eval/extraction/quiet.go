package extraction

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
)

// ReportFunc classifies one page as the pipeline would store it: whether
// it is an outage report, and the page's title. raw and pageURL are as
// for ExtractFunc.
type ReportFunc func(raw []byte, pageURL string) (isOutage bool, title string, err error)

// QuietReport is the result of ScoreQuiet: how many pages of general news
// the pipeline calls outage reports.
type QuietReport struct {
	Pages   int
	Reports []string // the files called reports, with their titles
}

// ScoreQuiet classifies every page (*.html.gz) of dirs: the extraction,
// publication-date and snippet sets are real pages of general news (blogs,
// politics, sport, science), a few of which report an outage, so the share
// called reports measures the false alarms a nightly crawl of news sites
// would store. A page that cannot be read fails the scorer; one the
// pipeline cannot extract counts as quiet, as the crawler would skip it.
func ScoreQuiet(dirs []string, f ReportFunc) (*QuietReport, error) {
	r := &QuietReport{}
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
		if err != nil {
			return nil, fmt.Errorf("score quiet pages %s: %w", dir, err)
		}
		sort.Strings(files)
		for _, path := range files {
			raw, err := readGzip(path)
			if err != nil {
				return nil, fmt.Errorf("score quiet pages: %w", err)
			}
			r.Pages++
			if ok, title, err := f(raw, ""); err == nil && ok {
				r.Reports = append(r.Reports, filepath.Base(path)+"\t"+title)
			}
		}
	}
	if r.Pages == 0 {
		return nil, fmt.Errorf("score quiet pages: no .html.gz page in %s", strings.Join(dirs, ", "))
	}
	return r, nil
}

// Figures returns the share of pages not called outage reports and how
// many were.
func (r *QuietReport) Figures() map[string]float64 {
	return map[string]float64{
		"pages.quiet":   1 - float64(len(r.Reports))/float64(r.Pages),
		"pages.reports": float64(len(r.Reports)),
	}
}

// WriteTable prints the counts.
func (r *QuietReport) WriteTable(w io.Writer) error {
	_, err := fmt.Fprintf(w, "%d pages of general news, %d called outage reports (quiet share %.4f)\n",
		r.Pages, len(r.Reports), r.Figures()["pages.quiet"])
	return err
}

// WriteErrors lists the pages called outage reports, with their titles:
// some are real reports, the others false alarms.
func (r *QuietReport) WriteErrors(w io.Writer) error {
	for _, s := range r.Reports {
		if _, err := fmt.Fprintln(w, s); err != nil {
			return err
		}
	}
	return nil
}
