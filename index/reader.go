package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"outages/corpus"
)

// MaxLimit bounds Query.Limit+Query.Offset of Search; use Each to stream
// more.
const MaxLimit = 10000

// DefaultLimit is the number of hits Search returns when Query.Limit is 0.
const DefaultLimit = 10

// Query is a search: a query string plus filters. The zero Query matches
// every article.
type Query struct {
	Text                           string // Lucene query syntax (see doc.go); "" matches all
	AllWords                       bool   // words side by side must all match (default: any, best first)
	Langs, Causes, Services, Kinds []string
	Countries                      []string // ISO 3166-1 alpha-2 codes of the outages' countries
	Since, Until                   string   // YYYY-MM-DD on the outage start, inclusive
	MinDuration                    int      // minutes
	OutagesOnly                    bool
	Limit, Offset                  int
	ExactLang                      bool // turn off cross-language expansion
	Facets                         bool
	Highlight                      bool
}

// Result is one page of hits.
type Result struct {
	Total  uint64
	Took   time.Duration
	Hits   []Hit
	Facets Facets
}

// Hit is one matching article.
//
// Snippet (with Query.Highlight) is a fragment of the body in which every
// match is wrapped between SnippetStart and SnippetEnd; "…" marks a cut.
// Callers replace the two markers by what their output renders (ANSI
// colours, « », <mark>), or strip them.
type Hit struct {
	Article *corpus.Article
	Score   float64
	Snippet string
}

// Markers around matches in Hit.Snippet.
const (
	SnippetStart = "\x01"
	SnippetEnd   = "\x02"
)

// Facets count matching ARTICLES per value (an article with two outages of
// one cause counts once). Month is the month of outage start (oldest
// first); Duration uses the buckets <30m, 30m-2h, 2h-6h, 6h-24h, >24h and
// unknown, in that order.
type Facets struct {
	Lang, Cause, Service, Kind, Month, Duration []Count
	Country                                     []Count // ISO 3166-1 alpha-2 codes
}

// Count is one facet or stats value.
type Count struct {
	Key   string
	Count int
}

// Reader searches the generation that was current when it was opened. It is
// safe for concurrent use.
type Reader struct {
	meta    genMeta
	lock    *flock
	parts   []bleve.Index
	alias   bleve.IndexAlias
	mapping *mapping.IndexMappingImpl
	exp     *expander
	page    int                    // articles per request in Each
	byName  map[string]bleve.Index // partitions by Bleve index name
	facets  *facetTables

	fullMatchAll  bool // tests: answer match-all queries as any other
	allPartitions bool // tests: search every partition (see prune.go)
	fullTopK      bool // tests: score every match of a ranked query (see topk.go)
}

// Open opens the current generation read-only. It returns ErrNoIndex when
// none is published. It never waits for a writer.
func Open(dir string) (*Reader, error) {
	var lastErr error
	missing := ""
	for attempt := 0; attempt < 20; attempt++ {
		name, err := readCurrent(dir)
		if err != nil {
			return nil, err
		}
		genDir := filepath.Join(dir, name)
		l, ok, err := tryLock(filepath.Join(genDir, lockFile), false, false)
		if errors.Is(err, fs.ErrNotExist) && missing == name {
			// CURRENT still names it: not a writer's switch but a bad pointer
			if _, serr := os.Stat(genDir); serr != nil {
				return nil, &DamageError{Path: filepath.Join(dir, currentFile), Cause: fmt.Sprintf("the pointer to the published generation names %s, which is not there", name)}
			}
			return nil, &DamageError{Path: genDir, Cause: "its lock file is missing"}
		}
		if errors.Is(err, fs.ErrNotExist) {
			missing = name
		}
		if errors.Is(err, fs.ErrNotExist) || (err == nil && !ok) {
			// superseded and being removed: read CURRENT again
			lastErr = fmt.Errorf("index: generation %s went away", name)
			time.Sleep(time.Duration(attempt+1) * time.Millisecond)
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("index: lock %s: %w", genDir, err)
		}
		m, err := readGenMeta(genDir)
		if errors.Is(err, fs.ErrNotExist) {
			l.unlock()
			lastErr = err
			continue
		}
		if err != nil {
			l.unlock()
			return nil, err
		}
		r, err := openGeneration(genDir, m)
		if err != nil {
			l.unlock()
			return nil, err
		}
		r.lock = l
		return r, nil
	}
	return nil, fmt.Errorf("index: open %s: %w", dir, lastErr)
}

