package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"outages/classify"
	"outages/classify/rules"
	"outages/cmd/outages/internal/eval/extraction"
	"outages/cmd/outages/internal/eval/gate"
	"outages/cmd/outages/internal/eval/news"
	"outages/cmd/outages/internal/eval/temporal"
	"outages/corpus"
	"outages/crawl"
)

type evalOptions struct {
	sample     bool
	all        string
	newsFile   string
	cvFile     string
	cvExtras   extraFlags
	temporal   string
	extraction string
	pubdate    string
	snippets   string
	jsonOut    string
	errors     bool
	gate       bool
	thresholds string
	rulesDir   string
}

func evalCommand() command {
	return command{
		name:    "eval",
		summary: "score the pipeline against gold data (news records, temporal vectors, HTML extraction)",
		usage:   "[flags]",
		examples: `  outages eval --news ../shared/eval/news-dev.jsonl --errors
  outages eval --cv ../shared/eval/news-dev.jsonl                # cross-validated figures (cv.*)
  outages eval --temporal ../shared/eval/temporal
  outages eval --extraction ../shared/eval/extraction --pubdate ../shared/eval/pubdate
  outages eval --all ../shared/eval --extras classify/data/extras.tsv --gate --json figures.json   # what CI runs`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			var o evalOptions
			o.bind(fs)
			return o.run
		},
	}
}

// evalReport is what every scorer's report offers.
type evalReport interface {
	WriteTable(w io.Writer) error
	Figures() map[string]float64
}

// run scores every evaluation asked for and prints its table, then the
// quality gate's; it writes the figures as JSON with --json and fails
// with --gate when one is below its threshold.
func (o *evalOptions) run(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if err := o.pickAll(); err != nil {
		return err
	}
	if !o.sample && o.newsFile == "" && o.cvFile == "" && o.temporal == "" && o.extraction == "" && o.pubdate == "" && o.snippets == "" {
		return usagef("nothing to evaluate: give --sample, --news, --temporal, --extraction, --pubdate, --snippets or --all")
	}
	thresholds, err := o.loadThresholds()
	if err != nil {
		return err
	}
	figures := map[string]float64{}
	for _, sc := range o.scorers(ctx) {
		if !sc.on {
			continue
		}
		start := time.Now()
		r, err := sc.score()
		if err != nil {
			return err
		}
		o.writeReport(a.stdout, sc.name, time.Since(start), r)
		for k, v := range r.Figures() {
			figures[k] = v
		}
	}
	return o.checkGate(a.stdout, figures, thresholds)
}

// evalScorer is one evaluation: its title, whether it was asked for, and
// its scorer.
type evalScorer struct {
	name  string
	on    bool
	score func() (evalReport, error)
}

// scorers lists the evaluations in the order eval runs them.
func (o *evalOptions) scorers(ctx context.Context) []evalScorer {
	return []evalScorer{
		{"sample corpus (corpus/sample, end to end from HTML)", o.sample, func() (evalReport, error) { return o.evalSample(ctx) }},
		{"news: " + o.newsFile, o.newsFile != "", func() (evalReport, error) { return o.evalNews(ctx) }},
		{"news, 5-fold cross-validation of the model, five splits pooled: " + o.cvFile, o.cvFile != "", func() (evalReport, error) { return o.evalCV(ctx) }},
		{"temporal: " + o.temporal, o.temporal != "", o.evalTemporal},
		{"article bodies: " + o.extraction, o.extraction != "", htmlScorer("article bodies", o.extraction, extraction.ScoreBodies)},
		{"publication dates: " + o.pubdate, o.pubdate != "", htmlScorer("publication dates", o.pubdate, extraction.ScorePubdates)},
		{"snippets: " + o.snippets, o.snippets != "", htmlScorer("snippets", o.snippets, extraction.ScoreSnippets)},
		{"real news pages called outage reports (the HTML sets above)", len(o.pageDirs()) > 0, o.evalQuiet},
	}
}

