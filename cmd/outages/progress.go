package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"outages/crawl"
)

// progress shows the crawl's progress: a live line on a terminal, periodic
// structured log lines otherwise (cron, systemd).
type progress struct {
	mu       sync.Mutex
	bar      *progressbar.ProgressBar // nil when not on a terminal
	logger   *slog.Logger
	start    time.Time
	lastLog  time.Time
	every    time.Duration
	fetched  int
	stored   int
	skipped  int
	failed   int
	bytes    int64
	finished bool
}

func newProgress(w io.Writer, mode string, logger *slog.Logger) *progress {
	p := &progress{logger: logger, start: time.Now(), lastLog: time.Now(), every: 10 * time.Second}
	if mode == "always" || (mode == "auto" && isTerminal(w)) {
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("crawling"),
			progressbar.OptionSpinnerType(14),
			// No ticker goroutine: progressbar v3.19.1's ticker reads the
			// bar's start time without its lock (a data race under -race);
			// the spinner turns on each page instead.
			progressbar.OptionSetSpinnerChangeInterval(0),
			progressbar.OptionShowCount(),
			progressbar.OptionSetItsString("pages"),
			progressbar.OptionShowIts(),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// page records one page's outcome; the crawler calls it from its workers.
func (p *progress) page(r crawl.PageResult) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.finished {
		return
	}
	switch {
	case r.Stored:
		p.fetched++
		p.stored++
	case r.Reason.Failure():
		p.failed++
		p.logger.Warn("page failed", "url", r.URL, "reason", string(r.Reason), "err", r.Err)
	default:
		if r.Reason != crawl.ReasonNotModified {
			p.fetched++
		}
		p.skipped++
	}
	p.bytes += r.Bytes
	done := p.stored + p.skipped + p.failed
	if p.bar != nil {
		p.bar.Describe(fmt.Sprintf("fetched %d · stored %d · skipped %d · failed %d", p.fetched, p.stored, p.skipped, p.failed))
		p.bar.Add(1)
		return
	}
	if now := time.Now(); now.Sub(p.lastLog) >= p.every {
		p.lastLog = now
		rate := float64(done) / now.Sub(p.start).Seconds()
		p.logger.Info("progress", "pages", done, "fetched", p.fetched, "stored", p.stored,
			"skipped", p.skipped, "failed", p.failed, "pages_per_s", fmt.Sprintf("%.1f", rate))
	}
}

func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.finished = true
	if p.bar != nil {
		p.bar.Finish()
	}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
