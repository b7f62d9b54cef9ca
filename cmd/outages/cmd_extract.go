package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"outages/classify"
	"outages/classify/rules"
	"outages/corpus"
	"outages/crawl"
)

// extractInput is one input record of `outages extract` (and of the eval
// harness): a text or an HTML page, with its URL and publication date.
type extractInput struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Title     string `json:"title"`
	Published string `json:"published"`
}

// extractRecord is the output: the record schema of the eval README, plus
// what else is useful.
type extractRecord struct {
	ID             string                `json:"id"`
	URL            string                `json:"url"`
	Lang           string                `json:"lang"`
	LangConfidence float64               `json:"lang_confidence"`
	Published      *string               `json:"published"`
	IsOutage       bool                  `json:"is_outage"`
	OutageScore    float64               `json:"outage_score"`
	Outages        []corpus.Outage       `json:"outages"`
	Title          string                `json:"title,omitempty"`
	Body           string                `json:"body,omitempty"`
	Explanation    *classify.Explanation `json:"explain,omitempty"`
}

// extractor is the one code path from an input record to an output record,
// shared by extract, explain and eval.
type extractor struct {
	cls *classify.Classifier
}

func newExtractor(rulesDir string) (*extractor, error) {
	cls, err := classify.New(classify.Options{RulesDir: rulesDir})
	if err != nil {
		return nil, &usageError{msg: fmt.Sprintf("rules: %v", err)}
	}
	return &extractor{cls: cls}, nil
}

func (e *extractor) extract(in extractInput) (extractRecord, *classify.Explanation, error) {
	art := corpus.Article{ID: in.ID, URL: in.URL, Title: in.Title, Body: in.Text, Published: in.Published}
	fromHTML := in.HTML != ""
	if fromHTML {
		page, err := extractHTML([]byte(in.HTML), in.URL)
		if err != nil {
			return extractRecord{}, nil, err
		}
		if art.Title == "" {
			art.Title = page.Title
		}
		art.Body = page.Body
		if art.Published == "" {
			art.Published = page.Published
		}
		art.Modified, art.Author, art.SiteName, art.DeclaredLang = page.Modified, page.Author, page.SiteName, page.Lang
		if art.URL == "" {
			art.URL = page.Canonical
		}
	}
	if art.ID == "" && art.URL != "" {
		art.ID = corpus.ArticleID(art.URL)
	}
	exp := e.cls.Classify(&art)
	rec := extractRecord{ID: art.ID, URL: art.URL, Lang: art.Lang, LangConfidence: art.LangConfidence,
		IsOutage: art.IsOutage, OutageScore: art.OutageScore, Outages: art.Outages}
	if rec.Outages == nil {
		rec.Outages = []corpus.Outage{}
	}
	if art.Published != "" {
		rec.Published = &art.Published
	}
	if fromHTML {
		rec.Title, rec.Body = art.Title, art.Body
	}
	return rec, exp, nil
}

// extractHTML decodes raw page bytes (any charset) and extracts the article,
// exactly as the crawler does.
func extractHTML(raw []byte, pageURL string) (*crawl.Page, error) {
	utf8Page, _, err := crawl.DecodeHTML(raw, "")
	if err != nil {
		return nil, err
	}
	var u *url.URL
	if pageURL != "" {
		if u, err = url.Parse(pageURL); err != nil {
			u = nil
		}
	}
	return crawl.Extract(utf8Page, u, crawl.Selectors{})
}

type extractOptions struct {
	rulesDir string
	explain  bool
}

func extractCommand() command {
	return command{
		name:    "extract",
		summary: "classify texts or HTML pages and print one JSON record per article",
		usage:   "[flags] [FILE...]   (JSON Lines, .html or .txt files; - or nothing for JSON Lines on stdin)",
		examples: `  echo '{"id":"1","text":"Panne géante chez Orange jeudi : le réseau est resté coupé près de deux heures.","published":"2024-03-15"}' | outages extract
  outages extract page.html
  outages extract --explain articles.jsonl`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			var o extractOptions
			o.bind(fs)
			return o.run
		},
	}
}

