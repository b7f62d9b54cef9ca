package crawl

import (
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file holds the last-resort date finder: when neither structured
// data, meta tags, <time> elements, labelled bylines nor the URL give a
// publication date, the visible text of the page is searched for date
// expressions in many written forms, and the candidates are ranked by
// their label ("Published", "Mis à jour", "نشر في"), their distance from
// the headline, their surroundings (links, navigation, footers) and their
// frequency.

// Bounds of the text scan, so that huge pages stay cheap.
const (
	dsMaxText     = 256 << 10 // bytes of visible text examined
	dsMaxSegments = 4000      // text blocks examined
	dsMaxSegLen   = 2000      // bytes read from one block
	dsMaxHits     = 400       // candidate dates kept
	dsMinYear     = 1995      // the news web starts here
)

var (
	// dsClockRe is a time of day right after a date.
	dsClockRe = regexp.MustCompile(`(?i)^[\s,;|/\-–—()]{0,6}(?:à|a|at|um|a las|alle|om|،|-)?\s*(\d{1,2})\s*[:h]\s*(\d{2})`)
)

// dsOrdinal are suffixes glued to a day number ("1st", "1er", "3rd").
var dsOrdinal = map[string]bool{"st": true, "nd": true, "rd": true, "th": true, "er": true, "re": true, "e": true, "ème": true, "eme": true, "º": true, "o": true}

// dsConnector are small words allowed between the parts of a date
// ("5 de marzo de 2020", "the 5th of March 2020").
var dsConnector = map[string]bool{"de": true, "del": true, "of": true, "di": true, "van": true}

// dsLevantineFirst/Second spell the two-word Levantine month names.
var dsLevantine = map[string]map[string]int{
	"كانون": {"الثاني": 1, "الأول": 12, "الاول": 12},
	"تشرين": {"الأول": 10, "الاول": 10, "الثاني": 11},
}

// Publication and update labels, lower case. A label is looked for in
// the few characters before a date.
var (
	dsPubLabels = []string{
		"published", "publish", "posted", "written", "first published", "created", "release date",
		"publié", "publie", "mis en ligne", "posté", "créé", "date de publication", "paru",
		"publicado", "pubblicato", "veröffentlicht", "erschienen", "gepubliceerd",
		"نشر", "منشور", "تاريخ النشر", "بتاريخ", "أضيف", "اضيف", "الموافق",
	}
	dsModLabels = []string{
		"updated", "update", "modified", "last modified", "revised", "edited",
		"mis à jour", "mise à jour", "modifié", "actualisé", "maj",
		"actualizado", "aggiornato", "aktualisiert", "geändert", "bijgewerkt",
		"تحديث", "تعديل", "محدث",
	}
)

// dsChromeHints mark class/id names of page furniture whose dates belong
// to other articles or to the site (today's date, archives, comments).
var dsChromeHints = []string{
	"sidebar", "related", "footer", "comment", "widget", "menu", "navbar", "topbar", "recommend",
	"popular", "most-read", "mostread", "trending", "teaser", "more-", "also", "latest", "archive",
	"breaking", "ticker", "newsletter", "promo", "outbrain", "taboola", "weather", "today", "tweet", "twitter", "instagram", "embed",
}

// dateHit is one date expression found in a text.
type dateHit struct {
	start, end int
	d          pageDate
}

// scanDateHits returns every date (with day, month and year) written in
// s. Numeric dates are read day first unless monthFirst or unless the
// day-first reading is impossible.
func scanDateHits(s string, monthFirst bool, max int) []dateHit {
	if max <= 0 || !hasDigit(s) {
		return nil
	}
	s = xNormDigits(s)
	var hits []dateHit
	add := func(h dateHit) {
		for _, o := range hits {
			if h.start < o.end && o.start < h.end {
				return // overlaps a date already found
			}
		}
		if h.d.y < dsMinYear {
			return
		}
		addClockAt(&h, s)
		hits = append(hits, h)
	}
	// Every accepted date has a four-digit year: only the text around
	// each year is examined, which keeps long paragraphs cheap.
	for _, p := range dsYearPositions(s, 2*max) {
		if len(hits) >= max {
			break
		}
		lo, hi := max0(p-64), min(len(s), p+4+40)
		for lo > 0 && (!utf8.RuneStart(s[lo]) || isASCIIDigit(s[lo-1])) {
			lo--
		}
		for hi < len(s) && (!utf8.RuneStart(s[hi]) || isASCIIDigit(s[hi])) {
			hi++
		}
		scanDateWindow(s[lo:hi], lo, p-lo, monthFirst, max, add)
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	return hits
}

// scanDateWindow finds the dates of w, a window of a text starting at
// byte off, whose four-digit year starts at byte y of w, and hands them
// to add with offsets in the whole text.
func scanDateWindow(w string, off, y int, monthFirst bool, max int, add func(dateHit)) {
	year := xAtoi(w[y : y+4])
	// year-month-day: 2020-01-13, 2020/1/13, 2020.01.13
	if y+4 < len(w) && isDateSep(w[y+4]) {
		sep := w[y+4]
		if mo, i, ok := dsDigits(w, y+5); ok && i < len(w) && w[i] == sep {
			if d, j, ok := dsDigits(w, i+1); ok && (y == 0 || !isASCIIDigit(w[y-1])) && xValidDate(year, mo, d) {
				add(dateHit{start: off + y, end: off + j, d: pageDate{y: year, m: mo, d: d}})
			}
		}
	}
	// day-month-year or month-day-year: 13/01/2020, 13.1.2020, 01-13-2020
	if y >= 4 && isDateSep(w[y-1]) {
		sep := w[y-1]
		if b, i, ok := dsDigitsBack(w, y-1); ok && i > 0 && w[i-1] == sep {
			if a, st, ok := dsDigitsBack(w, i-1); ok && (y+4 == len(w) || !isASCIIDigit(w[y+4])) {
				day, mon := a, b
				if (monthFirst && a <= 12) || b > 12 {
					day, mon = b, a
				}
				if xValidDate(year, mon, day) {
					// A day-first reading in the future is a month-first date.
					if d := (pageDate{y: year, m: mon, d: day}); d.timeValue().After(time.Now().Add(48*time.Hour)) && day <= 12 && xValidDate(year, day, mon) {
						day, mon = mon, day
					}
					add(dateHit{start: off + st, end: off + y + 4, d: pageDate{y: year, m: mon, d: day}})
				}
			}
		}
	}
	for _, h := range scanWordDates(w, max) {
		h.start += off
		h.end += off
		add(h)
	}
}

func isDateSep(c byte) bool { return c == '-' || c == '/' || c == '.' }

// dsDigits reads one or two digits at i, not followed by another digit.
func dsDigits(s string, i int) (n, end int, ok bool) {
	j := i
	for j < len(s) && j-i < 3 && isASCIIDigit(s[j]) {
		j++
	}
	if j == i || j-i > 2 {
		return 0, 0, false
	}
	return xAtoi(s[i:j]), j, true
}

// dsDigitsBack reads one or two digits ending before i, not preceded by
// another digit.
func dsDigitsBack(s string, i int) (n, start int, ok bool) {
	j := i
	for j > 0 && i-j < 3 && isASCIIDigit(s[j-1]) {
		j--
	}
	if j == i || i-j > 2 {
		return 0, 0, false
	}
	return xAtoi(s[j:i]), j, true
}

// dsYearPositions returns the offsets of the standalone four-digit runs
// starting with 19 or 20, at most max of them.
func dsYearPositions(s string, max int) []int {
	var out []int
	for i := 0; i+4 <= len(s) && len(out) < max; i++ {
		if !isASCIIDigit(s[i]) {
			continue
		}
		j := i
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
		if j-i == 4 && (s[i:i+2] == "19" || s[i:i+2] == "20") {
			out = append(out, i)
		}
		i = j
	}
	return out
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

func max0(x int) int {
	if x < 0 {
		return 0
	}
	return x
}

// addClockAt records a time of day written right after the date.
func addClockAt(h *dateHit, s string) {
	rest := s[h.end:]
	if len(rest) > 40 {
		rest = rest[:40]
	}
	m := dsClockRe.FindStringSubmatch(rest)
	if m == nil {
		return
	}
	hh, mm := xAtoi(m[1]), xAtoi(m[2])
	after := strings.ToLower(strings.TrimSpace(rest[len(m[0]):]))
	switch {
	case hh < 12 && (strings.HasPrefix(after, "pm") || strings.HasPrefix(after, "p.m") || strings.HasPrefix(after, "مساء")):
		hh += 12
	case hh == 12 && (strings.HasPrefix(after, "am") || strings.HasPrefix(after, "a.m") || strings.HasPrefix(after, "صباح")):
		hh = 0
	}
	if hh < 24 && mm < 60 {
		h.d.hh, h.d.mm, h.d.hasTime = hh, mm, true
	}
}

// dsTok is one word or number of a text.
type dsTok struct {
	start, end int
	num        int // value when the token is a number of at most 4 digits, else -1
	digits     int
	mon        int // month number when the token names a month
	joined     bool
}

// isDay reports whether t can be a day of the month: 1 to 31, in at most
// two digits.
func (t dsTok) isDay() bool { return t.num >= 1 && t.num <= 31 && t.digits <= 2 }

// isYear reports whether t can be the year of a news page: four digits,
// dsMinYear or later.
func (t dsTok) isYear() bool { return t.digits == 4 && t.num >= dsMinYear }

// dsWordOrders are the orders of a date around its month name, tried in
// turn: where the day and the year are, as offsets from the month.
var dsWordOrders = [...]struct{ day, year int }{
	{day: -1, year: +1}, // day month year
	{day: +1, year: +2}, // month day year
	{day: +1, year: -1}, // year month day
}

// scanWordDates finds dates with a month name: "13 janvier 2020",
// "January 13th, 2020", "13. März 2020", "5 de marzo de 2020",
// "24 نيسان / أبريل 2020", "2020 كانون الثاني 5".
func scanWordDates(s string, max int) []dateHit {
	toks := dsDateTokens(s)
	var hits []dateHit
	for i, t := range toks {
		if t.mon == 0 || len(hits) >= max {
			continue
		}
		if h, ok := wordDateAt(toks, i); ok && xValidDate(h.d.y, h.d.m, h.d.d) {
			hits = append(hits, h)
		}
	}
	return hits
}

// wordDateAt reads the date around the month name toks[i] in the first of
// dsWordOrders whose day and year are there, joined to the month.
func wordDateAt(toks []dsTok, i int) (dateHit, bool) {
	for _, o := range dsWordOrders {
		first, last := min(o.day, o.year, 0), max(o.day, o.year, 0)
		if i+first < 0 || i+last >= len(toks) {
			continue
		}
		joined := true
		for k := first + 1; k <= last; k++ {
			joined = joined && toks[i+k].joined
		}
		day, year := toks[i+o.day], toks[i+o.year]
		if joined && day.isDay() && year.isYear() {
			return dateHit{start: toks[i+first].start, end: toks[i+last].end, d: pageDate{y: year.num, m: toks[i].mon, d: day.num}}, true
		}
	}
	return dateHit{}, false
}

// dsDateTokens splits s into the words and numbers that dates with a
// month name are read from: an ordinal suffix joins its number ("13th"),
// connectors ("de", "of") are skipped, a two-word Levantine month is one
// token and a month named twice ("نيسان / أبريل") one month. A token is
// joined when only a short separator comes between it and the one before.
func dsDateTokens(s string) []dsTok {
	locs := dsTokens(s, 200)
	toks := make([]dsTok, 0, len(locs))
	gapOK := true // whether the text since the last kept token is a short separator
	lastEnd := 0
	for i := 0; i < len(locs); i++ {
		st, en := locs[i][0], locs[i][1]
		w := s[st:en]
		var prev *dsTok
		if len(toks) > 0 {
			prev = &toks[len(toks)-1]
		}
		gap := s[lastEnd:st]
		if !dsShortGap(gap) {
			gapOK = false
		}
		t := dsTok{start: st, end: en, num: -1}
		if w[0] >= '0' && w[0] <= '9' {
			t.digits = len(w)
			if len(w) <= 4 {
				t.num = xAtoi(w)
			}
		} else {
			lw := strings.ToLower(w)
			switch {
			case prev != nil && prev.num >= 0 && st == prev.end && dsOrdinal[lw]:
				prev.end = en // "13th", "1er"
				lastEnd = en
				continue
			case dsConnector[lw] && gapOK:
				lastEnd = en
				continue
			}
			if second, ok := dsLevantine[lw]; ok && i+1 < len(locs) && dsShortGap(s[en:locs[i+1][0]]) {
				if mo, ok := second[s[locs[i+1][0]:locs[i+1][1]]]; ok {
					t.mon, t.end = mo, locs[i+1][1]
					i++
				}
			}
			if t.mon == 0 {
				t.mon = monthOf(lw)
			}
			// "نيسان / أبريل", "April (Nisan)": the same month twice.
			if t.mon != 0 && prev != nil && prev.mon == t.mon && gapOK {
				prev.end = t.end
				lastEnd = t.end
				continue
			}
		}
		t.joined = gapOK && prev != nil
		toks = append(toks, t)
		lastEnd = t.end
		gapOK = true
	}
	return toks
}

// dsTokens splits s into runs of letters and runs of ASCII digits, at
// most max of them, as [start, end) byte offsets.
func dsTokens(s string, max int) [][2]int {
	var out [][2]int
	kind, start := 0, 0 // 0 none, 1 letters, 2 digits
	for i, r := range s {
		k := 0
		switch {
		case r >= '0' && r <= '9':
			k = 2
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || (r >= 0x80 && unicode.IsLetter(r)):
			k = 1
		}
		if k == kind {
			continue
		}
		if kind != 0 {
			out = append(out, [2]int{start, i})
			if len(out) >= max {
				return out
			}
		}
		kind, start = k, i
	}
	if kind != 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// dsShortGap reports whether text between two date parts is a short
// separator: spaces and at most three punctuation marks.
func dsShortGap(g string) bool {
	if len(g) > 16 {
		return false
	}
	punct := 0
	for _, r := range g {
		switch {
		case xIsSpace(r):
		case r == ',' || r == '.' || r == '/' || r == '-' || r == '–' || r == '،' || r == '(' || r == ')' || r == '|' || r == '\'':
			punct++
		default:
			return false
		}
	}
	return punct <= 3
}

// dsSeg is one block of visible text.
type dsSeg struct {
	text   string
	link   bool         // most of the text is inside links
	chrome []*html.Node // navigation, footer, sidebar... ancestors
	embed  bool         // inside a figure, caption or quotation (embedded posts)
	h1     bool         // the headline itself
}

// dsWalker collects the visible text blocks of a body.
type dsWalker struct {
	segs      []dsSeg
	cur       strings.Builder
	linkBytes int
	chrome    []*html.Node // chrome ancestors of the current node
	cleared   map[*html.Node]bool
	link      int // depth of <a> ancestors
	embed     int
	inH1      int
	total     int
}

func (w *dsWalker) flush() {
	t := xCollapse(w.cur.String())
	if t != "" && len(w.segs) < dsMaxSegments {
		seg := dsSeg{text: t, link: w.linkBytes*2 > w.cur.Len(), embed: w.embed > 0, h1: w.inH1 > 0}
		if len(w.chrome) > 0 {
			seg.chrome = append([]*html.Node(nil), w.chrome...)
		}
		w.segs = append(w.segs, seg)
		w.total += len(t)
	}
	w.cur.Reset()
	w.linkBytes = 0
}

// isChrome reports whether a block sits in page furniture. An element
// that holds the headline is not furniture whatever its class says.
func (w *dsWalker) isChrome(s dsSeg) bool {
	for _, n := range s.chrome {
		if !w.cleared[n] {
			return true
		}
	}
	return false
}

func (w *dsWalker) walk(n *html.Node, depth int) {
	if depth > xMaxDepth || w.total > dsMaxText || len(w.segs) >= dsMaxSegments {
		return
	}
	switch n.Type {
	case html.TextNode:
		if w.cur.Len() < dsMaxSegLen {
			w.cur.WriteString(n.Data)
			if w.link > 0 {
				w.linkBytes += len(n.Data)
			}
		}
		return
	case html.ElementNode:
		if xSkipAtoms[n.DataAtom] || xHidden(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	block := xIsBlock(n) || n.DataAtom == atom.Br
	if block {
		w.flush()
	}
	chrome := n.Type == html.ElementNode && dsIsChrome(n)
	if chrome {
		w.chrome = append(w.chrome, n)
	}
	embed := n.DataAtom == atom.Figure || n.DataAtom == atom.Figcaption || n.DataAtom == atom.Blockquote
	if embed {
		w.embed++
	}
	if n.DataAtom == atom.A {
		w.link++
	}
	if n.DataAtom == atom.H1 {
		w.inH1++
		if len(w.chrome) > 0 {
			if w.cleared == nil {
				w.cleared = make(map[*html.Node]bool)
			}
			for _, c := range w.chrome {
				w.cleared[c] = true
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
	if block {
		w.flush()
	}
	if chrome {
		w.chrome = w.chrome[:len(w.chrome)-1]
	}
	if embed {
		w.embed--
	}
	if n.DataAtom == atom.A {
		w.link--
	}
	if n.DataAtom == atom.H1 {
		w.inH1--
	}
}

// dsIsChrome reports whether n is page furniture.
func dsIsChrome(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Footer, atom.Aside:
		return true
	case atom.Body, atom.Html, atom.Main, atom.Article:
		return false // their classes describe the whole page
	}
	switch strings.ToLower(xAttr(n, "role")) {
	case "navigation", "contentinfo", "complementary", "menu", "menubar":
		return true
	}
	cls := xAttr(n, "class") + " " + xAttr(n, "id")
	if len(cls) < 2 {
		return false
	}
	return xContainsAny(strings.ToLower(cls), dsChromeHints)
}

// dsCand is one ranked candidate date.
type dsCand struct {
	d     pageDate
	score int
	mod   bool
	seg   int
}

// scanTextDates is the last-resort publication date finder. notAfter,
// when valid, is a date the publication cannot follow (the page's
// modification date). It returns the best dated candidate of the visible
// text and of the document title.
func scanTextDates(root *html.Node, m *pageMeta, notAfter pageDate) (pageDate, bool) {
	cands := rankTextDates(root, m, notAfter)
	if len(cands) == 0 || cands[0].score < dsMinScore {
		return pageDate{}, false
	}
	// When the winner is an update date, a well-placed unlabelled date
	// near it and earlier is the original publication.
	b := cands[0]
	if b.mod {
		for _, c := range cands[1:] {
			if !c.mod && c.score > 0 && c.seg >= 0 && absInt(c.seg-b.seg) <= 10 && c.d.civil() <= b.d.civil() {
				b = c
				break
			}
		}
	}
	return b.d, true
}

// dsMinScore is the lowest score a candidate may have to be returned.
const dsMinScore = -40

// rankTextDates returns the candidate dates of the visible text and of
// the document title, best first.
func rankTextDates(root *html.Node, m *pageMeta, notAfter pageDate) []dsCand {
	body := xFindFirst(root, atom.Body, 0)
	if body == nil {
		return nil
	}
	var w dsWalker
	w.walk(body, 0)
	w.flush()

	monthFirst := strings.HasPrefix(strings.ToLower(m.htmlLang), "en-us")
	limit := time.Now().Add(36 * time.Hour)
	if notAfter.valid() {
		if t := notAfter.timeValue().Add(36 * time.Hour); t.Before(limit) {
			limit = t
		}
	}
	h1 := dsHeadline(w.segs, m.title)

	var cands []dsCand
	for i, seg := range w.segs {
		if len(cands) >= dsMaxHits {
			break
		}
		hits := scanDateHits(seg.text, monthFirst, 8)
		if len(hits) == 0 {
			continue
		}
		text := xNormDigits(seg.text)
		prevEnd := 0
		for _, h := range hits {
			if !h.d.timeValue().After(limit) {
				cands = append(cands, w.scoreHit(i, h1, text, h, w.labelBefore(i, text, prevEnd, h.start)))
			}
			prevEnd = h.end
		}
	}
	// A date in the document title ("… | 23.05.2011").
	for _, h := range scanDateHits(m.title, monthFirst, 2) {
		if !h.d.timeValue().After(limit) {
			cands = append(cands, dsCand{d: h.d, score: 50, seg: -1})
		}
	}
	byFrequency(cands)
	// Best first; on a tie the earlier date (the original publication).
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].d.civil() < cands[j].d.civil()
	})
	return cands
}

// labelBefore is the text that may label a date starting at start in
// block i: just before it in this block or, for a date standing alone,
// the block before; lower-cased.
func (w *dsWalker) labelBefore(i int, text string, prevEnd, start int) string {
	before := text[prevEnd:start]
	if len(before) > 60 {
		before = before[len(before)-60:]
	}
	if prevEnd == 0 && strings.TrimSpace(before) == "" && i > 0 && len(w.segs[i-1].text) < 40 {
		before = w.segs[i-1].text
	}
	return strings.ToLower(before)
}

// scoreHit scores a date found in block i (text, its digits normalised),
// with h1 the headline's block and lb the label before it.
func (w *dsWalker) scoreHit(i, h1 int, text string, h dateHit, lb string) dsCand {
	seg := w.segs[i]
	c := dsCand{d: h.d, seg: i}
	pub, mod := dsLabel(lb)
	switch {
	case pub:
		c.score += 100
	case mod:
		c.score += 60
		c.mod = true
	}
	c.score += headlineDistanceScore(i, h1)
	// A block that is little more than the date is a dateline;
	// a date inside a long sentence is usually about something else.
	rest := utf8.RuneCountInString(text) - utf8.RuneCountInString(text[h.start:h.end])
	switch {
	case rest <= 30:
		c.score += 15
	case rest <= 80:
		c.score += 5
	case rest > 150:
		c.score -= 20
	}
	if !pub && !mod {
		if utf8.RuneCountInString(strings.TrimSpace(text[:h.start])) > 40 {
			c.score -= 15 // deep inside a sentence
		} else if rest <= 80 && dsWeakLabel(lb) {
			c.score += 10 // "le 3 mars 2020", "By … on May 3, 2020"
		}
	}
	if h.d.hasTime {
		c.score += 5
	}
	if seg.link {
		c.score -= 15
	}
	if w.isChrome(seg) {
		c.score -= 30
	}
	if seg.embed {
		c.score -= 20
	}
	if seg.h1 {
		c.score -= 10
	}
	return c
}

// headlineDistanceScore scores a date's block i by its distance to the
// headline's block h1: bylines sit just below it (or just above, as a
// kicker); the site's "today" date sits far above it.
func headlineDistanceScore(i, h1 int) int {
	if h1 < 0 {
		if i < 60 {
			return 20 - i/3
		}
		return 0
	}
	switch dist := i - h1; {
	case dist >= 0 && dist <= 40:
		return 45 - dist
	case dist < 0 && dist >= -6:
		return 42 + 4*dist
	case dist < 0:
		return -10
	}
	return 0
}

// byFrequency raises a date repeated across the page (headline block,
// share box, print view): more likely the article's own. The original
// publication wins over the update when both are labelled; an update date
// is kept only for lack of any.
func byFrequency(cands []dsCand) {
	count := make(map[int]int, len(cands))
	for _, c := range cands {
		count[c.d.civil()]++
	}
	for i := range cands {
		c := &cands[i]
		c.score += 3 * min(count[c.d.civil()]-1, 3)
		if c.mod {
			c.score -= 5
		}
	}
}

// dsHeadline returns the index of the block holding the article's
// headline, or -1: an <h1> that the document title repeats, else the
// first <h1> that is not a link (site logos are often a linked <h1>),
// else a block the title repeats, else the first <h1>.
func dsHeadline(segs []dsSeg, title string) int {
	title = strings.ToLower(xCollapse(title))
	first, plain := -1, -1
	for i, s := range segs {
		if !s.h1 {
			continue
		}
		if first < 0 {
			first = i
		}
		if s.link || utf8.RuneCountInString(s.text) < 10 {
			continue
		}
		if plain < 0 {
			plain = i
		}
		t := strings.ToLower(xCollapse(s.text))
		if len(t) > 40 {
			t = t[:40]
		}
		if title != "" && strings.Contains(title, t) {
			return i
		}
	}
	if plain >= 0 {
		return plain
	}
	// No usable <h1>: a block that the title starts with.
	if title != "" {
		for i, s := range segs {
			if s.link || len(s.text) > 300 || utf8.RuneCountInString(s.text) < 20 {
				continue
			}
			t := strings.ToLower(s.text)
			if len(t) > 40 {
				t = t[:40]
			}
			if strings.Contains(title, t) {
				return i
			}
		}
	}
	return first
}

// dsLabel reports whether a text ends with a publication or an update
// label; the label closest to the end wins.
func dsLabel(s string) (pub, mod bool) {
	pi, mi := -1, -1
	for _, l := range dsPubLabels {
		if i := strings.LastIndex(s, l); i > pi {
			pi = i
		}
	}
	for _, l := range dsModLabels {
		if i := strings.LastIndex(s, l); i > mi {
			mi = i
		}
	}
	// "maj" and "update" must be words, not parts of words.
	if mi >= 0 && !dsWordAt(s, mi) {
		mi = -1
	}
	switch {
	case pi < 0 && mi < 0:
		return false, false
	case mi > pi:
		return false, true
	default:
		return true, false
	}
}

// dsWeakLabel reports whether a text before a date ends with a short
// word that introduces a dateline ("le", "on", "du") or names an author.
func dsWeakLabel(s string) bool {
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(f) == 0 {
		return false
	}
	switch f[len(f)-1] {
	case "le", "on", "du", "dated", "daté", "datée", "am", "el", "il", "في":
		return true
	}
	for _, w := range f {
		if w == "by" || w == "par" || w == "بقلم" {
			return true
		}
	}
	return false
}

// dsWordAt reports whether s[i:] starts a word.
func dsWordAt(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r)
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
