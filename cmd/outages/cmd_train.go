package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"outages/classify"
	"outages/classify/model"
	"outages/cmd/outages/internal/eval/news"
)

type trainOptions struct {
	news       stringList
	extras     extraFlags
	out        string
	folds      int
	repeats    int
	jsonOut    string
	rulesDir   string
	l2         float64
	iterations int
	errors     bool
}

func trainCommand() command {
	return command{
		name:    "train",
		summary: "learn the classifier's weights from labelled news and cross-validate them",
		usage:   "--news FILE... [flags]",
		examples: `  outages train --news ../shared/eval/news-dev.jsonl -o classify/data/weights.tsv
  outages train --news ../shared/eval/news-dev.jsonl --json cv.json   # cross-validation only
  outages train --news ../shared/eval/news-dev.jsonl --extra classify/data/train-extra.jsonl   # more training texts, scored never
  outages train --news ../shared/eval/news-dev.jsonl --extras classify/data/extras.tsv -o classify/data/weights.tsv   # the shipped weights`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			var o trainOptions
			o.bind(fs)
			return o.run
		},
	}
}

func (o *trainOptions) bind(fs *flag.FlagSet) {
	fs.Var(&o.news, "news", "labelled news records, JSON Lines `FILE` (repeatable)")
	o.extras.bind(fs, "train")
	fs.StringVar(&o.out, "o", "", "write the weights to `FILE` (e.g. classify/data/weights.tsv)")
	fs.IntVar(&o.folds, "folds", 5, "cross-validation folds (split by article, stratified by language, events kept together); 0 skips it")
	fs.IntVar(&o.repeats, "repeats", cvRepeats, "cross-validation splits, each a different deal of the texts into the folds; the figures pool them")
	fs.StringVar(&o.jsonOut, "json", "", "write the cross-validated figures as JSON to `FILE`")
	fs.StringVar(&o.rulesDir, "rules", "", "`DIR` of rule and data files overriding the embedded ones")
	fs.Float64Var(&o.l2, "l2", 0, "L2 penalty (0: the model's default)")
	fs.IntVar(&o.iterations, "iterations", 0, "gradient steps (0: the model's default)")
	fs.BoolVar(&o.errors, "errors", false, "list every cross-validation miss with the gold and predicted values")
}

func (o *trainOptions) validate(args []string) error {
	switch {
	case len(args) > 0:
		return usagef("unexpected argument %q", args[0])
	case len(o.news) == 0:
		return usagef("--news: give at least one labelled file")
	case o.folds < 0 || o.folds == 1:
		return usagef("--folds: %d is not 0 or at least 2", o.folds)
	case o.repeats < 1:
		return usagef("--repeats: %d is not at least 1", o.repeats)
	case o.l2 < 0 || o.iterations < 0:
		return usagef("--l2 and --iterations must not be negative")
	}
	return nil
}

func (o *trainOptions) run(ctx context.Context, a *app, args []string) error {
	if err := o.validate(args); err != nil {
		return err
	}
	gold, err := readGolds(o.news)
	if err != nil {
		return err
	}
	cls, err := classify.New(classify.Options{RulesDir: o.rulesDir})
	if err != nil {
		return &usageError{msg: fmt.Sprintf("rules: %v", err)}
	}
	xf, err := o.extras.resolve()
	if err != nil {
		return err
	}
	extraEx, nExtra, err := extraExamples(cls, xf)
	if err != nil {
		return err
	}
	opts := model.TrainOptions{L2: o.l2, Iterations: o.iterations}
	start := time.Now()
	ex := examplesOf(cls, gold)
	w := classify.TrainExamples(append(slices.Clip(ex), extraEx...), opts)
	files := slices.Concat(o.news, xf.paths())
	fmt.Fprintf(a.stdout, "trained on %d texts from %s (%.1fs)\n", len(gold)+nExtra, strings.Join(files, ", "), time.Since(start).Seconds())
	writeCoverage(a.stdout, w, ex)
	if o.out != "" {
		var buf bytes.Buffer
		w.Write(&buf, fmt.Sprintf("Weights of the classify model (package classify/model), written by\n  outages train %s\non %d labelled texts. Do not edit by hand: retrain.", o.command(), len(gold)+nExtra))
		if err := writeFileAtomic(o.out, buf.Bytes()); err != nil {
			return fmt.Errorf("write %s: %w", o.out, err)
		}
		fmt.Fprintf(a.stdout, "weights written to %s\n", o.out)
	}
	if o.folds == 0 {
		return nil
	}
	start = time.Now()
	r, err := crossValidation{cls: cls, gold: gold, ex: ex, extra: extraEx, k: o.folds, repeats: o.repeats, opts: opts}.run(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "\n== %d-fold cross-validation, %d splits pooled (%.1fs)\n", o.folds, o.repeats, time.Since(start).Seconds())
	r.WriteTable(a.stdout)
	if o.errors {
		fmt.Fprintln(a.stdout)
		r.WriteErrors(a.stdout)
	}
	if o.jsonOut != "" {
		b, _ := json.MarshalIndent(struct {
			Figures map[string]float64 `json:"figures"`
		}{prefixedReport{r, "cv."}.Figures()}, "", "  ")
		if err := writeFileAtomic(o.jsonOut, append(b, '\n')); err != nil {
			return fmt.Errorf("write %s: %w", o.jsonOut, err)
		}
	}
	return nil
}