func (o *extractOptions) run(ctx context.Context, a *app, args []string) error {
	ex, err := newExtractor(o.rulesDir)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	emit := func(in extractInput, where string, err error) error {
		if err == nil {
			var rec extractRecord
			var exp *classify.Explanation
			if rec, exp, err = ex.extract(in); err == nil {
				if o.explain {
					rec.Explanation = exp
				}
				return enc.Encode(rec)
			}
		}
		failed++
		fmt.Fprintf(a.stderr, "outages extract: %s: %v\n", where, err)
		return nil
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	for _, arg := range args {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := readInputs(a.stdin, arg, emit); err != nil {
			return err
		}
	}
	if failed > 0 {
		return &partialError{msg: fmt.Sprintf("%d input(s) could not be read", failed)}
	}
	return nil
}

// readInputs reads the inputs named by arg ("-" = JSON Lines on stdin, a
// .jsonl/.json file, an HTML file, or a text file) and calls fn for each.
func readInputs(stdin io.Reader, arg string, fn func(extractInput, string, error) error) error {
	if arg == "-" {
		return readJSONL(stdin, "stdin", fn)
	}
	data, err := os.ReadFile(arg)
	if err != nil {
		return fmt.Errorf("read %s: %w", arg, err)
	}
	abs, _ := filepath.Abs(arg)
	fileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	switch ext := strings.ToLower(filepath.Ext(arg)); {
	case ext == ".jsonl" || ext == ".json" || ext == ".ndjson":
		return readJSONL(bytes.NewReader(data), arg, fn)
	case ext == ".html" || ext == ".htm" || looksLikeHTML(data):
		return fn(extractInput{URL: fileURL, HTML: string(data)}, arg, nil)
	default:
		return fn(extractInput{URL: fileURL, Text: string(data)}, arg, nil)
	}
}

func looksLikeHTML(b []byte) bool {
	head := strings.ToLower(string(b[:min(len(b), 512)]))
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html")
}

func readJSONL(r io.Reader, name string, fn func(extractInput, string, error) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, line)
		var in extractInput
		err := json.Unmarshal(b, &in)
		if err == nil && in.Text == "" && in.HTML == "" {
			err = errors.New(`the record has neither "text" nor "html"`)
		}
		if err := fn(in, where, err); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

type explainOptions struct {
	dataOptions
	format string
}

func explainCommand() command {
	return command{
		name:    "explain",
		summary: "show why an article was classified as it was: language, triggers, evidence",
		usage:   "[flags] ID|FILE",
		examples: `  outages explain 3f2a9c0e1b7d4a5e8f6c2d1a0b9e8f7c      # an article ID from search --format json
  outages explain page.html`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			var o explainOptions
			o.bind(fs)
			return o.run
		},
	}
}

func (o *explainOptions) run(ctx context.Context, a *app, args []string) error {
	if len(args) != 1 {
		return usagef("want one article ID or file, got %d arguments", len(args))
	}
	if o.format != "text" && o.format != "json" {
		return usagef("--format: %q is not text or json", o.format)
	}
	cfg, err := o.load()
	if err != nil {
		return err
	}
	ex, err := newExtractor(cfg.RulesDir)
	if err != nil {
		return err
	}
	var in extractInput
	if _, statErr := os.Stat(args[0]); statErr == nil {
		found := false
		err = readInputs(a.stdin, args[0], func(i extractInput, where string, err error) error {
			if err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			if !found {
				in, found = i, true
			}
			return nil
		})
		if err != nil {
			return err
		}
	} else {
		store, err := corpus.OpenStore(filepath.Join(cfg.Data, storeFile), corpus.StoreOptions{ReadOnly: true, Timeout: 2 * time.Second})
		if err != nil {
			return fmt.Errorf("%q is neither a file nor a stored article: %w", args[0], err)
		}
		art, err := store.Get(args[0])
		store.Close()
		if err != nil {
			return err
		}
		if art == nil {
			return &usageError{msg: fmt.Sprintf("%q is neither a file nor the ID of an article stored in %s", args[0], cfg.Data)}
		}
		in = extractInput{ID: art.ID, URL: art.URL, Title: art.Title, Text: art.Body, Published: art.Published}
	}
	rec, exp, err := ex.extract(in)
	if err != nil {
		return err
	}
	if o.format == "json" {
		rec.Explanation = exp
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rec)
	}
	if rec.Title != "" {
		fmt.Fprintf(a.stdout, "%s\n", rec.Title)
	}
	if rec.URL != "" {
		fmt.Fprintf(a.stdout, "%s\n", rec.URL)
	}
	fmt.Fprintln(a.stdout)
	return exp.WriteText(a.stdout)
}

type tagOptions struct {
	lang     string
	ref      string
	rulesDir string
}

func tagCommand() command {
	return command{
		name:    "tag",
		summary: "the rule author's tool: find dates, times, durations and causes in text",
		usage:   "[flags] [TEXT...]   (or lines on stdin: plain text, or JSON {\"text\",\"lang\",\"ref\"})",
		examples: `  outages tag --lang fr --ref 2014-03-14 "Le réseau est tombé mardi 11 mars pendant près de deux heures, à cause de bugs en cascade."
  echo '{"text":"انقطع الإنترنت لمدة ساعتين أمس","lang":"ar","ref":"2024-05-02"}' | outages tag`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			var o tagOptions
			o.bind(fs)
			return o.run
		},
	}
}

