package crawl

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageDate is a calendar date as the page writes it, with the time of day
// and offset when the page gives them. The day is the one written in the
// source, never converted to another zone: "2020-05-13T21:00-04:00" is
// May 13 whatever UTC says.
type pageDate struct {
	y, m, d  int
	hh, mm   int
	hasTime  bool
	offset   int  // seconds east of UTC when hasZone
	hasZone  bool // an explicit offset or Z was written
	utcGuess bool // written as UTC (Z, +00:00, GMT)
}

func (d pageDate) valid() bool { return d.y != 0 }

// day returns YYYY-MM-DD or "".
func (d pageDate) day() string {
	if !d.valid() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
}

// timeValue returns the instant (UTC when no zone is known), zero when
// the date is unknown.
func (d pageDate) timeValue() time.Time {
	if !d.valid() {
		return time.Time{}
	}
	loc := time.UTC
	if d.hasZone && d.offset != 0 {
		loc = time.FixedZone("", d.offset)
	}
	return time.Date(d.y, time.Month(d.m), d.d, d.hh, d.mm, 0, 0, loc)
}

// civil returns the date as a comparable day number.
func (d pageDate) civil() int {
	return int(time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// pageDates are the publication and modification dates of a page.
type pageDates struct {
	published, modified pageDate
	instant             pageDate // the machine timestamp behind published, when it was replaced by the local day
	source              string   // where the publication date came from
}

// xValidDate checks a calendar date and bounds the year to the web era.
func xValidDate(y, m, d int) bool {
	if y < 1990 || y > time.Now().Year()+1 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

var (
	isoDateRe  = regexp.MustCompile(`(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?`)
	slashYMDRe = regexp.MustCompile(`\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b`)
	numDMYRe   = regexp.MustCompile(`\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b`)
	compactRe  = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(?:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?`)
	clockRe    = regexp.MustCompile(`(?i)\b(\d{1,2})\s*(?::|h)\s*(\d{2})\s*(am|pm|a\.m\.|p\.m\.)?`)
	wordTokRe  = regexp.MustCompile(`[\p{L}]+\.?|\d+(?:er)?`)
	urlDateRe  = regexp.MustCompile(`/((?:19|20)\d{2})[/\-_]?([01]\d)[/\-_]?([0-3]\d)(?:/|[^\d]|$)`)
)

// xMonths maps month names in French, English, Arabic (Egyptian,
// Maghrebi and Levantine forms) and a few other European languages to
// their number.
var xMonths = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
	"janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fév": 2, "fev": 2, "mars": 3,
	"avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
	"septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
	"يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
	"يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
	"أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
	"جانفي": 1, "فيفري": 2, "أفريل": 4, "افريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
	"شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9,
	"اذار": 3, "ايار": 5, "ايلول": 9,
	// Moroccan forms.
	"يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
	// Spanish, Italian, Portuguese, German and Dutch full names.
	"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
	"agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
	"gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
	"settembre": 9, "ottobre": 10, "dicembre": 12,
	"janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
	"setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
	"januar": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
	"januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
}

// levantine handles the two-word Levantine month names.
var levantine = []struct {
	name string
	m    int
}{{"كانون الثاني", 1}, {"تشرين الأول", 10}, {"تشرين الثاني", 11}, {"كانون الأول", 12}}

// xNormDigits maps Arabic-Indic and Persian digits to ASCII.
func xNormDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return (r >= '٠' && r <= '٩') || (r >= '۰' && r <= '۹') }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + (r - '٠')
		case r >= '۰' && r <= '۹':
			return '0' + (r - '۰')
		}
		return r
	}, s)
}

// parseDateText parses one date written in machine (ISO 8601, RFC 1123,
// compact) or human form ("22 juin 2012 à 10h54", "June 22, 2012",
// "22 يونيو 2012"). Numeric d/m/y dates are read day first unless the
// day-first reading is impossible.
func parseDateText(s string) (pageDate, bool) {
	return parseDateTextOrder(s, false)
}

func parseDateTextOrder(s string, monthFirst bool) (pageDate, bool) {
	s = strings.TrimSpace(xNormDigits(s))
	if s == "" || len(s) > 400 {
		return pageDate{}, false
	}
	if m := isoDateRe.FindStringSubmatch(s); m != nil {
		d := pageDate{y: xAtoi(m[1]), m: xAtoi(m[2]), d: xAtoi(m[3])}
		if xValidDate(d.y, d.m, d.d) {
			if m[4] != "" {
				d.hh, d.mm = xAtoi(m[4]), xAtoi(m[5])
				d.hasTime = d.hh < 24 && d.mm < 60
			}
			setZone(&d, m[7])
			return d, true
		}
	}
	if m := compactRe.FindStringSubmatch(s); m != nil {
		d := pageDate{y: xAtoi(m[1]), m: xAtoi(m[2]), d: xAtoi(m[3])}
		if xValidDate(d.y, d.m, d.d) {
			if m[4] != "" && xAtoi(m[4]) < 24 {
				d.hh, d.mm, d.hasTime = xAtoi(m[4]), xAtoi(m[5]), true
				setZone(&d, m[6])
			}
			return d, true
		}
	}
	if m := slashYMDRe.FindStringSubmatch(s); m != nil {
		if d := (pageDate{y: xAtoi(m[1]), m: xAtoi(m[2]), d: xAtoi(m[3])}); xValidDate(d.y, d.m, d.d) {
			addClock(&d, s)
			return d, true
		}
	}
	if m := numDMYRe.FindStringSubmatch(s); m != nil {
		a, b, y := xAtoi(m[1]), xAtoi(m[2]), xAtoi(m[3])
		day, mon := a, b
		if (monthFirst && a <= 12) || b > 12 {
			day, mon = b, a
		}
		if xValidDate(y, mon, day) {
			d := pageDate{y: y, m: mon, d: day}
			addClock(&d, s)
			return d, true
		}
	}
	if d, ok := parseWordDate(s); ok {
		addClock(&d, s)
		return d, true
	}
	return pageDate{}, false
}

// setZone records an explicit offset.
func setZone(d *pageDate, z string) {
	switch {
	case z == "":
	case z == "Z" || z == "UTC" || z == "GMT":
		d.hasZone, d.utcGuess = true, true
	default:
		z = strings.ReplaceAll(z, ":", "")
		if len(z) == 5 {
			off := (xAtoi(z[1:3])*60 + xAtoi(z[3:5])) * 60
			if z[0] == '-' {
				off = -off
			}
			d.offset, d.hasZone, d.utcGuess = off, true, off == 0
		}
	}
}

// addClock adds a written time of day ("10h54", "3:05 pm") when present.
func addClock(d *pageDate, s string) {
	m := clockRe.FindStringSubmatch(s)
	if m == nil {
		return
	}
	h, mi := xAtoi(m[1]), xAtoi(m[2])
	switch strings.ToLower(strings.ReplaceAll(m[3], ".", "")) {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "am":
		if h == 12 {
			h = 0
		}
	}
	if h < 24 && mi < 60 {
		d.hh, d.mm, d.hasTime = h, mi, true
	}
}

// parseWordDate reads dates with a month name in either order:
// "22 juin 2012", "June 22, 2012", "Mon, 22 Jun 2012".
func parseWordDate(s string) (pageDate, bool) {
	ls := strings.ToLower(s)
	for _, l := range levantine {
		ls = strings.ReplaceAll(ls, l.name, " levm"+string(rune('a'+l.m-1))+" ")
	}
	toks := wordTokRe.FindAllString(ls, 40)
	for i, t := range toks {
		mon := monthOf(t)
		if mon == 0 {
			continue
		}
		// day month year
		if i >= 1 && i+1 < len(toks) {
			if d, y := dayNum(toks[i-1]), yearNum(toks[i+1]); d > 0 && y > 0 && xValidDate(y, mon, d) {
				return pageDate{y: y, m: mon, d: d}, true
			}
		}
		// month day year
		if i+2 < len(toks) {
			if d, y := dayNum(toks[i+1]), yearNum(toks[i+2]); d > 0 && y > 0 && xValidDate(y, mon, d) {
				return pageDate{y: y, m: mon, d: d}, true
			}
		}
		// year month day (rare in prose, frequent in Arabic bylines
		// written right to left and extracted in logical order).
		if i >= 1 && i+1 < len(toks) {
			if y, d := yearNum(toks[i-1]), dayNum(toks[i+1]); d > 0 && y > 0 && xValidDate(y, mon, d) {
				return pageDate{y: y, m: mon, d: d}, true
			}
		}
	}
	return pageDate{}, false
}

func monthOf(t string) int {
	t = strings.TrimSuffix(t, ".")
	if len(t) == 5 && strings.HasPrefix(t, "levm") && t[4] >= 'a' && t[4] <= 'l' {
		return int(t[4]-'a') + 1
	}
	if m, ok := xMonths[t]; ok {
		return m
	}
	// Arabic prefixes: "في", the article "ال" is not used with xMonths but
	// "ب"/"و" may be glued to the name.
	for _, p := range []string{"و", "ب", "ل"} {
		if strings.HasPrefix(t, p) {
			if m, ok := xMonths[strings.TrimPrefix(t, p)]; ok {
				return m
			}
		}
	}
	return 0
}

func dayNum(t string) int {
	t = strings.TrimSuffix(t, "er")
	n, err := strconv.Atoi(t)
	if err != nil || n < 1 || n > 31 || len(t) > 2 {
		return 0
	}
	return n
}

func yearNum(t string) int {
	n, err := strconv.Atoi(t)
	if err != nil || len(t) != 4 {
		return 0
	}
	return n
}

func xAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// Meta keys (lower-cased name/property/itemprop) for publication dates,
// best first.
var pubMetaKeys = []string{
	"article:published_time", "og:article:published_time", "article:published", "datepublished",
	"og:published_time", "published_time", "article.published", "pubdate", "publishdate",
	"publish-date", "publish_date", "published-date", "publication_date", "sailthru.date",
	"parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
	"dc.date", "dcterms.date", "citation_publication_date", "citation_date", "date", "og:pubdate",
	"rnews:datepublished", "article_date_original", "cxenseparse:recs:publishtime", "originalpublicationdate",
	"ptime", "displaydate", "datecreated", "dc.created",
}

var modMetaKeys = []string{
	"article:modified_time", "og:updated_time", "article:modified", "datemodified", "dateupdated",
	"lastmod", "last-modified", "dcterms.modified", "dc.date.modified", "article.updated", "utime",
	"modified_time",
}

// findDates finds the publication and modification dates.
func findDates(root *html.Node, m *pageMeta, pageURL *url.URL) pageDates {
	out := metaDates(m)
	out.publishedFromTimes(m)
	var visible []pageDate
	for _, n := range m.times {
		if d, ok := parseDateText(xNodeText(n)); ok {
			visible = append(visible, d)
		}
	}
	ud := urlDate(pageURL, m)

	// Visible bylines, read only when a date is still missing or a UTC
	// timestamp may need the local day.
	var byPub, byMod pageDate
	var byWeak bool
	p := out.published
	if !p.valid() || !out.modified.valid() || (p.utcGuess && p.hasTime && p.hh < 7) {
		byPub, byMod, byWeak = findBylines(root)
	}
	if byPub.valid() {
		visible = append(visible, byPub)
	}
	if !out.modified.valid() && byMod.valid() {
		out.modified = byMod
	}
	if !out.published.valid() {
		out.publishedFromPage(root, m, byPub, byWeak, ud)
	}
	out.localDay(append(visible, ud))
	return out
}

// setPub sets the publication date from raw when none is set yet; it
// reports whether one is set.
func (out *pageDates) setPub(raw, src string) bool {
	if out.published.valid() {
		return true
	}
	if d, ok := parseDateText(raw); ok {
		out.published, out.source = d, src
		return true
	}
	return false
}

// metaDates reads the machine dates: JSON-LD, then meta tags.
func metaDates(m *pageMeta) pageDates {
	var out pageDates
	out.setPub(m.ld.published, "json-ld")
	for _, k := range pubMetaKeys {
		d, ok := parseDateText(m.meta[k])
		if !ok {
			continue
		}
		// JSON-LD and meta tags normally agree; when they do not, the
		// earlier one is the original publication (the other is often a
		// re-publication or a syndication stamp).
		if !out.published.valid() || d.timeValue().Before(out.published.timeValue()) {
			out.published, out.source = d, "meta"
		}
		break
	}
	for _, k := range modMetaKeys {
		if d, ok := parseDateText(m.meta[k]); ok {
			out.modified = d
			break
		}
	}
	if !out.modified.valid() {
		if d, ok := parseDateText(m.ld.modified); ok {
			out.modified = d
		}
	}
	return out
}

// publishedFromTimes reads <time> and itemprop dates: a published one
// first, then any but a modified one.
func (out *pageDates) publishedFromTimes(m *pageMeta) {
	for pass := 0; pass < 2 && !out.published.valid(); pass++ {
		for _, n := range m.times {
			ip := strings.ToLower(xAttr(n, "itemprop"))
			cls := strings.ToLower(xAttr(n, "class") + " " + xAttr(n, "id"))
			pub := ip == "datepublished" || ip == "datecreated" || xHasAttr(n, "pubdate") ||
				strings.Contains(cls, "publi") || strings.Contains(cls, "pubdate")
			mod := ip == "datemodified" || ip == "dateupdated" || strings.Contains(cls, "updat") || strings.Contains(cls, "modif")
			if (pass == 0 && !pub) || (pass == 1 && mod) {
				continue
			}
			raw := xFirstNonEmpty(xAttr(n, "datetime"), xAttr(n, "content"), xNodeText(n))
			if out.setPub(raw, "time") {
				break
			}
		}
	}
}

// urlDate is a date in the page's URL path, its canonical URL or og:url.
func urlDate(pageURL *url.URL, m *pageMeta) pageDate {
	for _, u := range []string{xUrlPath(pageURL), m.canonical, m.meta["og:url"]} {
		if mm := urlDateRe.FindStringSubmatch(u); mm != nil {
			if y, mo, d := xAtoi(mm[1]), xAtoi(mm[2]), xAtoi(mm[3]); xValidDate(y, mo, d) {
				return pageDate{y: y, m: mo, d: d}
			}
		}
	}
	return pageDate{}
}

// publishedFromPage sets the publication date from what the reader sees:
// a byline with a strong label, the URL, else the text scan.
func (out *pageDates) publishedFromPage(root *html.Node, m *pageMeta, byPub pageDate, byWeak bool, ud pageDate) {
	switch {
	case byPub.valid() && !byWeak:
		out.published, out.source = byPub, "byline"
	case ud.valid():
		out.published, out.source = ud, "url"
	default:
		// A date after a weak label ("le", "on") may be the site's
		// "today" banner: the text scan weighs it against the others.
		if d, ok := scanTextDates(root, m, out.modified); ok {
			out.published, out.source = d, "text"
		} else if byPub.valid() {
			out.published, out.source = byPub, "byline"
		}
	}
}

// localDay: a machine timestamp written in UTC may fall on the next day
// for a story published in the evening west of Greenwich; the page's own
// visible date (or the date in its URL) is the local one.
func (out *pageDates) localDay(visible []pageDate) {
	p := out.published
	if !p.valid() || !p.utcGuess || !p.hasTime || p.hh >= 7 {
		return
	}
	for _, v := range visible {
		if v.valid() && v.civil() == p.civil()-1 {
			out.published, out.instant = v, p
			out.source += "+local"
			return
		}
	}
}

func xUrlPath(u *url.URL) string {
	if u == nil {
		return ""
	}
	return u.EscapedPath()
}

// findBylines scans the visible text for labelled dates ("Publié le …",
// "Updated …", "نشر في …") and returns the first publication and
// modification dates found. weak reports that the publication date
// follows only a weak label ("le", "on").
func findBylines(root *html.Node) (pub, mod pageDate, weak bool) {
	body := xFindFirst(root, atom.Body, 0)
	if body == nil {
		return
	}
	var sb strings.Builder
	bylineText(&sb, body, 0)
	var matches [][]string
	for _, line := range strings.Split(sb.String(), "\n") {
		line = strings.TrimSpace(line)
		// Bylines are short lines with a digit and a label.
		if len(line) < 6 || len(line) > 400 || !hasDigit(line) {
			continue
		}
		line = xNormDigits(line)
		if !xContainsAny(strings.ToLower(line), bylineLabels) {
			continue
		}
		matches = append(matches, bylineMatches(line, 4)...)
		if len(matches) > 50 {
			break
		}
	}
	for _, mm := range matches {
		label := strings.ToLower(mm[1])
		monthFirst := label == "published" || label == "updated" || label == "posted"
		d, ok := parseDateTextOrder(mm[2], monthFirst)
		if !ok {
			continue
		}
		isMod := strings.Contains(label, "updat") || strings.Contains(label, "mis à jour") ||
			strings.Contains(label, "modifi") || strings.Contains(label, "actualis") || strings.Contains(label, "تحديث")
		if isMod {
			if !mod.valid() {
				mod = d
			}
		} else if !pub.valid() {
			if label == "on" || label == "le" {
				// Weak labels: only with a month name or a full numeric date.
				if !strings.ContainsAny(mm[2], "/.-") && !hasMonthWord(mm[2]) {
					continue
				}
			}
			pub, weak = d, label == "on" || label == "le"
		}
		if pub.valid() && mod.valid() {
			break
		}
	}
	return pub, mod, weak
}

// bylineLabels pre-filter lines before the byline regexp runs.
var bylineLabels = []string{"publi", "mis en ligne", "posté", "posted", "on ", "le ", "نشر", "بتاريخ", "الموافق",
	"updat", "mis à jour", "modifi", "actualis", "تحديث"}

// hasDigit reports whether s has an ASCII or Arabic-Indic digit.
func hasDigit(s string) bool {
	for _, r := range s {
		if (r >= '0' && r <= '9') || (r >= '٠' && r <= '٩') {
			return true
		}
	}
	return false
}

func hasMonthWord(s string) bool {
	for _, t := range wordTokRe.FindAllString(strings.ToLower(s), 10) {
		if monthOf(t) != 0 {
			return true
		}
	}
	return false
}

// bylineText collects short visible texts (bylines are short blocks),
// bounded to the first 64 KiB.
func bylineText(sb *strings.Builder, n *html.Node, depth int) {
	if depth > xMaxDepth || sb.Len() > 64<<10 {
		return
	}
	switch n.Type {
	case html.TextNode:
		sb.WriteString(n.Data)
		return
	case html.ElementNode:
		if xSkipAtoms[n.DataAtom] || xHidden(n) {
			return
		}
		if xIsBlock(n) || n.DataAtom == atom.Br {
			sb.WriteString(" \n ")
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		bylineText(sb, c, depth+1)
	}
	if xIsBlock(n) {
		sb.WriteString(" \n ")
	}
}
