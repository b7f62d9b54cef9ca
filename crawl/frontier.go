package crawl

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"
)

type jobKind int

const (
	jobRobots  jobKind = iota // robots.txt of a host
	jobAuto                   // a source URL of unknown kind: page, feed or sitemap
	jobPage                   // an HTML page
	jobFeed                   // an RSS/Atom feed
	jobSitemap                // a sitemap or sitemap index
	jobFile                   // a local HTML file
	jobDir                    // a local folder
	jobJSON                   // a local file of article records (jsonl.go)
)

// local reports whether jobs of kind k read local files.
func (k jobKind) local() bool { return k == jobFile || k == jobDir || k == jobJSON }

// job is one unit of work handed to a worker.
type job struct {
	kind  jobKind
	url   string // canonical URL (file:// for local files)
	local string // local path for jobFile and jobDir
	src   *source
	depth int
	hint  string // publication date from a feed or news sitemap (YYYY-MM-DD)
	host  string // scheduling key: "scheme://host[:port]", "" for local jobs
}

// link is a URL found by a worker, to be queued by the frontier.
type link struct {
	url   string
	local string
	kind  jobKind
	depth int
	hint  string
}

// result is a worker's report on one job.
type result struct {
	job     *job
	pr      PageResult
	report  bool // pr is a page outcome to record
	fetched bool
	links   []link
	robots  *robotsRules
	release []string // claims to drop (the sink failed)
	// partial marks one outcome among several of a job still running (a
	// record of a JSON file): it does not end the job.
	partial bool
}

// claim asks the frontier for exclusive use of an article URL and text
// hash; the answer is true when neither was claimed before.
type claim struct {
	url, hash string
	reply     chan bool
}

// hostState is the frontier's view of one host.
type hostState struct {
	key           string
	queue         []*job
	inflight      int
	next          time.Time // earliest start of the next request
	lastStart     time.Time
	base          time.Duration // configured delay (Options.PerHostDelay or Source.Delay)
	delay         time.Duration // base, or a larger robots.txt Crawl-delay
	robots        *robotsRules
	robotsPending bool
}

// frontier owns the queue, the seen sets and the statistics of a run. Only
// the goroutine running loop touches it.
type frontier struct {
	c        *Crawler
	stats    *Stats
	hosts    map[string]*hostState
	order    []*hostState
	rr       int
	seen     map[string]bool
	claimURL map[string]bool
	claimTxt map[string]bool
	variants map[string]int // distinct query strings per scheme://host/path
	inflight int
	now      func() time.Time
}

// Run crawls the sources and passes each article to sink. v may be nil (no
// conditional GET). It returns an error only for invalid input or when ctx
// is cancelled (then with the Stats so far); page failures are counted in
// Stats and reported to Options.OnPage.
func (c *Crawler) Run(ctx context.Context, sources []Source, v Validators, sink Sink) (*Stats, error) {
	start := time.Now()
	stats := &Stats{Skipped: map[Reason]int{}, Failed: map[Reason]int{}, PageLimited: map[string]int{}}
	if sink == nil {
		return stats, errors.New("crawl: nil sink")
	}
	if len(sources) == 0 {
		return stats, errNoSources
	}
	srcs, trusted, err := c.compileSources(sources)
	if err != nil {
		return stats, err
	}
	stats.Sources = len(srcs)

	fetch := newFetcher(c.opts, trusted)
	defer fetch.close()
	f := &frontier{
		c: c, stats: stats, hosts: map[string]*hostState{}, seen: map[string]bool{},
		claimURL: map[string]bool{}, claimTxt: map[string]bool{}, variants: map[string]int{},
		now: time.Now,
	}
	f.seed(srcs)
	err = f.crawl(ctx, &worker{c: c, fetch: fetch, v: v, sink: sink})
	stats.Elapsed = time.Since(start)
	return stats, err
}

// compileSources compiles the sources, in order, and returns them with the
// host names of the web ones, which the fetcher dials even on private
// addresses (trusted). A web source needs a User-Agent with a contact.
func (c *Crawler) compileSources(sources []Source) ([]*source, map[string]bool, error) {
	srcs := make([]*source, 0, len(sources))
	trusted := map[string]bool{}
	for _, s := range sources {
		src, err := s.compile()
		if err != nil {
			return nil, nil, fmt.Errorf("crawl: %w", err)
		}
		if src.local == "" {
			if !hasContact(c.opts.UserAgent) {
				return nil, nil, fmt.Errorf("crawl %s: the User-Agent %q must contain a contact URL or e-mail address so that sites can reach you", src.canon, c.opts.UserAgent)
			}
			u, _ := url.Parse(src.canon)
			trusted[u.Hostname()] = true
		}
		srcs = append(srcs, src)
	}
	return srcs, trusted, nil
}