func openGeneration(genDir string, m genMeta) (*Reader, error) {
	im, err := newMapping()
	if err != nil {
		return nil, err
	}
	r := &Reader{meta: m, mapping: im, exp: newExpander(im), page: eachPage,
		byName: map[string]bleve.Index{}, facets: newFacetTables(len(m.Partitions))}
	for _, p := range m.Partitions {
		path := partDir(genDir, p)
		idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true})
		if err != nil {
			r.closeParts()
			return nil, fmt.Errorf("index: open partition %s: %w", path, err)
		}
		r.parts = append(r.parts, idx)
		r.byName[idx.Name()] = idx
	}
	r.alias = bleve.NewIndexAlias(r.parts...)
	return r, nil
}

// Meta returns the meta of the generation the reader holds.
func (r *Reader) Meta() Meta { return r.meta.Meta }

func (r *Reader) closeParts() error {
	var errs []error
	for _, p := range r.parts {
		if err := p.Close(); err != nil {
			errs = append(errs, err)
		}
	}
	r.parts = nil
	return errors.Join(errs...)
}

// Close releases the generation (a later writer may then remove it).
func (r *Reader) Close() error {
	err := r.closeParts()
	return errors.Join(err, r.lock.unlock())
}

// compiled is a query ready to run.
type compiled struct {
	q    query.Query
	root *node
	all  bool // matches every article, no filter

	// The outage-start filter (Query.Since, Until), required of every
	// hit: [startLo, startHi), a zero time being open.
	hasStart         bool
	startLo, startHi time.Time
}

// compile parses q's text, expands it across languages, ranks outage
// reports first and requires q's filters of every hit.
func (r *Reader) compile(q Query) (*compiled, error) {
	root, text, err := r.compileText(q)
	if err != nil {
		return nil, err
	}
	c := &compiled{}
	filters, err := c.filters(q)
	if err != nil {
		return nil, err
	}
	c.root = root
	if len(filters) == 0 {
		c.q, c.all = text, isMatchAll(root)
		return c, nil
	}
	c.q = query.NewConjunctionQuery(append([]query.Query{text}, filters...))
	return c, nil
}

// compileText parses the text of q and returns its tree and its query:
// checked against the index's schema, expanded across languages (unless
// q.ExactLang) and ranking outage reports first.
func (r *Reader) compileText(q Query) (*node, query.Query, error) {
	root, err := parseQuery(q.Text, q.AllWords)
	if err != nil {
		return nil, nil, err
	}
	if err := r.checkSchema(root); err != nil {
		return nil, nil, err
	}
	text, err := r.exp.compile(q.Text, root, q.ExactLang)
	if err != nil {
		return nil, nil, err
	}
	return root, rankOutagesFirst(text, root), nil
}

// filters returns the queries every hit of q must match: one of its
// languages, causes, services, kinds and countries, its outage-start
// days (also set on c), its minimum duration, outage reports only.
func (c *compiled) filters(q Query) ([]query.Query, error) {
	var filters []query.Query
	for _, f := range []struct {
		field, prefix string
		vals          []string
	}{
		{fFacets, "lang:", q.Langs},
		{fFacets, "cause:", q.Causes},
		{fServices, "", q.Services},
		{fFacets, "kind:", q.Kinds},
		{fFacets, "country:", q.Countries},
	} {
		if len(f.vals) > 0 {
			filters = append(filters, anyOf(f.field, f.prefix, f.vals))
		}
	}
	if q.Since != "" || q.Until != "" {
		lo, hi, err := startDays(q.Since, q.Until)
		if err != nil {
			return nil, err
		}
		t, f := true, false
		dq := query.NewDateRangeInclusiveQuery(lo, hi, &t, &f)
		dq.SetField(fStart)
		filters = append(filters, dq)
		c.hasStart, c.startLo, c.startHi = true, lo, hi
	}
	if q.MinDuration < 0 {
		return nil, fmt.Errorf("index: negative minimum duration %d", q.MinDuration)
	}
	if q.MinDuration > 0 {
		v := float64(q.MinDuration)
		t := true
		nq := query.NewNumericRangeInclusiveQuery(&v, nil, &t, nil)
		nq.SetField(fDurations)
		filters = append(filters, nq)
	}
	if q.OutagesOnly {
		bq := query.NewBoolFieldQuery(true)
		bq.SetField(fIsOutage)
		filters = append(filters, bq)
	}
	return filters, nil
}