// command is the training command line that wrote the weights.
func (o *trainOptions) command() string {
	var b strings.Builder
	for _, p := range o.news {
		fmt.Fprintf(&b, " --news %s", p)
	}
	b.WriteString(o.extras.command())
	return strings.TrimSpace(b.String())
}

// readGolds reads labelled news files, one after the other.
func readGolds(paths []string) ([]news.Record, error) {
	var all []news.Record
	for _, p := range paths {
		recs, err := readGold(p)
		if err != nil {
			return nil, err
		}
		all = append(all, recs...)
	}
	return all, nil
}

// readGold reads a labelled news file.
func readGold(path string) ([]news.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usagef("labelled news: %v", err)
	}
	defer f.Close()
	recs, err := news.ReadRecords(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return recs, nil
}

// newsJudge judges candidate values with the news scorer's comparisons.
func newsJudge() classify.Judge {
	return classify.Judge{
		Service:     news.ServiceMatch,
		Start:       news.StartMatch,
		Duration:    news.DurationMatch,
		Cause:       news.CauseMatch,
		HasDuration: news.HasDuration,
	}
}

// labelled turns a gold record into a training text, as the extract code
// path would build its article.
func labelled(g news.Record) classify.Labelled {
	l := classify.Labelled{IsOutage: g.IsOutage}
	l.Article.ID, l.Article.URL, l.Article.Body, l.Article.Published = g.ID, g.URL, g.Text, g.Published
	if len(g.Outages) > 0 {
		m := g.Outages[0]
		l.Main = &m
	}
	return l
}

// examplesOf returns each gold record's labelled candidates.
func examplesOf(cls *classify.Classifier, gold []news.Record) []map[string][]model.Group {
	j := newsJudge()
	ex := make([]map[string][]model.Group, len(gold))
	for i, g := range gold {
		ex[i] = cls.Examples(labelled(g), j)
	}
	return ex
}

// crossValidation scores labelled texts k times, each fold by weights
// trained on the other folds and on every extra example; repeated over
// several different splits, it scores each text once a split.
type crossValidation struct {
	cls     *classify.Classifier
	gold    []news.Record              // the labelled texts scored
	ex      []map[string][]model.Group // gold's examples (examplesOf)
	extra   []map[string][]model.Group // examples trained on in every fold
	k       int                        // the number of folds
	repeats int                        // the number of splits (0 or 1: one)
	opts    model.TrainOptions
}

// run trains on all folds but one and predicts the one left out, for
// each fold of each split, and scores every prediction with the news
// scorer. With several splits, the figures pool them (each text scored
// once a split, its id suffixed "#split"): one split's figures move by
// a text or two with any change of the weights, their mean much less.
func (cv crossValidation) run(ctx context.Context) (*news.Report, error) {
	reps := max(cv.repeats, 1)
	var gold []news.Record
	pred := map[string]news.Record{}
	items := cv.items()
	for rep := range reps {
		folds := model.Folds(items, cv.k, rep)
		for f := 0; f < cv.k; f++ {
			p, err := cv.predictFold(ctx, folds, f)
			if err != nil {
				return nil, err
			}
			for id, r := range p {
				r.ID = splitID(id, rep, reps)
				pred[r.ID] = r
			}
		}
		for _, g := range cv.gold {
			g.ID = splitID(g.ID, rep, reps)
			gold = append(gold, g)
		}
	}
	return news.Score(gold, pred), nil
}

// splitID is the id of a text scored in split rep of reps.
func splitID(id string, rep, reps int) string {
	if reps <= 1 {
		return id
	}
	return fmt.Sprintf("%s#%d", id, rep)
}

// items are the gold records as model.Folds groups them.
func (cv crossValidation) items() []model.Item {
	items := make([]model.Item, len(cv.gold))
	for i, g := range cv.gold {
		items[i] = model.Item{ID: g.ID, Lang: g.Lang}
		if g.Event != nil {
			items[i].Event = *g.Event
		}
	}
	return items
}

// predictFold trains on the extra examples and those of the gold records
// outside fold f (folds[i] is the fold of record i), and predicts the
// records of fold f.
func (cv crossValidation) predictFold(ctx context.Context, folds []int, f int) (map[string]news.Record, error) {
	train := slices.Clip(cv.extra)
	var held []news.Record
	for i := range cv.gold {
		if folds[i] == f {
			held = append(held, cv.gold[i])
		} else {
			train = append(train, cv.ex[i])
		}
	}
	w := classify.TrainExamples(train, cv.opts)
	return predict(ctx, &extractor{cls: cv.cls.WithWeights(w)}, held, func(g news.Record) (extractInput, error) {
		return extractInput{ID: g.ID, URL: g.URL, Text: g.Text, Published: g.Published}, nil
	})
}

// writeCoverage writes, per slot, how many labelled choices there are, how
// many have a right candidate (what the rules let the model reach) and how
// many the trained weights get right.
func writeCoverage(out io.Writer, w *model.Weights, ex []map[string][]model.Group) {
	fmt.Fprintf(out, "%-9s %7s %9s %9s\n", "slot", "choices", "reachable", "fitted")
	for _, slot := range model.Slots() {
		n, reach, fit := 0, 0, 0
		for _, m := range ex {
			for _, g := range m[slot] {
				n++
				if slices.Contains(g.Right, true) {
					reach++
				}
				if best, _ := w.Best(slot, g.Cands); best >= 0 && g.Right[best] {
					fit++
				}
			}
		}
		fmt.Fprintf(out, "%-9s %7d %9d %9d\n", slot, n, reach, fit)
	}
}