// seed queues the first job of each source, once per URL: a local file
// or folder, or a URL of the source's kind (detected when unset).
func (f *frontier) seed(srcs []*source) {
	for _, src := range srcs {
		j := &job{kind: jobAuto, url: src.canon, src: src}
		switch {
		case src.local != "":
			j.kind, j.local = jobFile, src.local // jobFile or jobDir: decided by the worker
		case src.Kind == KindPage:
			j.kind = jobPage
		case src.Kind == KindFeed:
			j.kind = jobFeed
		case src.Kind == KindSitemap:
			j.kind = jobSitemap
		}
		if f.seen[j.url] {
			continue
		}
		f.seen[j.url] = true
		f.stats.Discovered++
		src.pages++
		f.enqueue(j)
	}
}

// crawl runs Options.GlobalConcurrency copies of w (its channels are set
// here) on the frontier's jobs until loop ends, then handles the results
// still in flight until every worker has stopped. It returns loop's error.
func (f *frontier) crawl(ctx context.Context, w *worker) error {
	wctx, cancelWorkers := context.WithCancel(ctx)
	defer cancelWorkers()
	jobs := make(chan *job)
	results := make(chan *result)
	claims := make(chan claim)
	w.results, w.claims = results, claims
	g, gctx := errgroup.WithContext(wctx)
	for range f.c.opts.GlobalConcurrency {
		g.Go(func() error {
			w.loop(gctx, jobs)
			return nil
		})
	}
	err := f.loop(ctx, jobs, results, claims)
	close(jobs)
	if err != nil {
		cancelWorkers()
	}
	f.drain(g, results, claims)
	return err
}

// drain handles the results of the workers in g after loop ended,
// refusing their claims, until every worker has stopped.
func (f *frontier) drain(g *errgroup.Group, results <-chan *result, claims <-chan claim) {
	workersDone := make(chan struct{})
	go func() {
		_ = g.Wait()
		close(workersDone)
	}()
	for drained := false; !drained; {
		select {
		case r := <-results:
			f.handle(r)
		case cl := <-claims:
			cl.reply <- false
		case <-workersDone:
			drained = true
		}
	}
}

// loop dispatches jobs and handles results until the queue is empty and
// nothing is in flight, or ctx is done.
func (f *frontier) loop(ctx context.Context, jobs chan<- *job, results <-chan *result, claims <-chan claim) error {
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		next, hs, wait := f.pick()
		if next == nil && f.inflight == 0 && wait < 0 {
			return nil
		}
		var out chan<- *job
		if next != nil {
			out = jobs
		}
		var tick <-chan time.Time
		if next == nil && wait >= 0 {
			timer.Reset(wait)
			tick = timer.C
		}
		select {
		case out <- next:
			hs.queue = hs.queue[1:]
			hs.inflight++
			f.inflight++
			delay := hs.delay
			if hs.key == "" {
				delay = 0
			}
			hs.lastStart = f.now()
			hs.next = hs.lastStart.Add(delay)
		case r := <-results:
			f.handle(r)
		case cl := <-claims:
			cl.reply <- f.claim(cl)
		case <-tick:
		case <-ctx.Done():
			return ctx.Err()
		}
		if tick != nil && !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
	}
}

// pick returns the next job that may start now and its host, or how long
// to wait for one (negative when nothing is queued at all). Queue heads
// that robots.txt forbids are recorded and dropped on the way.
func (f *frontier) pick() (*job, *hostState, time.Duration) {
	now := f.now()
	wait := time.Duration(-1)
	n := len(f.order)
	for i := range n {
		hs := f.order[(f.rr+i)%n]
		for len(hs.queue) > 0 {
			j := hs.queue[0]
			if j.kind == jobRobots || hs.robots == nil {
				break
			}
			u, err := url.Parse(j.url)
			if err == nil && hs.robots.allowed(u, f.c.robots) {
				break
			}
			reason := ReasonRobots
			if hs.robots.private {
				reason = ReasonPrivate
			}
			hs.queue = hs.queue[1:]
			f.record(PageResult{URL: j.url, Source: j.src.Name, Reason: reason, Depth: j.depth})
		}
		if len(hs.queue) == 0 {
			continue
		}
		if hs.robotsPending && hs.queue[0].kind != jobRobots {
			if wait < 0 {
				wait = time.Hour // woken by the robots result
			}
			continue
		}
		if hs.key != "" && hs.inflight >= f.c.opts.PerHostConcurrency {
			if wait < 0 {
				wait = time.Hour // woken by a result
			}
			continue
		}
		if d := hs.next.Sub(now); hs.key != "" && d > 0 {
			if wait < 0 || d < wait {
				wait = d
			}
			continue
		}
		f.rr = (f.rr + i + 1) % n
		return hs.queue[0], hs, 0
	}
	return nil, nil, wait
}