// anyOf matches a term of field that is one of vals (trimmed and
// lower-cased) after prefix.
func anyOf(field, prefix string, vals []string) query.Query {
	qs := make([]query.Query, 0, len(vals))
	for _, v := range vals {
		qs = append(qs, termQuery(field, prefix+strings.ToLower(strings.TrimSpace(v))))
	}
	return query.NewDisjunctionQuery(qs)
}

// startDays reads the YYYY-MM-DD days of Query.Since and Until as the
// times [lo, hi) of the outage-start filter, a zero time being open.
func startDays(since, until string) (lo, hi time.Time, err error) {
	if since != "" {
		t, ok := parseDay(since)
		if !ok {
			return lo, hi, fmt.Errorf("index: since %q: want YYYY-MM-DD", since)
		}
		lo = t
	}
	if until != "" {
		t, ok := parseDay(until)
		if !ok {
			return lo, hi, fmt.Errorf("index: until %q: want YYYY-MM-DD", until)
		}
		hi = t.AddDate(0, 0, 1)
	}
	return lo, hi, nil
}

// exactSchema is the first SchemaVersion with the *_exact fields.
const exactSchema = 3

// checkSchema refuses a prefix, wildcard or regexp on the text of an
// index built before the *_exact fields existed: it would match nothing.
func (r *Reader) checkSchema(root *node) error {
	if r.meta.SchemaVersion >= exactSchema {
		return nil
	}
	var err error
	walkLeaves(root, false, func(c clause, _ bool) {
		if err != nil || (c.kind != kWildcard && c.kind != kRegexp) {
			return
		}
		switch strings.ToLower(c.field) {
		case "", "text", "title", "body":
			err = fmt.Errorf("index: %q needs an index of schema %d or later and this one is %d: run 'outages reindex'", c.value, exactSchema, r.meta.SchemaVersion)
		}
	})
	return err
}

// outageBoost weighs the optional is_outage:true clause of every query
// (and of the outage concept of the synonym set): enough for an outage
// report to rank above a story that uses the same words in passing ("la
// croissance en panne"), little enough that the words still rank the
// outage reports among themselves (measured on the bundled sample, see
// TestOutagesRankFirst; 0.2 was enough with month partitions, whose
// smaller document counts gave the clause a higher idf; with year
// partitions a report saying "panne" once ranked below a story saying it
// four times, title included, until 2.0).
const outageBoost = 2.0

// rankOutagesFirst adds to q an optional clause on is_outage, so that of
// two articles with the same words the one reporting an outage ranks
// first; unless the query names is_outage itself. It changes scores only,
// never the hits.
func rankOutagesFirst(q query.Query, root *node) query.Query {
	named := false
	walkLeaves(root, false, func(c clause, _ bool) {
		switch strings.ToLower(c.field) {
		case "is_outage", "outage":
			named = true
		}
	})
	if named {
		return q
	}
	bq := query.NewBoolFieldQuery(true)
	bq.SetField(fIsOutage)
	bq.SetBoost(outageBoost)
	// Not NewBooleanQuery: it wraps the one required query in a
	// conjunction and the one optional clause in a disjunction, two
	// searchers that every hit passes through for the same scores.
	b := &query.BooleanQuery{Must: q, Should: bq}
	if u, ok := q.(*unionQuery); ok {
		return &rankedQuery{BooleanQuery: b, union: u, outage: bq}
	}
	return b
}

