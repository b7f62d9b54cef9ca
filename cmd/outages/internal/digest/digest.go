package digest

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"time"

	"outages/corpus"
	"outages/events"
)

//go:embed assets/digest.html.tmpl assets/digest.css assets/digest.js
var assets embed.FS

// Options describe one digest.
type Options struct {
	// Since: events first seen or updated after it are "new" or "updated"
	// (the previous run's time: what this run added). Zero: every event is
	// new.
	Since time.Time
	// Now is the time printed as the digest's date.
	Now time.Time
	// MaxEvents bounds the events listed in full (0: 300), newest first.
	MaxEvents int
}

// causeColors gives each cause of the taxonomy a colour (colour-blind
// friendly palette, unknown grey).
var causeColors = map[string]string{
	corpus.CauseSoftwareChange: "#4477aa", corpus.CauseSoftwareBug: "#66ccee", corpus.CauseHardwareFailure: "#8c564b",
	corpus.CauseNetwork: "#ccbb44", corpus.CauseCableCut: "#ee6677", corpus.CausePower: "#aa3377",
	corpus.CauseCyberattack: "#cc3311", corpus.CauseOverload: "#ee7733", corpus.CauseGovernment: "#332288",
	corpus.CauseWeatherDisaster: "#228833", corpus.CauseMaintenance: "#44aa99", corpus.CauseThirdParty: "#999933",
	corpus.CauseUnknown: "#bbbbbb",
}

// langOrder lists the article languages in the order the digest shows them.
var langOrder = []string{corpus.LangFrench, corpus.LangArabic, corpus.LangEnglish, corpus.LangOther}

type page struct {
	Generated        string
	Since            string
	Total, Articles  int
	New, Updated     []card
	All              []card
	Hidden           int
	Timeline         timeline
	Causes           []bar
	Countries, Kinds []bar
	Services         []bar
	CSS              template.CSS
	JS               template.JS
}

type card struct {
	events.Event
	Color  string
	Status string // new, updated or ""
	ByLang []langGroup
}

type langGroup struct {
	Lang     string
	Dir      string
	Articles []events.ArticleRef
}

type bar struct {
	Key   string
	Count int
	Pct   int // width relative to the largest, 0–100
	Color string
}

// Write renders the digest of evs (newest first) to w.
func Write(w io.Writer, evs []events.Event, opts Options) error {
	css, err := assets.ReadFile("assets/digest.css")
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	js, err := assets.ReadFile("assets/digest.js")
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	tmpl, err := template.New("digest.html.tmpl").Funcs(template.FuncMap{
		"color": causeColor, "sub": func(a, b int) int { return a - b }, "join": strings.Join, "dict": dict,
		"minutes": func(m *int) string { return minutes(*m) },
	}).ParseFS(assets, "assets/digest.html.tmpl")
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	p := build(evs, opts)
	p.CSS, p.JS = template.CSS(css), template.JS(js)
	if err := tmpl.Execute(w, p); err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	return nil
}

func causeColor(c string) string {
	if col, ok := causeColors[c]; ok {
		return col
	}
	return causeColors[corpus.CauseUnknown]
}

func build(evs []events.Event, opts Options) page {
	if opts.MaxEvents <= 0 {
		opts.MaxEvents = 300
	}
	p := page{Generated: opts.Now.UTC().Format("2006-01-02 15:04 UTC"), Total: len(evs)}
	if !opts.Since.IsZero() {
		p.Since = opts.Since.UTC().Format("2006-01-02 15:04 UTC")
	}
	causes, countries, kinds, services := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for i, e := range evs {
		p.Articles += e.NArticles
		c := newCard(e, opts.Since)
		switch c.Status {
		case "new":
			p.New = append(p.New, c)
		case "updated":
			p.Updated = append(p.Updated, c)
		}
		if i < opts.MaxEvents {
			p.All = append(p.All, c)
		}
		causes[e.Cause]++
		kinds[e.Kind]++
		services[e.Service]++
		if len(e.Countries) == 0 {
			countries["unknown"]++
		}
		for _, k := range e.Countries {
			countries[k]++
		}
	}
	p.Hidden = len(evs) - len(p.All)
	p.Causes = bars(causes, 0, true)
	p.Countries, p.Kinds, p.Services = bars(countries, 15, false), bars(kinds, 0, false), bars(services, 10, false)
	p.Timeline = buildTimeline(evs)
	return p
}