// pageDirs are the HTML sets asked for: real pages of general news.
func (o *evalOptions) pageDirs() []string {
	var dirs []string
	for _, d := range []string{o.extraction, o.pubdate, o.snippets} {
		if d != "" {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// evalQuiet runs the whole pipeline (extraction and classification, as
// "outages extract" does) on the pages of the HTML sets and counts those
// it calls outage reports.
func (o *evalOptions) evalQuiet() (evalReport, error) {
	e, err := newExtractor(o.rulesDir)
	if err != nil {
		return nil, err
	}
	classifyPage := func(raw []byte, pageURL string) (bool, string, error) {
		rec, _, err := e.extract(extractInput{HTML: string(raw), URL: pageURL})
		return rec.IsOutage, rec.Title, err
	}
	return extraction.ScoreQuiet(o.pageDirs(), classifyPage)
}

// writeReport prints a report under its title and the time it took: its
// table, and with --errors its misses.
func (o *evalOptions) writeReport(w io.Writer, name string, took time.Duration, r evalReport) {
	fmt.Fprintf(w, "== %s (%.1fs)\n", name, took.Seconds())
	r.WriteTable(w)
	if o.errors {
		if ew, ok := r.(interface{ WriteErrors(io.Writer) error }); ok {
			fmt.Fprintln(w)
			ew.WriteErrors(w)
		}
	}
	fmt.Fprintln(w)
}

// checkGate prints the quality gate's table, writes the figures and the
// gate's failures with --json, and with --gate fails when a figure is
// below its threshold.
func (o *evalOptions) checkGate(w io.Writer, figures map[string]float64, thresholds gate.Thresholds) error {
	failures := gate.Check(figures, thresholds)
	fmt.Fprintln(w, "== quality gate")
	gate.WriteTable(w, figures, thresholds)
	if o.jsonOut != "" {
		if err := writeFigures(o.jsonOut, figures, failures); err != nil {
			return err
		}
	}
	if o.gate && len(failures) > 0 {
		names := make([]string, len(failures))
		for i, f := range failures {
			names[i] = fmt.Sprint(f)
		}
		return fmt.Errorf("quality gate: %d figure(s) below threshold: %s", len(failures), strings.Join(names, "; "))
	}
	return nil
}

// htmlScorer runs an HTML extraction scorer on dir with the crawler's
// extraction code path.
func htmlScorer[R evalReport](name, dir string, score func(string, extraction.ExtractFunc) (R, error)) func() (evalReport, error) {
	return func() (evalReport, error) {
		extract := func(raw []byte, pageURL string) (*crawl.Page, error) { return extractHTML(raw, pageURL) }
		r, err := score(dir, extract)
		if err != nil {
			return nil, fmt.Errorf("eval %s %s: %w", name, dir, err)
		}
		return r, nil
	}
}

// evalTemporal scores the rule engine on the temporal test vectors.
func (o *evalOptions) evalTemporal() (evalReport, error) {
	tagger, err := rules.Load(rules.Options{Dir: o.rulesDir})
	if err != nil {
		return nil, &usageError{msg: fmt.Sprintf("rules: %v", err)}
	}
	r, err := temporal.Score(o.temporal, tagger.Tag)
	if err != nil {
		return nil, fmt.Errorf("eval temporal %s: %w", o.temporal, err)
	}
	return r, nil
}

// pickAll fills the gold paths --all finds in its directory.
func (o *evalOptions) pickAll() error {
	if o.all == "" {
		return nil
	}
	if _, err := os.Stat(o.all); err != nil {
		return usagef("--all: %v", err)
	}
	pick := func(dst *string, name string) {
		p := filepath.Join(o.all, name)
		if _, err := os.Stat(p); err == nil && *dst == "" {
			*dst = p
		}
	}
	pick(&o.newsFile, "news-dev.jsonl")
	pick(&o.cvFile, "news-dev.jsonl")
	pick(&o.temporal, "temporal")
	pick(&o.extraction, "extraction")
	pick(&o.pubdate, "pubdate")
	pick(&o.snippets, "extraction-multilingual")
	return nil
}

// loadThresholds returns the checked-in thresholds, or those of
// --thresholds.
func (o *evalOptions) loadThresholds() (gate.Thresholds, error) {
	if o.thresholds == "" {
		return gate.Embedded(), nil
	}
	f, err := os.Open(o.thresholds)
	if err != nil {
		return nil, usagef("--thresholds: %v", err)
	}
	defer f.Close()
	t, err := gate.Load(f)
	if err != nil {
		return nil, usagef("--thresholds %s: %v", o.thresholds, err)
	}
	return t, nil
}

// writeFigures writes the figures and the gate's failures as JSON.
func writeFigures(path string, figures map[string]float64, failures []gate.Failure) error {
	b, _ := json.MarshalIndent(struct {
		Figures  map[string]float64 `json:"figures"`
		Failures []gate.Failure     `json:"failures"`
	}{figures, failures}, "", "  ")
	if err := writeFileAtomic(path, append(b, '\n')); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// prefixedReport renames the figures of a report ("news.x" → "sample.x").
type prefixedReport struct {
	*news.Report
	prefix string
}

func (r prefixedReport) Figures() map[string]float64 {
	out := map[string]float64{}
	for k, v := range r.Report.Figures() {
		out[r.prefix+strings.TrimPrefix(k, "news.")] = v
	}
	return out
}

// evalSample reads every page of the bundled sample corpus as HTML, runs the
// extract code path on it and scores the records against the sample's gold.
func (o *evalOptions) evalSample(ctx context.Context) (evalReport, error) {
	gold, err := news.ReadRecords(bytes.NewReader(corpus.SampleGold()))
	if err != nil {
		return nil, fmt.Errorf("eval sample: %w", err)
	}
	ex, err := newExtractor(o.rulesDir)
	if err != nil {
		return nil, err
	}
	sample := corpus.Sample()
	pred, err := predict(ctx, ex, gold, func(g news.Record) (extractInput, error) {
		page, err := fs.ReadFile(sample, g.ID+".html")
		if err != nil {
			return extractInput{}, fmt.Errorf("eval sample: %w", err)
		}
		return extractInput{ID: g.ID, URL: "file:///sample/" + g.ID + ".html", HTML: string(page)}, nil
	})
	if err != nil {
		return nil, err
	}
	return prefixedReport{news.Score(gold, pred), "sample."}, nil
}

// evalNews runs the extract code path on every gold record and scores it.
func (o *evalOptions) evalNews(ctx context.Context) (evalReport, error) {
	f, err := os.Open(o.newsFile)
	if err != nil {
		return nil, usagef("--news: %v", err)
	}
	defer f.Close()
	gold, err := news.ReadRecords(f)
	if err != nil {
		return nil, fmt.Errorf("eval news %s: %w", o.newsFile, err)
	}
	ex, err := newExtractor(o.rulesDir)
	if err != nil {
		return nil, err
	}
	pred, err := predict(ctx, ex, gold, func(g news.Record) (extractInput, error) {
		return extractInput{ID: g.ID, URL: g.URL, Text: g.Text, Published: g.Published}, nil
	})
	if err != nil {
		return nil, err
	}
	return withGrouping(news.Score(gold, pred), gold, pred, ex, o.errors), nil
}

// evalCV cross-validates the model on the labelled news of o.cvFile
// (what "outages train" prints) and reports the figures as cv.*.
func (o *evalOptions) evalCV(ctx context.Context) (evalReport, error) {
	gold, err := readGold(o.cvFile)
	if err != nil {
		return nil, err
	}
	cls, err := classify.New(classify.Options{RulesDir: o.rulesDir})
	if err != nil {
		return nil, &usageError{msg: fmt.Sprintf("rules: %v", err)}
	}
	xf, err := o.cvExtras.resolve()
	if err != nil {
		return nil, err
	}
	extra, _, err := extraExamples(cls, xf)
	if err != nil {
		return nil, err
	}
	r, err := crossValidation{cls: cls, gold: gold, ex: examplesOf(cls, gold), extra: extra, k: cvFolds, repeats: cvRepeats}.run(ctx)
	if err != nil {
		return nil, err
	}
	return prefixedReport{r, "cv."}, nil
}

// cvFolds is the number of cross-validation folds eval and train run,
// and cvRepeats the number of splits into them whose figures are pooled:
// a change of the rules or the weights moves a text or two of one split
// across a decision, which is noise on 183 texts; pooled over five
// splits, the figures move by what the change does.
const (
	cvFolds   = 5
	cvRepeats = 5
)

// predict runs the extract code path on the input of every gold record; a
// record that fails is left out (and scored as missing).
func predict(ctx context.Context, ex *extractor, gold []news.Record, input func(news.Record) (extractInput, error)) (map[string]news.Record, error) {
	pred := make(map[string]news.Record, len(gold))
	for _, g := range gold {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		in, err := input(g)
		if err != nil {
			return nil, err
		}
		rec, _, err := ex.extract(in)
		if err != nil {
			continue
		}
		p := news.Record{ID: g.ID, URL: g.URL, Lang: rec.Lang, IsOutage: rec.IsOutage, Outages: rec.Outages}
		if rec.Published != nil {
			p.Published = *rec.Published
		}
		pred[g.ID] = p
	}
	return pred, nil
}

// bind binds the flags of evalOptions to fs.
func (o *evalOptions) bind(fs *flag.FlagSet) {
	fs.BoolVar(&o.sample, "sample", false, "score the bundled sample corpus end to end (HTML pages → extraction → classification) against its gold")
	fs.StringVar(&o.all, "all", "", "run every evaluation whose gold data is in `DIR` (news-dev.jsonl, temporal/, extraction/, pubdate/, extraction-multilingual/)")
	fs.StringVar(&o.newsFile, "news", "", "news records with gold labels, JSON Lines `FILE`")
	fs.StringVar(&o.cvFile, "cv", "", "cross-validate the model on labelled news `FILE` (5 folds, 5 splits pooled; figures cv.*; --all does it on news-dev.jsonl)")
	o.cvExtras.bind(fs, "train, in every cross-validation fold,")
	fs.StringVar(&o.temporal, "temporal", "", "`DIR` of date and duration test vectors")
	fs.StringVar(&o.extraction, "extraction", "", "`DIR` of HTML pages with hand-extracted bodies")
	fs.StringVar(&o.pubdate, "pubdate", "", "`DIR` of HTML pages with labelled publication dates")
	fs.StringVar(&o.snippets, "snippets", "", "`DIR` of French and Arabic pages with must/must-not snippets")
	fs.StringVar(&o.jsonOut, "json", "", "write the figures as JSON to `FILE`")
	fs.BoolVar(&o.errors, "errors", false, "list every miss with the gold and predicted values")
	fs.BoolVar(&o.gate, "gate", false, "fail (exit 1) when a figure is below its threshold")
	fs.StringVar(&o.thresholds, "thresholds", "", "thresholds JSON `FILE` (default: the checked-in thresholds)")
	fs.StringVar(&o.rulesDir, "rules", "", "`DIR` of rule files overriding the embedded ones")
}