// Search runs q and returns one page of hits with whole articles.
func (r *Reader) Search(ctx context.Context, q Query) (*Result, error) {
	start := time.Now()
	c, err := r.compile(q)
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit == 0 {
		limit = DefaultLimit
	}
	if limit < 0 || q.Offset < 0 {
		return nil, fmt.Errorf("index: negative limit or offset (%d, %d)", q.Limit, q.Offset)
	}
	if limit+q.Offset > MaxLimit {
		return nil, fmt.Errorf("index: limit+offset %d exceeds %d: use Each to stream all matches", limit+q.Offset, MaxLimit)
	}
	if len(r.parts) == 0 {
		return &Result{Took: time.Since(start)}, nil
	}
	if c.all && !r.fullMatchAll {
		res, err := r.searchAll(ctx, c, q, limit)
		if err != nil {
			return nil, err
		}
		res.Took = time.Since(start)
		return res, nil
	}
	if rq, ok := c.q.(*rankedQuery); ok && !r.fullTopK {
		res, ok, err := r.searchTopK(ctx, rq, c, q, limit)
		if err != nil {
			return nil, err
		}
		if ok {
			res.Took = time.Since(start)
			return res, nil
		}
	}
	// Facets are counted by a wrapper of the query (see facets.go), and
	// the stored articles are loaded for the hits of the page only (the
	// alias would load limit+offset of them in every partition).
	var fq *facetQuery
	sq := c.q
	if q.Facets {
		fq = newFacetQuery(c.q, r.facets)
		sq = fq
	}
	searched, err := r.searched(c)
	if err != nil {
		return nil, err
	}
	if searched == nil {
		return &Result{Hits: []Hit{}, Took: time.Since(start)}, nil
	}
	req := bleve.NewSearchRequestOptions(sq, limit, q.Offset, false)
	res, err := searched.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: search %q: %w", q.Text, err)
	}
	out := &Result{Total: res.Total}
	if out.Hits, err = r.hits(res.Hits, c, q); err != nil {
		return nil, err
	}
	if q.Facets {
		out.Facets = splitFacets(fq.result())
	}
	out.Took = time.Since(start)
	return out, nil
}

// hits loads the articles of a page of matches, with their snippets when
// q asks for them.
func (r *Reader) hits(ms search.DocumentMatchCollection, c *compiled, q Query) ([]Hit, error) {
	var hl *highlighter
	if q.Highlight {
		hl = newHighlighter(r.exp, c.root, q.ExactLang)
	}
	out := make([]Hit, 0, len(ms))
	for _, h := range ms {
		a, err := r.load(h)
		if err != nil {
			return nil, err
		}
		hit := Hit{Article: a, Score: h.Score}
		if hl != nil {
			hit.Snippet = hl.snippet(a)
		}
		out = append(out, hit)
	}
	return out, nil
}

// Facet sizes: the most frequent values kept per facet (months and
// duration buckets are all kept).
const (
	facetSmall = 10 // lang, kind
	facetLarge = 20 // cause, service
)

// splitFacets splits the counts of the combined facets field.
func splitFacets(all []Count) Facets {
	var f Facets
	for _, c := range all {
		name, key, ok := strings.Cut(c.Key, ":")
		if !ok {
			continue
		}
		c.Key = key
		switch name {
		case "lang":
			f.Lang = append(f.Lang, c)
		case "cause":
			f.Cause = append(f.Cause, c)
		case "service":
			f.Service = append(f.Service, c)
		case "kind":
			f.Kind = append(f.Kind, c)
		case "month":
			f.Month = append(f.Month, c)
		case "duration":
			f.Duration = append(f.Duration, c)
		case "country":
			c.Key = strings.ToUpper(c.Key)
			f.Country = append(f.Country, c)
		}
	}
	top := func(cs []Count, n int) []Count {
		sort.SliceStable(cs, func(i, j int) bool {
			if cs[i].Count != cs[j].Count {
				return cs[i].Count > cs[j].Count
			}
			return cs[i].Key < cs[j].Key
		})
		if len(cs) > n {
			cs = cs[:n]
		}
		return cs
	}
	f.Lang = top(f.Lang, facetSmall)
	f.Kind = top(f.Kind, facetSmall)
	f.Cause = top(f.Cause, facetLarge)
	f.Service = top(f.Service, facetLarge)
	f.Country = top(f.Country, facetLarge)
	sort.Slice(f.Month, func(i, j int) bool { return f.Month[i].Key < f.Month[j].Key })
	order := map[string]int{}
	for i, b := range durationBuckets {
		order[b] = i
	}
	sort.Slice(f.Duration, func(i, j int) bool { return order[f.Duration[i].Key] < order[f.Duration[j].Key] })
	return f
}

func facetCounts(fr *search.FacetResult) []Count {
	if fr == nil || fr.Terms == nil {
		return nil
	}
	terms := fr.Terms.Terms()
	out := make([]Count, 0, len(terms))
	for _, t := range terms {
		out = append(out, Count{Key: t.Term, Count: t.Count})
	}
	return out
}