// enqueue adds j to its host's queue, queueing robots.txt first for a new
// host.
func (f *frontier) enqueue(j *job) {
	if !j.kind.local() {
		if u, err := url.Parse(j.url); err == nil {
			j.host = u.Scheme + "://" + u.Host
		}
	}
	delay := f.c.opts.PerHostDelay
	if j.src != nil && j.src.Delay > 0 {
		delay = j.src.Delay
	}
	hs := f.hosts[j.host]
	if hs != nil && delay > hs.base {
		hs.base, hs.delay = delay, max(hs.delay, delay)
	}
	if hs == nil {
		hs = &hostState{key: j.host, base: delay, delay: delay}
		f.hosts[j.host] = hs
		f.order = append(f.order, hs)
		if j.host != "" {
			hs.robotsPending = true
			hs.queue = append(hs.queue, &job{kind: jobRobots, url: j.host + "/robots.txt", src: j.src, host: j.host})
		}
	}
	hs.queue = append(hs.queue, j)
}

// handle records a worker's result and queues what it discovered.
func (f *frontier) handle(r *result) {
	j := r.job
	if hs := f.hosts[j.host]; hs != nil && !r.partial {
		hs.inflight--
		f.inflight--
		if j.kind == jobRobots {
			hs.robotsPending = false
			hs.robots = r.robots
			if hs.robots == nil {
				hs.robots = &robotsRules{deny: true}
			}
			hs.delay = max(hs.base, hs.robots.delay)
			// The robots.txt request counts: the first page waits too.
			if n := hs.lastStart.Add(hs.delay); n.After(hs.next) {
				hs.next = n
			}
		}
	}
	if r.fetched {
		f.stats.Fetched++
	}
	for _, u := range r.release {
		delete(f.claimURL, u)
		delete(f.claimTxt, u)
	}
	if r.report {
		f.record(r.pr)
	}
	for _, l := range r.links {
		f.add(j.src, l)
	}
}

// add queues a discovered link unless it was seen, is filtered out, is too
// deep, looks like a trap or exceeds the source's page budget.
func (f *frontier) add(src *source, l link) {
	if !l.kind.local() && l.depth > src.maxDepth {
		return
	}
	if f.seen[l.url] || f.claimURL[l.url] {
		return
	}
	if !src.permits(l.url) {
		return
	}
	f.seen[l.url] = true
	f.stats.Discovered++
	if why := f.trap(l.url); why != "" {
		f.record(PageResult{URL: l.url, Source: src.Name, Reason: ReasonTrapLimit, Depth: l.depth, Err: errors.New(why)})
		return
	}
	if src.pages >= src.maxPages {
		f.stats.PageLimited[src.Name]++
		f.record(PageResult{URL: l.url, Source: src.Name, Reason: ReasonPageLimit, Depth: l.depth})
		return
	}
	src.pages++
	f.enqueue(&job{kind: l.kind, url: l.url, local: l.local, src: src, depth: l.depth, hint: l.hint})
}

func (f *frontier) claim(cl claim) bool {
	if f.claimURL[cl.url] || (cl.hash != "" && f.claimTxt[cl.hash]) {
		return false
	}
	f.claimURL[cl.url] = true
	f.seen[cl.url] = true
	if cl.hash != "" {
		f.claimTxt[cl.hash] = true
	}
	return true
}

func (f *frontier) record(r PageResult) {
	f.stats.record(r)
	if r.Reason.Failure() {
		f.c.log.Warn("page failed", "url", r.URL, "source", r.Source, "reason", string(r.Reason), "err", r.Err)
	} else {
		f.c.log.Debug("page", "url", r.URL, "source", r.Source, "stored", r.Stored, "reason", string(r.Reason))
	}
	if f.c.opts.OnPage != nil {
		f.c.opts.OnPage(r)
	}
}

// hostOf is the host of a canonical URL ("" for file URLs).
func hostOf(canon string) string {
	u, err := url.Parse(canon)
	if err != nil || u.Scheme == "file" {
		return ""
	}
	return strings.ToLower(u.Hostname())
}