func newCard(e events.Event, since time.Time) card {
	c := card{Event: e, Color: causeColor(e.Cause)}
	ts := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	switch {
	case since.IsZero() || ts(e.FirstSeen).After(since):
		c.Status = "new"
	case ts(e.Updated).After(since):
		c.Status = "updated"
	}
	by := map[string][]events.ArticleRef{}
	for _, a := range e.Articles {
		l := a.Lang
		if l != corpus.LangFrench && l != corpus.LangArabic && l != corpus.LangEnglish {
			l = corpus.LangOther
		}
		by[l] = append(by[l], a)
	}
	for _, l := range langOrder {
		if len(by[l]) == 0 {
			continue
		}
		dir := "ltr"
		if l == corpus.LangArabic {
			dir = "rtl"
		}
		c.ByLang = append(c.ByLang, langGroup{Lang: l, Dir: dir, Articles: by[l]})
	}
	return c
}

// bars turns counts into bars, largest first; top > 0 keeps that many.
func bars(m map[string]int, top int, cause bool) []bar {
	var out []bar
	most := 0
	for k, n := range m {
		out = append(out, bar{Key: k, Count: n})
		most = max(most, n)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	for i := range out {
		out[i].Pct = max(2, out[i].Count*100/max(most, 1))
		out[i].Color = "#5b7fa6"
		if cause {
			out[i].Color = causeColor(out[i].Key)
		}
	}
	return out
}

// Timeline geometry (SVG user units).
const (
	tlWidth   = 960
	tlHeight  = 180
	tlLeft    = 30
	tlBottom  = 24
	tlMaxDays = 120 // longer spans are drawn by month
)

type timeline struct {
	Width, Height int
	Bars          []tlRect
	Labels        []tlLabel
	Unit          string // day or month
	Legend        []bar
	Max           int
	Empty         bool
}

type tlRect struct {
	X, Y, W, H int
	Color      string
	Title      string
}

type tlLabel struct {
	X    int
	Text string
}

// buildTimeline stacks the events of each day (or month) by cause.
func buildTimeline(evs []events.Event) timeline {
	t := timeline{Width: tlWidth, Height: tlHeight, Unit: "day"}
	var days []time.Time
	for _, e := range evs {
		if d, err := time.Parse("2006-01-02", e.Day()); err == nil {
			days = append(days, d)
		}
	}
	if len(days) == 0 {
		t.Empty = true
		return t
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
	first, last := days[0], days[len(days)-1]
	key := func(d time.Time) string { return d.Format("2006-01-02") }
	next := func(d time.Time) time.Time { return d.AddDate(0, 0, 1) }
	if last.Sub(first).Hours()/24 > tlMaxDays {
		t.Unit = "month"
		key = func(d time.Time) string { return d.Format("2006-01") }
		next = func(d time.Time) time.Time { return d.AddDate(0, 1, 0) }
		first = time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	var buckets []string
	for d := first; !d.After(last); d = next(d) {
		buckets = append(buckets, key(d))
	}
	counts := map[string]map[string]int{}
	legend := map[string]int{}
	for _, e := range evs {
		d, err := time.Parse("2006-01-02", e.Day())
		if err != nil {
			continue
		}
		k := key(d)
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		counts[k][e.Cause]++
		legend[e.Cause]++
	}
	for _, m := range counts {
		n := 0
		for _, c := range m {
			n += c
		}
		t.Max = max(t.Max, n)
	}
	plotH := tlHeight - tlBottom - 10
	bw := float64(tlWidth-tlLeft) / float64(len(buckets))
	every := max(1, len(buckets)/10)
	for i, b := range buckets {
		x := tlLeft + int(float64(i)*bw)
		w := max(1, int(bw)-1)
		y := tlHeight - tlBottom
		for _, c := range corpus.Causes() {
			n := counts[b][c]
			if n == 0 {
				continue
			}
			h := n * plotH / t.Max
			y -= h
			t.Bars = append(t.Bars, tlRect{X: x, Y: y, W: w, H: h, Color: causeColor(c), Title: fmt.Sprintf("%s: %d %s", b, n, strings.ReplaceAll(c, "_", " "))})
		}
		if i%every == 0 {
			t.Labels = append(t.Labels, tlLabel{X: x, Text: b})
		}
	}
	t.Legend = bars(legend, 0, true)
	return t
}

// dict builds a map for a sub-template from key, value pairs.
func dict(kv ...any) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		if k, ok := kv[i].(string); ok {
			m[k] = kv[i+1]
		}
	}
	return m
}

// minutes writes a duration as "2 h 30", "45 min" or "3 d 4 h".
func minutes(m int) string {
	switch {
	case m < 60:
		return fmt.Sprintf("%d min", m)
	case m < 24*60:
		if m%60 == 0 {
			return fmt.Sprintf("%d h", m/60)
		}
		return fmt.Sprintf("%d h %02d", m/60, m%60)
	}
	d, h := m/(24*60), (m%(24*60))/60
	if h == 0 {
		return fmt.Sprintf("%d d", d)
	}
	return fmt.Sprintf("%d d %d h", d, h)
}
