package classify

import (
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"outages/classify/rules"
)

// Checks on the words around an expression, compiled once.
var (
	// A "duration" that is a clock time ("aux alentours de 21 h", "vers 13h").
	clockDuration = regexp.MustCompile(`(?i)(aux alentours de|alentours de|vers|dès|des|à|a|around|at)\s+(\d{1,2})\s*h\s*(\d{2})?\s*$`)
	// A time stated as a clock reading, not a part of the day.
	clockText = regexp.MustCompile(`(?i)\d{1,2}\s*[:h.]\s*\d{0,2}|\d\s*[ap]\.?m\b|heure|hour|o'clock|الساعة|الساعه|midi|minuit|noon|midnight|الظهر|ظهرا|الظهيرة|منتصف الليل|الواحدة|الثانية|الثالثة|الرابعة|الخامسة|السادسة|السابعة|الثامنة|التاسعة|العاشرة|الحادية عشرة`)
	// A start date counted back from the publication ("voilà trois jours",
	// "two days ago"): weaker evidence than a named day.
	agoDate = regexp.MustCompile(`(?i)^(il y a|voilà|voila)(\s|$)|\sago$|^منذ`)
)

// Words before or after an expression, matched on whole words, case
// folded (plain suffix and prefix tests: these run for every expression).
var (
	// A length after these words is time elapsed since something
	// ("il y a (à peine) deux ans", "over the past week"), not a length.
	agoCues   = []string{"il y a", "voilà", "voila", "depuis", "since", "in the past", "over the past", "last", "dernière", "dernières", "dernier", "derniers"}
	agoAdverb = []string{"à peine", "seulement", "environ", "presque", "près de", "tout juste", "just", "only", "about", "nearly", "almost", "barely"}
	// A length followed by these words is an offset ("two hours later").
	agoAfterCues = []string{"ago", "plus tôt", "auparavant", "earlier", "before", "later", "plus tard", "après", "after", "قبل", "من قبل", "بعد"}
	// A length after these words is how long the outage lasted, whatever
	// follows ("lasted more than 10 hours before operators…").
	durCues = []string{"lasted", "lasting", "went on for", "a duré", "ont duré", "aura duré", "a persisté", "استمر", "استمرت", "دام", "دامت",
		"واستمر", "واستمرت", "ودام", "ودامت", "فاستمر", "فاستمرت"} // Arabic with the conjunction it is written with
	// A length after these prepositions is a length whatever follows
	// ("pendant deux heures après le séisme", "لمدة ساعة بعد بدء").
	forCues = []string{"for", "pendant", "durant", "لمدة", "طوال", "طيلة", "ولمدة", "وطوال", "وطيلة"}
	// A length followed by these words and an outage word counts from the
	// outage's start ("ten days after it was shut down").
	afterCues = []string{"after", "après", "apres", "بعد"}
	// A length after these words is counted from an event ("after four
	// hours", "au bout de deux heures", "بعد ساعتين").
	elapsedCues = []string{"after", "après", "apres", "au bout de", "au bout d'", "بعد", "عقب", "بعد مرور"}
	// A length after these words and "in" is the window in which the
	// outage repeated ("pour la deuxième fois en moins d'un mois", "for
	// the third time in two weeks", "للمرة الثانية خلال أسبوع"), not its
	// length.
	repeatCues  = []string{"fois", "time", "times", "مرة", "مرات", "الثانية", "الثالثة"}
	windowWords = []string{"en", "in", "within", "خلال", "في غضون", "في"}
	// A length before these words, in a sentence saying the service is
	// back, is how long it was down ("came back nearly 12 hours later").
	laterCues = []string{"later", "plus tard", "بعد ذلك", "لاحقا"}
	// After those, these words name another outage ("two weeks after a
	// similar incident").
	otherOutageCues = []string{"a", "an", "another", "un", "une", "d'autres", "une autre", "un autre"}
	// A length after a modal verb is a forecast.
	modalCues = []string{"can take", "could take", "may take", "might take", "will take", "would take", "peut prendre", "pourrait prendre", "pourraient prendre", "peuvent prendre", "va prendre", "devrait prendre", "قد يستغرق", "قد تستغرق", "سوف يستغرق", "سوف تستغرق", "سيستغرق", "ستستغرق"}
	// A date after these words is when the article was updated or
	// published, not when the outage began.
	stampCues = []string{"update", "updated", "mis à jour", "mise à jour", "modifié", "publié", "published", "posted", "تحديث", "تم التحديث", "نشر في", "نشر"}
)