type tagInput struct {
	Text string `json:"text"`
	Lang string `json:"lang"`
	Ref  string `json:"ref"`
}

type tagOutput struct {
	Text  string       `json:"text"`
	Lang  string       `json:"lang"`
	Ref   string       `json:"ref,omitempty"`
	Exprs []rules.Expr `json:"exprs"`
}

// run tags each argument, or else each line of stdin, and prints one JSON
// record of the expressions found per text.
func (o *tagOptions) run(ctx context.Context, a *app, args []string) error {
	switch o.lang {
	case "", "fr", "ar", "en":
	default:
		return usagef("--lang: %q is not fr, ar or en", o.lang)
	}
	if _, _, err := parseRef(o.ref); err != nil {
		return usagef("--ref: %v", err)
	}
	tagger, err := rules.Load(rules.Options{Dir: o.rulesDir})
	if err != nil {
		return &usageError{msg: fmt.Sprintf("rules: %v", err)}
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	t := &tagRun{o: o, tagger: tagger, enc: enc}
	if len(args) > 0 {
		for _, text := range args {
			if err := t.one(tagInput{Text: text}); err != nil {
				return err
			}
		}
		return nil
	}
	return t.lines(ctx, a.stdin)
}

// tagRun tags the texts of one tag command.
type tagRun struct {
	o      *tagOptions
	tagger *rules.Tagger
	cls    *classify.Classifier // built only when a language must be detected
	enc    *json.Encoder
}

// one tags a text and prints its record; the text's language and
// reference date default to --lang and --ref, and a language still
// missing is detected.
func (t *tagRun) one(in tagInput) error {
	if in.Lang == "" {
		in.Lang = t.o.lang
	}
	if in.Ref == "" {
		in.Ref = t.o.ref
	}
	if in.Lang == "" {
		if t.cls == nil {
			cls, err := classify.New(classify.Options{RulesDir: t.o.rulesDir})
			if err != nil {
				return err
			}
			t.cls = cls
		}
		in.Lang, _ = t.cls.DetectLanguage(in.Text)
	}
	ref, _, err := parseRef(in.Ref)
	if err != nil {
		return usagef("ref %q: %v", in.Ref, err)
	}
	exprs := t.tagger.Tag(in.Text, in.Lang, ref)
	if exprs == nil {
		exprs = []rules.Expr{}
	}
	return t.enc.Encode(tagOutput{Text: in.Text, Lang: in.Lang, Ref: in.Ref, Exprs: exprs})
}

// lines tags each non-blank line of r: a plain text, or a tagInput as
// JSON when it starts with "{".
func (t *tagRun) lines(ctx context.Context, r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		in := tagInput{Text: text}
		if strings.HasPrefix(text, "{") {
			if err := json.Unmarshal([]byte(text), &in); err != nil {
				return fmt.Errorf("stdin:%d: %v", line, err)
			}
		}
		if err := t.one(in); err != nil {
			return fmt.Errorf("stdin:%d: %w", line, err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return sc.Err()
}

// parseRef reads a reference date: YYYY-MM-DD (day precision), YYYY-MM
// (month) or "" (none).
func parseRef(s string) (rules.Ref, string, error) {
	switch {
	case s == "":
		return rules.Ref{}, "", nil
	case len(s) == len("2006-01"):
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return rules.Ref{}, "", errors.New("want YYYY-MM-DD or YYYY-MM")
		}
		return rules.Ref{Time: t, Precision: "month"}, "month", nil
	default:
		t, err := time.Parse("2006-01-02", s[:min(len(s), 10)])
		if err != nil {
			return rules.Ref{}, "", errors.New("want YYYY-MM-DD or YYYY-MM")
		}
		return rules.Ref{Time: t, Precision: "day"}, "day", nil
	}
}

// bind binds the flags of extractOptions to fs.
func (o *extractOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.rulesDir, "rules", "", "`DIR` of rule files overriding the embedded ones")
	fs.BoolVar(&o.explain, "explain", false, "add the explanation (rules that fired, evidence) to each record")
}

// bind binds the flags of explainOptions to fs.
func (o *explainOptions) bind(fs *flag.FlagSet) {
	o.dataOptions.bind(fs)
	fs.StringVar(&o.format, "format", "text", "text or json")
}

// bind binds the flags of tagOptions to fs.
func (o *tagOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.lang, "lang", "", "language of the text: fr, ar or en (default: detected)")
	fs.StringVar(&o.ref, "ref", "", "reference `DATE` for relative expressions, YYYY-MM-DD or YYYY-MM (default: none)")
	fs.StringVar(&o.rulesDir, "rules", "", "`DIR` of rule files overriding the embedded ones")
}
