package events

import (
	"strings"
	"unicode"

	"outages/corpus"
)

// Article is what grouping needs of one article: no body, no evidence.
type Article struct {
	ID        string
	URL       string
	Title     string
	Lang      string
	Source    string
	Host      string
	Published string // YYYY-MM-DD, YYYY-MM or ""
	Outages   []corpus.Outage
	Terms     []uint64 // the words of its title and lede (see Terms)
}

// FromCorpus keeps what grouping needs of a stored article: no body, and
// of each outage no evidence or denied causes, so that all the outage
// articles of an archive fit in memory at once.
func FromCorpus(a *corpus.Article) Article {
	outs := make([]corpus.Outage, len(a.Outages))
	for i, o := range a.Outages {
		o.Evidence, o.CauseDenied = corpus.Evidence{}, nil
		outs[i] = o
	}
	src := a.Source
	if src == "" {
		src = a.Host
	}
	return Article{ID: a.ID, URL: a.URL, Title: a.Title, Lang: a.Lang, Source: src,
		Host: a.Host, Published: a.Published, Outages: outs, Terms: Terms(a.Title, a.Body)}
}

// Options tune the grouping. The zero value uses the defaults below.
type Options struct {
	// Window is how many days apart two start days of one incident may be.
	Window int
	// ReportLag is how many days after an incident's last start day an
	// article reporting it (with no start of its own) may be published.
	ReportLag int
	// CoReports is how many articles must report two events together before
	// they are merged (related services merge with one).
	CoReports int
	// Similarity: a mention whose time fits several events of its service,
	// or none (no time at all), joins the one whose articles share clearly
	// the most rare words with its own when they share at least Similarity
	// times the rarity of a word two articles share (terms.go); 0 is
	// DefaultSimilarity, a negative value turns this off.
	Similarity float64
	// Parents maps a service name to its parent's name ("Instagram" →
	// "Meta"), as the gazetteer gives them.
	Parents map[string]string
	// Previous are the events of the last run: their ids are kept.
	Previous []Event
}

// Defaults, chosen as the usual spread of start days of one incident in
// news (a day either side: time zones, "overnight") and of its reports (a
// week or more of follow-ups).
const (
	DefaultWindow    = 2
	DefaultReportLag = 14
	DefaultCoReports = 2
	// DefaultSimilarity asks for at least two rare words in common.
	DefaultSimilarity = 2.0
)

func (o Options) withDefaults() Options {
	if o.Window <= 0 {
		o.Window = DefaultWindow
	}
	if o.ReportLag <= 0 {
		o.ReportLag = DefaultReportLag
	}
	if o.CoReports <= 0 {
		o.CoReports = DefaultCoReports
	}
	if o.Similarity == 0 {
		o.Similarity = DefaultSimilarity
	}
	return o
}

// ArticleRef is one article of an event.
type ArticleRef struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Lang      string `json:"lang"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published,omitempty"`
	Outage    int    `json:"outage"` // 1-based index of the outage in the article
}

// Event is one real-world incident.
type Event struct {
	ID           string       `json:"event_id"`
	Service      string       `json:"service"`
	Services     []string     `json:"services"` // every service name its mentions use
	Kind         string       `json:"kind"`
	Countries    []string     `json:"countries"`
	Start        string       `json:"start"` // best-supported start day, or ""
	End          string       `json:"end"`
	DurationMin  *int         `json:"duration_min"`
	DurationKind string       `json:"duration_kind"`
	Cause        string       `json:"cause"`
	CauseAlt     []string     `json:"cause_alt"` // other causes seen, most reported first
	FirstReport  string       `json:"first_report"`
	LastReport   string       `json:"last_report"`
	NArticles    int          `json:"n_articles"`
	Languages    []string     `json:"languages"`
	Sources      []string     `json:"sources"`
	Articles     []ArticleRef `json:"articles"`
	// Set by the caller that stores events (see File): when the event was
	// first seen and when its articles last changed (RFC 3339).
	FirstSeen string `json:"first_seen,omitempty"`
	Updated   string `json:"updated,omitempty"`
}

// Day returns the day an event is sorted and filtered by: its start, else
// its first report.
func (e *Event) Day() string {
	if e.Start != "" {
		return e.Start
	}
	return e.FirstReport
}

// ServiceKey folds a service name for grouping: lower case, accents
// removed, runs of spaces and punctuation made one space.
func ServiceKey(name string) string {
	s := accentFolder.Replace(strings.ToLower(name))
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || r == '&' || r == '+' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	words := strings.Fields(b.String())
	for len(words) > 1 && genericWords[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// genericWords are words that name the kind of thing a service is and not
// which service ("M-Pesa app", "the Carfest website"): a trailing one is
// dropped from the service key.
var genericWords = map[string]bool{
	"app": true, "application": true, "apps": true, "website": true, "site": true, "web": true,
	"platform": true, "plateforme": true, "service": true, "services": true, "network": true,
	"reseau": true, "online": true, "تطبيق": true, "موقع": true,
}

// accentFolder removes the accents of the Latin letters French and the
// gazetteer's names use.
var accentFolder = strings.NewReplacer(
	"à", "a", "â", "a", "ä", "a", "á", "a", "ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"î", "i", "ï", "i", "í", "i", "ô", "o", "ö", "o", "ó", "o", "ù", "u", "û", "u", "ü", "u",
	"ú", "u", "ÿ", "y", "ñ", "n", "œ", "oe", "æ", "ae",
)