// endsWithPhrase reports whether s ends with one of the phrases, as whole
// words (trailing spaces ignored, case folded).
func endsWithPhrase(s string, phrases []string) bool {
	t := strings.ToLower(strings.TrimRightFunc(s, unicode.IsSpace))
	for _, p := range phrases {
		if strings.HasSuffix(t, p) {
			rest := t[:len(t)-len(p)]
			if r, _ := utf8.DecodeLastRuneInString(rest); rest == "" || !isWordRune(r) {
				return true
			}
		}
	}
	return false
}

// startsWithPhrase reports whether s starts with one of the phrases, as
// whole words (leading spaces ignored, case folded).
func startsWithPhrase(s string, phrases []string) bool {
	t := strings.ToLower(strings.TrimLeftFunc(s, unicode.IsSpace))
	for _, p := range phrases {
		if strings.HasPrefix(t, p) {
			rest := t[len(p):]
			if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !isWordRune(r) {
				return true
			}
		}
	}
	return false
}

// cutPhrase removes one of the phrases from the end of s (whole words).
func cutPhrase(s string, phrases []string) string {
	t := strings.TrimRightFunc(s, unicode.IsSpace)
	lt := strings.ToLower(t)
	for _, p := range phrases {
		if strings.HasSuffix(lt, p) && len(lt) == len(t) {
			rest := t[:len(t)-len(p)]
			if r, _ := utf8.DecodeLastRuneInString(rest); rest == "" || !isWordRune(r) {
				return rest
			}
		}
	}
	return t
}

// agoBefore reports whether a length follows "il y a", "over the past"…,
// maybe with an adverb between ("il y a à peine").
func agoBefore(before string) bool {
	return endsWithPhrase(cutPhrase(before, agoAdverb), agoCues)
}

// stampBefore reports whether a date follows "Updated:", "publié le"….
func stampBefore(before string) bool {
	t := strings.TrimRightFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == ':' })
	t = cutPhrase(t, []string{"le", "on", "at", "في"})
	t = strings.TrimRightFunc(t, func(r rune) bool { return unicode.IsSpace(r) || r == ':' })
	return endsWithPhrase(t, stampCues)
}

// cueSet is the assembling cues found in one text: lexicon hits of the
// cause and timing classes, with token helpers.
type cueSet struct {
	an       *analysis
	weak     []hit
	deny     []hit
	dismiss  []hit // dismissals after a cause
	contrast []hit
	guard    []hit
	resolved map[int]bool // sentences with a resolved cue
	notUtil  []hit
}

func (c *Classifier) cues(an *analysis) *cueSet {
	cs := &cueSet{an: an, resolved: map[int]bool{}}
	for _, h := range an.lex {
		switch c.data.lex[h.owner].class {
		case classWeakCause:
			cs.weak = append(cs.weak, h)
		case classCauseDeny:
			cs.deny = append(cs.deny, h)
		case classDismiss:
			cs.dismiss = append(cs.dismiss, h)
		case classContrast:
			cs.contrast = append(cs.contrast, h)
		case classCauseGuard:
			cs.guard = append(cs.guard, h)
		case classResolved:
			cs.resolved[an.d.toks[h.from].sent] = true
		case classNotUtility:
			cs.notUtil = append(cs.notUtil, h)
		}
	}
	return cs
}

// tokAt returns the index of the token holding byte offset off, or the
// first token after it.
func (d *doc) tokAt(off int) int {
	return sort.Search(len(d.toks), func(k int) bool { return d.toks[k].end > off })
}

// exprToks returns the tokens [a, b) an expression covers.
func (d *doc) exprToks(e rules.Expr) (int, int) {
	a := d.tokAt(e.Start)
	b := d.tokAt(max(e.Start, e.End-1)) + 1
	return a, min(b, len(d.toks))
}

// dismissed reports whether a dismissal follows a cause ending before
// token b within its reach (the line's weight, in tokens), in its
// sentence and before any ";" ("une cyberattaque, une hypothèse que rien
// ne confirme", "a hack, which the company denied").
func (cs *cueSet) dismissed(b int) bool {
	d := cs.an.d
	for _, h := range cs.dismiss {
		if h.from < b || d.toks[h.from].sent != d.toks[b-1].sent || float64(h.from-b) > cs.an.ds.lex[h.owner].weight {
			continue
		}
		if !strings.ContainsAny(d.text[d.toks[b-1].end:d.toks[h.from].start], ";؛:") {
			return true
		}
	}
	return false
}

// weak reports whether a cause expression is only a generic "technical
// problem".
func (cs *cueSet) isWeak(e rules.Expr) bool {
	a, b := cs.an.d.exprToks(e)
	for _, h := range cs.weak {
		if h.from <= a && b <= h.to {
			return true
		}
	}
	return false
}