// load reads the stored article of a hit from its partition.
func (r *Reader) load(h *search.DocumentMatch) (*corpus.Article, error) {
	parts := r.parts
	if p, ok := r.byName[h.Index]; ok {
		parts = []bleve.Index{p}
	}
	for _, p := range parts {
		doc, err := p.Document(h.ID)
		if err != nil {
			return nil, fmt.Errorf("index: load article %s: %w", h.ID, err)
		}
		if doc == nil {
			continue
		}
		var raw []byte
		doc.VisitFields(func(f index.Field) {
			if f.Name() == fArticle {
				raw = f.Value()
			}
		})
		if raw == nil {
			return nil, fmt.Errorf("index: document %s has no stored article", h.ID)
		}
		a := new(corpus.Article)
		if err := json.Unmarshal(raw, a); err != nil {
			return nil, fmt.Errorf("index: decode article %s: %w", h.ID, err)
		}
		return a, nil
	}
	return nil, fmt.Errorf("index: load article %s: not found", h.ID)
}

func articleOf(h *search.DocumentMatch) (*corpus.Article, error) {
	raw, ok := h.Fields[fArticle].(string)
	if !ok {
		return nil, fmt.Errorf("index: document %s has no stored article", h.ID)
	}
	a := new(corpus.Article)
	if err := json.Unmarshal([]byte(raw), a); err != nil {
		return nil, fmt.Errorf("index: decode article %s: %w", h.ID, err)
	}
	return a, nil
}

// eachPage is the number of articles fetched per request by Each.
const eachPage = 500

// Each calls fn with every article matching q (Limit, Offset, Facets and
// Highlight are ignored), partition by partition, in ID order
// within a partition. Memory stays flat: it pages with search_after. An
// error from fn stops the iteration and is returned.
func (r *Reader) Each(ctx context.Context, q Query, fn func(*corpus.Article) error) error {
	c, err := r.compile(q)
	if err != nil {
		return err
	}
	parts, err := r.partitions(c)
	if err != nil {
		return err
	}
	for _, p := range parts {
		var after []string
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			req := bleve.NewSearchRequestOptions(c.q, r.page, 0, false)
			req.Fields = []string{fArticle}
			req.SortBy([]string{"_id"})
			req.Score = "none"
			if after != nil {
				req.SearchAfter = after
			}
			res, err := p.SearchInContext(ctx, req)
			if err != nil {
				return fmt.Errorf("index: each %q: %w", q.Text, err)
			}
			for _, h := range res.Hits {
				a, err := articleOf(h)
				if err != nil {
					return err
				}
				if err := fn(a); err != nil {
					return err
				}
			}
			if len(res.Hits) < r.page {
				break
			}
			after = []string{res.Hits[len(res.Hits)-1].ID}
		}
	}
	return nil
}

// Stats counts the OUTAGES of the articles matching q by month (of outage
// start, "unknown" when not a full date; oldest first), cause, service,
// lang or kind (most frequent first).
func (r *Reader) Stats(ctx context.Context, q Query, by string) ([]Count, error) {
	valid := false
	for _, d := range statsDims {
		valid = valid || d == by
	}
	if !valid {
		return nil, fmt.Errorf("index: stats by %q: want one of %s", by, strings.Join(statsDims[:], ", "))
	}
	c, err := r.compile(q)
	if err != nil {
		return nil, err
	}
	if len(r.parts) == 0 {
		return []Count{}, nil
	}
	searched, err := r.searched(c)
	if err != nil {
		return nil, err
	}
	if searched == nil {
		return []Count{}, nil
	}
	req := bleve.NewSearchRequestOptions(c.q, 0, 0, false)
	req.AddFacet(by, bleve.NewFacetRequest(fStats, 1<<22))
	res, err := searched.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: stats by %s: %w", by, err)
	}
	sums := map[string]int{}
	for _, t := range facetCounts(res.Facets[by]) {
		dim, rest, ok := strings.Cut(t.Key, ":")
		if !ok || dim != by {
			continue
		}
		_, key, ok := strings.Cut(rest, "|")
		if !ok {
			continue
		}
		sums[key] += t.Count
	}
	out := make([]Count, 0, len(sums))
	for k, n := range sums {
		out = append(out, Count{Key: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if by == "month" {
			return out[i].Key < out[j].Key
		}
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out, nil
}