// guarded reports whether a cause phrase is what something protects
// against ("a shield against DDoS attacks").
func (cs *cueSet) guarded(e rules.Expr) bool {
	d := cs.an.d
	a, _ := d.exprToks(e)
	if a >= len(d.toks) {
		return false
	}
	for _, h := range cs.guard {
		if h.to <= a && a-h.to <= 3 && d.toks[h.from].sent == d.toks[a].sent {
			return true
		}
	}
	return false
}

// denied reports whether a denial cue earlier in the sentence governs the
// cause phrase: no contrast word ("but") between them, and no more words
// between them than the cue allows (its lexicon weight).
func (cs *cueSet) denied(e rules.Expr) bool {
	d := cs.an.d
	a, b := d.exprToks(e)
	if a >= len(d.toks) {
		return false
	}
	if cs.dismissed(b) {
		return true
	}
	for _, h := range cs.deny {
		if h.to > a || d.toks[h.from].sent != d.toks[a].sent {
			continue
		}
		if float64(a-h.to) > cs.an.ds.lex[h.owner].weight {
			continue
		}
		// A clause break ends the denial's scope: "denied that hackers
		// were involved, and blamed an update".
		between := d.text[d.toks[h.to-1].end:d.toks[a].start]
		if strings.ContainsAny(between, ",،:;") {
			continue
		}
		contrast := false
		for _, k := range cs.contrast {
			if k.from >= h.to && k.to <= a {
				contrast = true
				break
			}
		}
		if !contrast {
			return true
		}
	}
	return false
}

// cancelsUtility reports whether a notutility phrase covers a hit.
func (cs *cueSet) cancelsUtility(h hit) bool {
	for _, n := range cs.notUtil {
		if n.from <= h.from && h.to <= n.to {
			return true
		}
	}
	return false
}

// clockTime reads a duration expression that is really a clock time
// ("aux alentours de 21 h") and returns it as HH:MM.
func clockTime(text string, e rules.Expr) (string, bool) {
	if e.Kind != rules.KindDuration {
		return "", false
	}
	// Cheap test first: the text must end in "h" or "h" and minutes.
	t := strings.TrimRight(strings.TrimSpace(e.Text), "0123456789")
	if t = strings.TrimSpace(t); t == "" || (t[len(t)-1] != 'h' && t[len(t)-1] != 'H') {
		return "", false
	}
	s := prefixTail(text, e.Start, 24) + text[e.Start:e.End]
	m := clockDuration.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	h := atoi(m[2])
	mm := 0
	if m[3] != "" {
		mm = atoi(m[3])
	}
	if h > 23 || mm > 59 {
		return "", false
	}
	return pad2(h) + ":" + pad2(mm), true
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return -1
		}
		n = n*10 + int(r-'0')
		if n > 1e6 {
			return -1
		}
	}
	return n
}

func pad2(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}

// otherDay reports whether date value v (YYYY-MM-DD, XXXX-MM-DD, YYYY-MM
// or YYYY) names a time clearly apart from the outage's start (or, when the
// start is unknown, well before the publication day): the sentence holding
// it is about another, earlier outage.
func otherDay(v, start string, pub time.Time) bool {
	if v == "" {
		return false
	}
	if start != "" {
		switch {
		case isDay(v) && isDay(start):
			a, b, ok := sameYearDays(v, start)
			if !ok {
				return false
			}
			diff := a.Sub(b)
			return diff > 7*24*time.Hour || diff < -7*24*time.Hour
		case len(v) == 7 && isDay(start): // month
			if v[:4] != "XXXX" && start[:4] != "XXXX" && v[:4] != start[:4] {
				return true
			}
			return v[5:7] != start[5:7]
		case len(v) == 4 && start[:4] != "XXXX":
			return v != start[:4]
		}
		return false
	}
	if pub.IsZero() || strings.HasPrefix(v, "X") {
		return false
	}
	var t time.Time
	var err error
	switch len(v) {
	case 10:
		t, err = time.Parse("2006-01-02", v)
	case 7:
		t, err = time.Parse("2006-01", v)
		t = t.AddDate(0, 1, -1) // the month's last day
	default:
		return false
	}
	return err == nil && pub.Sub(t) > 31*24*time.Hour
}

// sameYearDays parses two days, reading an unknown year (XXXX) as the
// other's year (or a leap year when both are unknown).
func sameYearDays(a, b string) (time.Time, time.Time, bool) {
	ya, yb := a[:4], b[:4]
	switch {
	case ya == "XXXX" && yb == "XXXX":
		ya, yb = "2000", "2000"
	case ya == "XXXX":
		ya = yb
	case yb == "XXXX":
		yb = ya
	}
	ta, err1 := time.Parse("2006-01-02", ya+a[4:])
	tb, err2 := time.Parse("2006-01-02", yb+b[4:])
	return ta, tb, err1 == nil && err2 == nil
}
