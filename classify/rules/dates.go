package rules

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// dateVal is a parsed day (or coarser). y is 0 when the year is unknown;
// grain is "day", "week", "month", "quarter" or "year". ok is false for a
// form recognised but not resolvable (a weekday without a reference day).
type dateVal struct {
	y, m, d int
	grain   string
	ok      bool
	rule    string
	weekday bool // a weekday alone: the day came from the reference
	// guessed is set when the year came from the reference, mismatch
	// when a weekday named with the day does not fall on it.
	guessed, mismatch bool
	// nightTo is the second day of a night spanning two ("la nuit de
	// lundi à mardi") as yyyymmdd, or 0: a time in the small hours falls
	// on it. One int, not a pointer or a struct: dateVal is copied in
	// the tagger's hot loops (a pointer cost write barriers and GC scans,
	// +25% classification time).
	nightTo int
	// part is the days of the month a part of it spans ("early March",
	// "fin mars") as first*100+last, or 0.
	part int
}

func (d dateVal) value() string {
	if !d.ok {
		return ""
	}
	var b [10]byte
	out := b[:0]
	if d.y == 0 && d.grain != "year" {
		out = append(out, "XXXX"...)
	} else {
		out = appendPadded(out, d.y, 4)
	}
	switch d.grain {
	case "year":
		return string(out)
	case "month", "quarter":
		return string(appendPadded(append(out, '-'), d.m, 2))
	}
	out = appendPadded(append(out, '-'), d.m, 2)
	return string(appendPadded(append(out, '-'), d.d, 2))
}

// appendPadded appends n in decimal, padded with zeros to width digits
// (fmt's %0*d).
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		return fmt.Appendf(b, "%0*d", width, n)
	}
	var digits [20]byte
	s := strconv.AppendInt(digits[:0], int64(n), 10)
	for k := len(s); k < width; k++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func fromTime(t time.Time, grain, rule string) dateVal {
	return dateVal{y: t.Year(), m: int(t.Month()), d: t.Day(), grain: grain, ok: true, rule: rule}
}

// time is the day at midnight (a yearless day in a leap year, 2000).
func (d dateVal) time() time.Time {
	y := d.y
	if y == 0 {
		y = 2000
	}
	return time.Date(y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC)
}

// before reports whether d is a day before e.
func (d dateVal) before(e dateVal) bool { return d.time().Before(e.time()) }

// refDay is the reference day at midnight, and whether the day is known.
func (s *scan) refDay() (time.Time, bool) { return s.rd, s.rdKnown }

// refDayOf is the reference day at midnight, and whether the day is known.
func refDayOf(ref Ref) (time.Time, bool) {
	if ref.Precision != "day" || ref.Time.IsZero() {
		return time.Time{}, false
	}
	y, m, d := ref.Time.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
}

// refYear is the reference year when known.
func (s *scan) refYear() int {
	switch s.ref.Precision {
	case "day", "month", "year":
		if !s.ref.Time.IsZero() {
			return s.ref.Time.Year()
		}
	}
	return 0
}

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	yy := y
	if yy == 0 {
		yy = 2000 // leap year: 29 February is fine without a year
	}
	t := time.Date(yy, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

func fullYear(y, digits int) int {
	if digits == 2 {
		if y < 50 {
			return 2000 + y
		}
		return 1900 + y
	}
	return y
}

// year reads a year at i: four digits 1900..2099 (or two digits when
// allowTwo). It returns the year and the next token.
func (s *scan) year(i int, allowTwo bool) (int, int, bool) {
	if i >= len(s.toks) || s.toks[i].kind != '0' {
		return 0, i, false
	}
	n := len(s.toks[i].s)
	v, _ := s.digits(i, 4)
	if n == 4 && v >= 1900 && v <= 2099 {
		return v, i + 1, true
	}
	if n == 2 && allowTwo && !(i+1 < len(s.toks) && s.adj(i+1) && (s.toks[i+1].s == ":" || s.toks[i+1].kind == 'a')) {
		if _, unit := s.get(i+1, "unit"); unit {
			return 0, i, false // "on July 28, 10 days after": a length, not a year
		}
		return fullYear(v, 2), i + 1, true
	}
	return 0, i, false
}

// dayNum reads a day of the month: 1..31 in digits with an optional
// ordinal suffix, or an ordinal word.
func (s *scan) dayNum(i int) (int, int, bool) {
	if v, ok := s.digits(i, 2); ok && v >= 1 && v <= 31 {
		j := i + 1
		if s.adj(j) {
			if m, ok := s.get(j, "ordsuffix"); ok {
				j = m.end
			} else if s.toks[j].kind == 'a' {
				if _, ok := s.get(j, "month"); !ok {
					return 0, i, false // "15h", "3pm": not a day
				}
			}
		}
		return v, j, true
	}
	if m, ok := s.get(i, "ordinal"); ok {
		return int(m.e.num), m.end, true
	}
	return 0, i, false
}

// month reads a month name at i (with an optional trailing period).
func (s *scan) month(i int) (int, int, string, bool) {
	m, ok := s.get(i, "month")
	if !ok {
		// Arabic months by number: "شهر 3", "شهر ثلاثة"
		if s.lang == "ar" && i < len(s.toks) && (s.toks[i].s == "شهر" || s.toks[i].s == "بشهر") {
			if n, e, ok := s.num(i + 1); ok && n >= 1 && n <= 12 && n == float64(int(n)) {
				return int(n), e, "ar-month-number", true
			}
		}
		// "من شهر ثلاثة" after "of", which took "شهر"
		if s.lang == "ar" && i > 0 && i < len(s.toks) {
			if p := s.toks[i-1].s; p == "شهر" || p == "بشهر" {
				if n, e, ok := s.num(i); ok && n >= 1 && n <= 12 && n == float64(int(n)) {
					return int(n), e, "ar-month-number", true
				}
			}
		}
		return 0, i, "", false
	}
	j := m.end
	if s.abbrevDot(i, j) {
		j++
	}
	// the same month in a second calendar of names: "يناير/كانون الثاني",
	// "أكتوبر (تشرين الأول)", "جانفي - يناير"
	if s.is(j, "/") || s.is(j, "(") || s.is(j, "-") {
		if m2, ok := s.get(j+1, "month"); ok && m2.e.num == m.e.num {
			j = m2.end
			if s.is(j, ")") && s.is(m.end, "(") {
				j++
			}
		}
	}
	return int(m.e.num), j, m.e.loc, true
}

// abbrevDot reports whether token j is the period of an abbreviated name
// that is token i ("Jan.", "mar."), not the end of a sentence: the name is
// short and the text ends there or goes on in lower case or with digits.
func (s *scan) abbrevDot(i, j int) bool {
	if !s.is(j, ".") || !s.adj(j) || j != i+1 || len(s.toks[i].s) > 4 {
		return false
	}
	if j+1 >= len(s.toks) {
		return true // the end of the text: a label ("Mon.") more than a sentence
	}
	r, _ := utf8.DecodeRuneInString(s.text[s.toks[j+1].start:])
	return !unicode.IsUpper(r)
}

// optYear reads an optional year after a day and month.
func (s *scan) optYear(j int) (int, int) {
	k := j
	if s.is(k, ",") {
		k++
	}
	if y, e, ok := s.relYear(k); ok {
		return y, e
	}
	k = s.skip(k, "yearprep")
	if y, e, ok := s.year(k, true); ok {
		return y, e
	}
	return 0, j
}

// relYear reads a year named relative to the reference after a day or a
// month: "(mars) de l'année prochaine", "(March) of last year",
// "(مارس) السنة القادمة".
func (s *scan) relYear(k int) (int, int, bool) {
	k = s.skip(k, "of")
	m, ok := s.get(k, "relperiod")
	if !ok || m.e.args[0] != "year" {
		return 0, k, false
	}
	y := s.refYear()
	if y == 0 {
		return 0, k, false
	}
	return y + int(m.e.num2()), m.end, true
}

// absDate parses a day with its month: "22 juin 2012", "June 22, 2012",
// "the 1st of March", "الرابع من نيسان", "11/03/2014", ISO dates.
func (s *scan) absDate(i int) (dateVal, int, bool) {
	return s.bufs.absDate.memo(i, func() (dateVal, int, bool) { return s.absDateAt(i) })
}

func (s *scan) absDateAt(i int) (dateVal, int, bool) {
	var best longest
	k := s.skip(i, "det")
	starts := [2]int{i, k}
	n := 2
	if k == i {
		n = 1 // the same parse twice changes nothing
	}
	for _, start := range starts[:n] {
		best.try(s.numericDate(start))
		best.try(s.spacedDate(start))
	}
	for _, start := range starts[:n] {
		best.try(s.dayMonthDate(start))
		best.try(s.monthDayDate(start))
	}
	best.try(s.monthOnlyDate(i))
	best.try(s.yearOnlyDate(i))
	return best.d, best.end, best.end > i
}

// dayMonthDate reads DAY [of] MONTH [YEAR] ("20 mars 2024", "31/Oct/1974",
// "the 20th day of October"), and a day of a month named relative to the
// reference ("the 20th of next month", "le 20 du mois prochain",
// "التاسع عشر من هذا الشهر").
func (s *scan) dayMonthDate(start int) (dateVal, int, bool) {
	dn, e, ok := s.dayNum(start)
	if !ok {
		return dateVal{}, start, false
	}
	var best longest
	if u, ok := s.get(e, "unit"); ok && u.e.args[0] == "day" && (s.toks[start].kind != '0' || e > start+1) {
		if _, ok := s.get(u.end, "of"); ok {
			e = u.end // "the 20th day of", "3eme jour d'octobre"
		}
	}
	e2 := s.skip(e, "of")
	sep := ""
	if (s.is(e2, "-") || s.is(e2, "/")) && s.adj(e2) && s.adj(e2+1) {
		sep = s.toks[e2].s
		e2++
	}
	if mo, e3, loc, ok := s.monthX(e2); ok {
		y, e4 := s.optYear(e3)
		if sep != "" && s.is(e3, sep) && s.adj(e3) && s.adj(e3+1) {
			// 31/Oct/1974, 31-Oct-74
			if yy, e5, ok := s.year(e3+1, true); ok {
				y, e4 = yy, e5
			}
		}
		if validDay(y, mo, dn) {
			best.try(s.withYear(dateVal{y: y, m: mo, d: dn, grain: "day", ok: true, rule: loc}), e4, true)
		}
	}
	if e2 > e && sep == "" {
		if m, ok := s.get(e2, "relperiod"); ok && m.e.args[0] == "month" {
			if rd, known := s.refDay(); known {
				p := s.period(rd, "month", int(m.e.num2()))
				if validDay(p.y, p.m, dn) {
					best.try(dateVal{y: p.y, m: p.m, d: dn, grain: "day", ok: true, rule: m.e.loc}, m.end, true)
				}
			}
		}
	}
	return best.d, best.end, best.end > 0
}

// monthDayDate reads MONTH [the] DAY [YEAR] ("March 3, 2024") and MONTH
// YEAR ("mars 2024", "March of last year").
func (s *scan) monthDayDate(start int) (dateVal, int, bool) {
	mo, e, loc, ok := s.month(start)
	if !ok {
		return dateVal{}, start, false
	}
	var best longest
	e1 := s.skip(e, "det")
	if dn, e2, ok := s.dayNum(e1); ok && !s.is(e2, ":") {
		if !(e2 < len(s.toks) && s.toks[e2].kind == '0') || !s.adj(e2) {
			y, e3 := s.optYear(e2)
			if validDay(y, mo, dn) {
				best.try(s.withYear(dateVal{y: y, m: mo, d: dn, grain: "day", ok: true, rule: loc}), e3, true)
			}
		}
	}
	k2 := e
	if s.is(k2, ",") {
		k2++
	}
	if y, e2, ok := s.relYear(k2); ok {
		best.try(dateVal{y: y, m: mo, grain: "month", ok: true, rule: loc}, e2, true)
	}
	k2 = s.skip(k2, "yearprep")
	if y, e2, ok := s.year(k2, false); ok {
		best.try(dateVal{y: y, m: mo, grain: "month", ok: true, rule: loc}, e2, true)
	}
	return best.d, best.end, best.end > 0
}

// monthOnlyDate reads [monthprep] MONTH: a month with no day ("en avril",
// "mi-mars", "en avril dernier", "في أبريل الماضي").
func (s *scan) monthOnlyDate(i int) (dateVal, int, bool) {
	mp, ok := s.get(i, "monthprep")
	if !ok {
		return dateVal{}, i, false
	}
	e := s.skip(mp.end, "of")
	mo, e2, loc, ok := s.month(e)
	if !ok {
		return dateVal{}, i, false
	}
	y, e3 := s.optYear(e2)
	y2 := y
	if y == 0 {
		y = s.refYear()
	}
	d := dateVal{y: y, m: mo, grain: "month", ok: true, rule: loc}
	if y2 == 0 {
		if dm, e4, ok := s.monthRel(e); ok {
			d, e3 = dm, e4
		}
	}
	for k := i; k < mp.end; k++ {
		// "mi-mars", "à la mi-mars", "منتصف": the 15th
		if w := s.toks[k].s; w == "mi" || w == "منتصف" || w == "نصف" || w == "نص" {
			d.d, d.grain = 15, "day"
		}
	}
	if len(mp.e.args) == 2 {
		a, _ := strconv.Atoi(mp.e.args[0])
		b, _ := strconv.Atoi(mp.e.args[1])
		d.part = a*100 + b
	}
	return d, e3, true
}

// yearOnlyDate reads [yearprep] YEAR ("en 2021", "in 2019 AD").
func (s *scan) yearOnlyDate(i int) (dateVal, int, bool) {
	yp, ok := s.get(i, "yearprep")
	if !ok {
		return dateVal{}, i, false
	}
	y, e, ok := s.year(yp.end, false)
	if !ok {
		return dateVal{}, i, false
	}
	e = s.skip(e, "era")
	return dateVal{y: y, grain: "year", ok: true, rule: yp.e.loc}, e, true
}

// withYear fills a missing year from the reference: the reference year,
// except across the turn of the year (January named in December is next
// January, December named in January last December).
func (s *scan) withYear(d dateVal) dateVal {
	if d.y != 0 {
		return d
	}
	d.y = s.refYear()
	if d.y == 0 {
		return d
	}
	d.guessed = true
	if s.ref.Precision == "day" || s.ref.Precision == "month" {
		switch rm := int(s.ref.Time.Month()); {
		case rm == 12 && d.m == 1:
			d.y++
		case rm == 1 && d.m == 12:
			d.y--
		}
	}
	return d
}

// numDate is the numbers of an all-digit date "a/b" or "a/b/third" read
// by numericDate.
type numDate struct {
	i          int    // the token of a
	a, b       int    // the first two numbers
	third      int    // the third number, -1 when there is none
	la, lb, lc int    // the digits of each number (lc is 0 without a third)
	sep        string // the separator: "/", "-" or "."
	tight      bool   // the first separator touches both numbers
}

// numericDate parses all-digit dates: ISO, d/m/y (m/d/y in English, or
// when the middle number cannot be a month), m/yyyy, d/m.
func (s *scan) numericDate(i int) (dateVal, int, bool) {
	n, ok := s.numDateAt(i)
	if !ok {
		return dateVal{}, i, false
	}
	switch {
	case n.la == 4:
		return s.yearFirstDate(&n)
	case n.la > 2 || n.lb > 2 && n.third >= 0:
		return dateVal{}, i, false
	case n.third >= 0:
		return s.dayMonthYear(&n)
	case n.lb == 4 && n.b >= 1900 && n.b <= 2099 && n.a >= 1 && n.a <= 12 && n.sep == "/":
		return dateVal{y: n.b, m: n.a, grain: "month", ok: true, rule: numericDateRule}, i + 3, true
	}
	return s.dayMonth(&n)
}

// numericDateRule is the rule of the dates numericDate reads.
const numericDateRule = "numeric-date"

// numDateAt reads the two or three numbers of an all-digit date at i,
// joined by one separator. Three numbers followed by another separator or
// number are a phone number or a version.
func (s *scan) numDateAt(i int) (numDate, bool) {
	a, ok := s.digits(i, 4)
	if !ok {
		return numDate{}, false
	}
	sep := ""
	if i+2 < len(s.toks) {
		sep = s.toks[i+1].s
	}
	if sep != "/" && sep != "-" && sep != "." {
		return numDate{}, false
	}
	tight := s.adj(i+1) && s.adj(i+2)
	b, ok := s.digits(i+2, 4)
	if !ok {
		return numDate{}, false
	}
	n := numDate{i: i, a: a, b: b, third: -1, la: len(s.toks[i].s), lb: len(s.toks[i+2].s), sep: sep, tight: tight}
	if i+4 < len(s.toks) && s.toks[i+3].s == sep && (s.adj(i+3) == tight) {
		if c, ok := s.digits(i+4, 4); ok {
			n.third, n.lc = c, len(s.toks[i+4].s)
		}
	}
	if n.third >= 0 && s.adj(i+5) && i+5 < len(s.toks) && (s.toks[i+5].s == sep || s.toks[i+5].kind == '0') {
		return numDate{}, false // a phone number or a version, not a date
	}
	return n, true
}

// yearFirstDate reads a numeric date that starts with a four-digit year:
// a day ("2024-03-14", "2024/3/14") or a month ("2024-03", "2024/03").
func (s *scan) yearFirstDate(n *numDate) (dateVal, int, bool) {
	y := n.a
	if y < 1900 || y > 2099 {
		return dateVal{}, n.i, false
	}
	if n.third >= 0 && n.lb <= 2 && n.lc <= 2 && validDay(y, n.b, n.third) {
		return dateVal{y: y, m: n.b, d: n.third, grain: "day", ok: true, rule: numericDateRule}, n.i + 5, true
	}
	if n.third < 0 && n.lb <= 2 && n.b >= 1 && n.b <= 12 && n.sep != "." {
		return dateVal{y: y, m: n.b, grain: "month", ok: true, rule: numericDateRule}, n.i + 3, true
	}
	return dateVal{}, n.i, false
}

// dayMonthYear reads a numeric day with a two- or four-digit year last:
// d/m/y, or m/d/y in English or when the middle number cannot be a month.
func (s *scan) dayMonthYear(n *numDate) (dateVal, int, bool) {
	if n.lc != 2 && n.lc != 4 {
		return dateVal{}, n.i, false
	}
	y := fullYear(n.third, n.lc)
	d, m := n.a, n.b
	if s.lang == "en" && n.a <= 12 || s.lang != "en" && n.b > 12 && n.a <= 12 {
		d, m = n.b, n.a
	}
	if !validDay(y, m, d) {
		return dateVal{}, n.i, false
	}
	return dateVal{y: y, m: m, d: d, grain: "day", ok: true, rule: numericDateRule}, n.i + 5, true
}

// dayMonth reads a numeric day without a year, d/m (m/d in English),
// whose year comes from the reference. Scores ("3-1"), spans of times
// ("9-11am") and ranges of lengths ("2-4 hours") are not dates.
func (s *scan) dayMonth(n *numDate) (dateVal, int, bool) {
	i, sep := n.i, n.sep
	if n.lb > 2 || sep == "." {
		return dateVal{}, i, false
	}
	if sep == "-" && (s.lang != "en" || !n.tight && !s.is(i-1, "on")) {
		return dateVal{}, i, false // "3-1" is a score far more often than a date
	}
	if _, ok := s.get(i+3, "ampm"); ok && s.adj(i+3) || s.is(i+3, ":") {
		return dateVal{}, i, false // "9-11am", "9-11:30": a span of times
	}
	if _, ok := s.get(i+3, "unit"); ok && sep == "-" && s.lang != "ar" {
		return dateVal{}, i, false // "2-4 hours": a range of lengths
	}
	d, m := n.a, n.b
	if s.lang == "en" {
		d, m = n.b, n.a
	}
	if !validDay(0, m, d) {
		return dateVal{}, i, false
	}
	return s.withYear(dateVal{m: m, d: d, grain: "day", ok: true, rule: numericDateRule}), i + 3, true
}

// spacedDate parses day-first dates written with spaces, in the languages
// that write the day first: "20 02 2014", "le 17 02", "24 12 14". To keep
// apart from counts and phone numbers, the numbers must stand alone (no
// digits next to them), the month must be written with two digits unless
// a four-digit year follows, and a two-digit year needs a two-digit day.
func (s *scan) spacedDate(i int) (dateVal, int, bool) {
	if s.lang == "en" || i+1 >= len(s.toks) || i > 0 && s.toks[i-1].kind == '0' {
		return dateVal{}, i, false
	}
	a, ok := s.digits(i, 2)
	if !ok || a < 1 || a > 31 || !s.toks[i+1].space {
		return dateVal{}, i, false
	}
	b, ok := s.digits(i+1, 2)
	if !ok || b < 1 || b > 12 {
		return dateVal{}, i, false
	}
	la, lb := len(s.toks[i].s), len(s.toks[i+1].s)
	y, e, ly := 0, i+2, 0
	if e < len(s.toks) && s.toks[e].kind == '0' && s.toks[e].space {
		ly = len(s.toks[e].s)
		v, _ := s.digits(e, 4)
		switch {
		case ly == 4 && v >= 1900 && v <= 2099:
			y = v
		case ly == 2 && la == 2 && lb == 2:
			y = fullYear(v, 2)
		default:
			return dateVal{}, i, false
		}
		e++
	}
	if ly != 4 && lb != 2 {
		return dateVal{}, i, false
	}
	if e < len(s.toks) && (s.toks[e].kind == '0' || !s.toks[e].space && s.toks[e].kind == 'a' || s.is(e, ":") || s.is(e, "%")) {
		return dateVal{}, i, false
	}
	if !validDay(y, b, a) {
		return dateVal{}, i, false
	}
	return s.withYear(dateVal{y: y, m: b, d: a, grain: "day", ok: true, rule: "numeric-date"}), e, true
}

// arabicWeekRel are the words after a bare "احد" that make it Sunday
// ("احد الاسبوع الماضي").
var arabicWeekRel = map[string]bool{"الماضي": true, "المقبل": true, "القادم": true, "المنصرم": true, "الفائت": true, "الاسبوع": true}

// arabicOne reports whether the weekday at j is a bare "احد" (without the
// article, a clitic or "يوم" at i before it) that reads "one (of)", as in
// "في أحد مراكز البيانات", rather than Sunday.
func (s *scan) arabicOne(j, i int) bool {
	if s.lang != "ar" || s.toks[j].s != "احد" || (j > i && s.is(i, "يوم")) {
		return false
	}
	return j+1 >= len(s.toks) || !arabicWeekRel[s.toks[j+1].s]
}

// weekdayDate parses a weekday with its modifiers and an optional date:
// "jeudi", "mardi 11 mars", "last Tuesday", "الثلاثاء الماضي", "Monday, Feb 18".
func (s *scan) weekdayDate(i int) (dateVal, int, bool) {
	j := i
	mod := "bare"
	if m, ok := s.get(j, "wdmod"); ok && (len(m.e.args) < 2 || m.e.args[1] == "before") {
		mod = m.e.args[0]
		j = m.end
	}
	j = s.skip(j, "det")
	if s.lang == "ar" {
		if m, ok := s.get(j, "daypart"); ok {
			if _, ok := s.get(m.end, "weekday"); ok {
				j = m.end
			}
		}
	}
	w, ok := s.get(j, "weekday")
	if !ok || s.arabicOne(j, i) {
		return dateVal{}, i, false
	}
	wd := int(w.e.num)
	e := w.end
	_, wordlike := s.get(j, "wordlike")
	abbrev := wordlike && w.end == j+1
	if s.abbrevDot(j, e) {
		e++
		abbrev = false
	}
	// weekday followed by an explicit date
	k := e
	if s.is(k, ",") {
		k++
	}
	k = s.skip(k, "det")
	if d, e2, ok := s.absDate(k); ok && d.grain == "day" {
		d = s.agree(d, wd)
		d.rule = w.e.loc
		return s.afterDay(d, e2)
	}
	if abbrev {
		return dateVal{}, i, false // "mar", "sun", "sat" alone are words, not days
	}
	// weekday with a day number and no month: "mercredi 13"
	if dn, e2, ok := s.dayNum(k); ok && (s.toks[k].kind == '0' || s.lang == "ar" && dn > 10) {
		// not "Thursday 8:00", "Thursday 9 am", "jeudi 8 heures", nor
		// a span of times "Thursday 9-11am"
		if _, span := s.timeSpan(k); !s.timeWordAt(e2) && !span {
			if d, ok := s.weekdayOfMonth(wd, dn); ok {
				d.rule = w.e.loc
				return s.afterDay(d, e2)
			}
		}
	}
	if m, ok := s.get(e, "wdmod"); ok && len(m.e.args) == 2 && m.e.args[1] == "after" {
		mod = m.e.args[0]
		e = m.end
	}
	rd, ok := s.refDay()
	d := dateVal{grain: "day", rule: w.e.loc, weekday: true}
	if ok {
		d = fromTime(weekdayFrom(rd, wd, mod), "day", w.e.loc)
		d.weekday = true
	}
	return s.afterDay(d, e)
}

// weekdayFrom is the day of weekday wd (1 Monday … 7 Sunday) that mod
// names from the reference day rd: "bare" (the most recent such day on or
// before rd), "past", "future", "thisweek", "nextweek", "lastweek",
// "ahead1" and "ahead2" ("lundi en huit").
func weekdayFrom(rd time.Time, wd int, mod string) time.Time {
	refWd := (int(rd.Weekday())+6)%7 + 1
	var t time.Time
	monday := rd.AddDate(0, 0, -(refWd - 1))
	switch mod {
	case "bare":
		t = rd.AddDate(0, 0, -((refWd - wd + 7) % 7))
	case "past":
		back := (refWd - wd + 7) % 7
		if back == 0 {
			back = 7
		}
		t = rd.AddDate(0, 0, -back)
	case "future":
		fwd := (wd - refWd + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		t = rd.AddDate(0, 0, fwd)
	case "nextweek":
		t = monday.AddDate(0, 0, 7+wd-1)
	case "thisweek":
		t = monday.AddDate(0, 0, wd-1)
	case "lastweek":
		t = monday.AddDate(0, 0, -7+wd-1)
	case "ahead1", "ahead2":
		// "lundi en huit": the first such day a week (two) from now
		from := rd.AddDate(0, 0, 7)
		if mod == "ahead2" {
			from = rd.AddDate(0, 0, 14)
		}
		fromWd := (int(from.Weekday())+6)%7 + 1
		t = from.AddDate(0, 0, (wd-fromWd+7)%7)
	}
	return t
}

// agree checks that a day named with its weekday falls on it. When the
// year came from the reference, the year before or after is taken if the
// weekday fits it ("Fri, Jul 18" is 2014 from 2013); else the day is
// marked as a mismatch, and another reading may win.
func (s *scan) agree(d dateVal, wd int) dateVal {
	if d.y == 0 || !d.ok {
		return d
	}
	on := func(y int) bool {
		t := time.Date(y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC)
		return t.Day() == d.d && (int(t.Weekday())+6)%7+1 == wd
	}
	if on(d.y) {
		return d
	}
	if d.guessed {
		for _, y := range []int{d.y + 1, d.y - 1} {
			if on(y) {
				d.y = y
				return d
			}
		}
	}
	d.mismatch = true
	return d
}

// afterDay absorbs a part of the day after a day ("jeudi soir").
func (s *scan) afterDay(d dateVal, e int) (dateVal, int, bool) {
	if m, ok := s.get(e, "daypart"); ok {
		e = m.end
	}
	return d, e, true
}

// weekdayOfMonth finds the day numbered dn that falls on weekday wd
// closest to the reference (or in its month when only the month is known).
func (s *scan) weekdayOfMonth(wd, dn int) (dateVal, bool) {
	rd, ok := s.refDay()
	if !ok {
		return dateVal{}, false
	}
	best, ok := nearestDay(rd, dn, 12, func(t time.Time) bool { return (int(t.Weekday())+6)%7+1 == wd })
	if !ok {
		return dateVal{}, false
	}
	return fromTime(best, "day", ""), true
}

// relDate parses days and periods named relative to the reference:
// "hier", "yesterday", "أمس", "la semaine dernière", "il y a deux ans",
// "three weeks ago", "upcoming two weeks", "la nuit de mercredi à jeudi".
func (s *scan) relDate(i int) (dateVal, int, bool) {
	rd, known := s.refDay()
	var best longest
	best.try(s.relDay(i, rd, known))
	best.try(s.relAnchor(i, rd, known))
	best.try(s.relPeriod(i, rd, known))
	best.try(s.relShift(i, rd, known))
	best.try(s.relAnniversary(i, rd, known))
	best.try(s.relUpcoming(i, rd, known))
	best.try(s.relNight(i, rd, known))
	return best.d, best.end, best.end > i
}

// longest keeps the first of the longest dates tried.
type longest struct {
	d   dateVal
	end int
}

func (l *longest) try(d dateVal, e int, ok bool) {
	if ok && e > l.end {
		l.d, l.end = d, e
	}
}

// relDay reads a day named from the reference: "hier", "أمس الأربعاء",
// "hier mardi" (the weekday names the same day).
func (s *scan) relDay(i int, rd time.Time, known bool) (dateVal, int, bool) {
	m, ok := s.get(i, "relday")
	if !ok {
		return dateVal{}, i, false
	}
	d := dateVal{grain: "day", rule: m.e.loc}
	if known {
		d = fromTime(rd.AddDate(0, 0, int(m.e.num)), "day", m.e.loc)
	}
	e := m.end
	k := e
	if s.is(k, "(") {
		k++
	}
	if w, ok := s.get(k, "weekday"); ok {
		e = w.end
		if s.is(e, ")") {
			e++
		}
	}
	d2, e2, _ := s.afterDay(d, e)
	return d2, e2, true
}

// relAnchor reads a day counted from another: "le lendemain du 13
// février", "the day before Christmas".
func (s *scan) relAnchor(i int, _ time.Time, _ bool) (dateVal, int, bool) {
	m, ok := s.get(i, "relanchor")
	if !ok {
		return dateVal{}, i, false
	}
	k := s.skip(m.end, "of")
	k = s.skip(k, "det")
	d, e, ok := s.anchorDay(k)
	if !ok {
		return dateVal{}, i, false
	}
	t := time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(m.e.num))
	return fromTime(t, "day", m.e.loc), e, true
}

// relPeriod reads a period named from the reference: "cette semaine",
// "last month".
func (s *scan) relPeriod(i int, rd time.Time, known bool) (dateVal, int, bool) {
	m, ok := s.get(i, "relperiod")
	if !ok {
		return dateVal{}, i, false
	}
	d := dateVal{grain: m.e.args[0], rule: m.e.loc}
	if known {
		d = s.period(rd, m.e.args[0], int(m.e.num2()))
		d.rule = m.e.loc
	}
	return d, m.end, true
}

// relShift reads a shift from the reference: "il y a N unit", "N unit
// ago", "dans N unit", "in N unit"; or from a day ("three days after
// March 3"). A length elapsed since an event ("quatre heures plus tard",
// "بعد ثلاث ساعات") is no date: the duration parser reads it.
func (s *scan) relShift(i int, rd time.Time, known bool) (dateVal, int, bool) {
	sign, j := 0, i
	elapsed := false
	if m, ok := s.get(i, "shift"); ok && m.e.args[1] == "before" {
		sign, j = int(m.e.num), m.end
		elapsed = s.isElapsed(i, m.end, "before")
	}
	n, e, unit, ok := s.countUnit(j)
	if !ok {
		return dateVal{}, i, false
	}
	var best longest
	e2 := e
	if sign == 0 {
		if m, ok := s.get(e, "shift"); ok && m.e.args[1] == "after" {
			sign, e2 = int(m.e.num), m.end
			elapsed = s.isElapsed(e, m.end, "after") || s.lengthCueBefore(i)
		}
	}
	short := unit == "second" || unit == "minute" || unit == "hour"
	if short && elapsed {
		sign = 0
	}
	// "three days after March 3": counted from a day, not the reference
	anchored := false
	if sign != 0 && e2 > e && (unit == "day" || unit == "week") {
		if d, e3, ok := s.anchorDay(s.skip(e2, "det")); ok {
			days := int(n) * sign
			if unit == "week" {
				days *= 7
			}
			t := time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
			best.try(fromTime(t, "day", "shift"), e3, true)
			anchored = true
		}
	}
	if elapsed && !anchored && (e2 > e || (s.lang == "ar" && s.is(e, "من"))) {
		// "ten days after it was shut down", "بعد خمسة أيام من
		// انقطاعها": counted from an event, not from the reference;
		// a length
		sign = 0
	}
	if sign != 0 {
		d := dateVal{grain: "day", rule: "shift"}
		switch unit {
		case "second", "minute", "hour":
			d.grain = "hour" // a time, not a day: blocks the duration
		default:
			if known {
				d = shiftDate(rd, unit, sign*int(n))
			}
		}
		best.try(d, e2, true)
	}
	return best.d, best.end, best.end > 0
}

// relAnniversary reads a shift back to the same day ("one year ago
// today", "il y a deux ans, jour pour jour", "في مثل هذا اليوم قبل عشرين
// عاما"): the day of the reference, so many months or years before. The
// same-day phrase stands before the shift or after it (a comma between).
func (s *scan) relAnniversary(i int, rd time.Time, known bool) (dateVal, int, bool) {
	if !known {
		return dateVal{}, i, false
	}
	start := i
	m, before := s.get(i, "sameday")
	if before {
		start = s.skipComma(m.end)
	}
	d, e, ok := s.relShift(start, rd, known)
	if !ok || d.rule != "shift" || !d.ok || (d.grain != "month" && d.grain != "day") {
		return dateVal{}, i, false
	}
	if !before {
		m, ok := s.get(s.skipComma(e), "sameday")
		if !ok {
			return dateVal{}, i, false
		}
		e = m.end
	}
	t := time.Date(d.y, time.Month(d.m), rd.Day(), 0, 0, 0, 0, time.UTC)
	if t.Month() != time.Month(d.m) || t.After(rd) {
		return dateVal{}, i, false // no such day in that month, or no shift back
	}
	return fromTime(t, "day", "shift"), e, true
}

// skipComma returns the token after a comma at i, else i.
func (s *scan) skipComma(i int) int {
	if i < len(s.toks) && (s.toks[i].s == "," || s.toks[i].s == "،") {
		return i + 1
	}
	return i
}

// relUpcoming reads a coming period: "les trois prochains jours", "the
// next two weeks".
func (s *scan) relUpcoming(i int, rd time.Time, known bool) (dateVal, int, bool) {
	if !known {
		return dateVal{}, i, false
	}
	long := func(unit string) bool { return unit != "second" && unit != "minute" && unit != "hour" }
	if m, ok := s.get(i, "upcoming"); ok {
		if n, e, unit, ok := s.countUnit(m.end); ok && long(unit) {
			return s.period(rd, unit, int(n)), e, true
		}
		return dateVal{}, i, false
	}
	if n, e, ok := s.num(i); ok {
		if m, ok := s.get(e, "upcoming"); ok {
			if u, ok := s.get(m.end, "unit"); ok && long(u.e.args[0]) {
				return s.period(rd, u.e.args[0], int(n)), u.end, true
			}
		}
	}
	return dateVal{}, i, false
}

// relNight reads the night of one weekday to the next.
func (s *scan) relNight(i int, _ time.Time, _ bool) (dateVal, int, bool) {
	m, ok := s.get(i, "night")
	if !ok {
		return dateVal{}, i, false
	}
	d, e, ok := s.weekdayDate(m.end)
	if !ok {
		return dateVal{}, i, false
	}
	if t, ok := s.get(e, "spanto"); ok {
		if d2, e2, ok := s.weekdayDate(t.end); ok {
			e = e2
			if d2.ok && d2.grain == "day" {
				d.nightTo = d2.y*10000 + d2.m*100 + d2.d
			}
		}
	}
	return d, e, true
}

// isElapsed reports whether an elapsed cue of the given side spans
// exactly tokens [i, end): "later", "plus tard", "بعد".
func (s *scan) isElapsed(i, end int, side string) bool {
	for _, m := range s.ms[i] {
		if m.e.kind == "elapsed" && m.e.args[0] == side && m.end == end {
			return true
		}
	}
	return false
}

// lengthCueBefore reports whether a duration cue stands before token i,
// a hedge between them or not ("lasted nearly four hours before the fix",
// "a duré près de trois heures avant"): the count after it is a length,
// and the word after the count ("before", "avant") does not make it a
// time counted back from the reference.
func (s *scan) lengthCueBefore(i int) bool {
	if s.durCueBefore(i) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		for _, m := range s.ms[k] {
			if m.e.kind == "hedge" && m.end == i && s.durCueBefore(k) {
				return true
			}
		}
	}
	return false
}

// anchorDay reads a full day that another is counted from.
func (s *scan) anchorDay(k int) (dateVal, int, bool) {
	best, bestEnd := dateVal{}, k
	for _, f := range []func(int) (dateVal, int, bool){s.absDate, s.fixedDay} {
		if d, e, ok := f(k); ok && e > bestEnd && d.ok && d.grain == "day" && d.y != 0 {
			best, bestEnd = d, e
		}
	}
	return best, bestEnd, bestEnd > k
}

// countUnit reads "N unit" (or an Arabic dual or bare unit) at i.
func (s *scan) countUnit(i int) (float64, int, string, bool) {
	if m, ok := s.get(i, "dual"); ok {
		return 2, m.end, m.e.args[0], true
	}
	if n, e, ok := s.num(i); ok {
		if u, ok := s.get(e, "unit"); ok {
			return n, u.end, u.e.args[0], true
		}
		return 0, i, "", false
	}
	if s.lang == "ar" {
		if u, ok := s.get(i, "unit"); ok && !hasArticle(s.toks[i].s) {
			// "منذ يوم الاثنين", "منذ يوم 3 يونيو": "يوم" introduces the
			// day named after it, it does not count one
			if _, wd := s.get(u.end, "weekday"); wd || u.end < len(s.toks) && s.toks[u.end].kind == '0' {
				return 0, i, "", false
			}
			return 1, u.end, u.e.args[0], true
		}
	}
	return 0, i, "", false
}

// hasArticle reports whether an Arabic word carries the article ال.
func hasArticle(w string) bool {
	for _, p := range []string{"ال", "وال", "بال", "فال", "كال", "لل", "ولل"} {
		if len(w) > len(p) && w[:len(p)] == p {
			return true
		}
	}
	return false
}

// num2 is the second numeric argument of an entry (relperiod offsets).
func (e *entry) num2() float64 {
	if len(e.args) < 2 {
		return 0
	}
	var v float64
	fmt.Sscan(e.args[1], &v)
	return v
}

// period is the start of the week/month/quarter/year n units from rd's.
func (s *scan) period(rd time.Time, unit string, n int) dateVal {
	switch unit {
	case "day":
		return fromTime(rd.AddDate(0, 0, n), "day", "")
	case "week":
		wd := (int(rd.Weekday()) + 6) % 7
		return fromTime(rd.AddDate(0, 0, -wd+7*n), "week", "")
	case "month":
		return fromTime(time.Date(rd.Year(), rd.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC), "month", "")
	case "quarter":
		q := (int(rd.Month()) - 1) / 3
		return fromTime(time.Date(rd.Year(), time.Month(3*(q+n)+1), 1, 0, 0, 0, 0, time.UTC), "quarter", "")
	default:
		return fromTime(time.Date(rd.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC), "year", "")
	}
}

// shiftDate moves rd by n units; the result's grain is one below the unit.
func shiftDate(rd time.Time, unit string, n int) dateVal {
	switch unit {
	case "day":
		return fromTime(rd.AddDate(0, 0, n), "day", "shift")
	case "week":
		return fromTime(rd.AddDate(0, 0, 7*n), "day", "shift")
	case "month":
		return fromTime(rd.AddDate(0, n, 0), "day", "shift")
	case "quarter":
		return fromTime(rd.AddDate(0, 3*n, 0), "day", "shift")
	default:
		t := rd.AddDate(n, 0, 0)
		return dateVal{y: t.Year(), m: int(t.Month()), grain: "month", ok: true, rule: "shift"}
	}
}

// nthWeekday parses "first tuesday of october", "le dernier vendredi de
// mars 2014", "ثالث ثلاثاء من شهر ايلول", "الاثنين الاخير من الشهر القادم".
func (s *scan) nthWeekday(i int) (dateVal, int, bool) {
	j := s.skip(i, "det")
	nth := 0
	if m, ok := s.get(j, "ordinal"); ok && m.e.num <= 5 {
		nth, j = int(m.e.num), m.end
	} else if m, ok := s.get(j, "lastord"); ok {
		nth, j = -1, m.end
	} else {
		return dateVal{}, i, false
	}
	if s.lang == "ar" && (s.is(j, "يوم") || s.is(j, "اليوم")) {
		j++
	}
	w, ok := s.get(j, "weekday")
	if !ok {
		return dateVal{}, i, false
	}
	return s.nthWeekdayTail(i, w, nth)
}

// nthWeekdayPost parses the Arabic order: weekday, then ordinal.
func (s *scan) nthWeekdayPost(i int) (dateVal, int, bool) {
	w, ok := s.get(i, "weekday")
	if !ok || s.lang != "ar" {
		return dateVal{}, i, false
	}
	nth := 0
	if m, ok := s.get(w.end, "ordinal"); ok && m.e.num <= 5 {
		nth = int(m.e.num)
		w.end = m.end
	} else if m, ok := s.get(w.end, "lastord"); ok {
		nth = -1
		w.end = m.end
	} else {
		return dateVal{}, i, false
	}
	return s.nthWeekdayTail(i, w, nth)
}

func (s *scan) nthWeekdayTail(i int, w match, nth int) (dateVal, int, bool) {
	wd := int(w.e.num)
	k := s.skip(w.end, "of")
	k2 := s.skip(k, "det")
	p, e, ok := s.periodAt(k2)
	if !ok && k2 > k {
		p, e, ok = s.periodAt(k) // "of the month": the article is part of it
	}
	if !ok || p.m == 0 {
		return dateVal{}, i, false
	}
	if k2 := s.skip(e, "of"); k2 > e {
		if y2, e3, ok := s.year(s.skip(k2, "yearprep"), false); ok {
			p.y, e = y2, e3
		}
	}
	y, mo := p.y, p.m
	var t time.Time
	if nth > 0 {
		first := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
		fw := (int(first.Weekday())+6)%7 + 1
		t = first.AddDate(0, 0, (wd-fw+7)%7+7*(nth-1))
	} else {
		last := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC)
		lw := (int(last.Weekday())+6)%7 + 1
		t = last.AddDate(0, 0, -((lw - wd + 7) % 7))
	}
	if int(t.Month()) != mo {
		return dateVal{}, i, false
	}
	return fromTime(t, "day", w.e.loc), e, true
}

// date parses any date form at i, maybe after a hedge ("around next
// Tuesday", "قرابة الثلاثاء القادم").
func (s *scan) date(i int) (dateVal, int, bool) {
	return s.bufs.dates.memo(i, func() (dateVal, int, bool) { return s.dateAt(i) })
}

func (s *scan) dateAt(i int) (dateVal, int, bool) {
	if d, e, ok := s.date1(i); ok {
		return d, e, true
	}
	if m, ok := s.get(i, "hedge"); ok && m.e.args[0] == "approx" && (len(m.e.args) < 2 || m.e.args[1] == "before") {
		if d, e, ok := s.date1(m.end); ok {
			return d, e, true
		}
	}
	// a preposition that says which end of a span the day is: "à partir
	// du 8 mars", "after March 8", "avant le 3 mai"
	end := 0
	if m, ok := s.get(i, "prole"); ok {
		end = m.end
	} else if m, ok := s.get(i, "role"); ok {
		if t, ok := s.get(i, "timeprep"); ok && t.end == m.end {
			end = m.end
		}
	}
	if end > 0 {
		if d, e, ok := s.date1(s.skip(end, "det")); ok {
			return d, e, true
		}
	}
	return dateVal{}, i, false
}

// memoVal is a parser's answer at one token.
type memoVal[T comparable] struct {
	v   T
	end int
	ok  bool
}

// memos memoise one parser over the tokens of a scan, in slots (one per
// token, or a few per token for a parser with options): the temporal
// parsers ask for the same parse many times. at[slot] is 1 + the index of
// the answer in vals, -1-end for a failed parse that answered (zero, end,
// false), or 0 before the first call.
type memos[T comparable] struct {
	at   []int32
	vals []memoVal[T]
}

// reset forgets every answer and makes room for n slots.
func (m *memos[T]) reset(n int) {
	m.at = grow(m.at[:0], n)[:n]
	clear(m.at)
	m.vals = m.vals[:0]
}

// memo returns the answer of parse for a slot, parsing it the first time;
// slots out of range are parsed every time.
func (m *memos[T]) memo(slot int, parse func() (T, int, bool)) (T, int, bool) {
	var zero T
	if slot < 0 || slot >= len(m.at) {
		return parse()
	}
	switch k := m.at[slot]; {
	case k > 0:
		v := &m.vals[k-1]
		return v.v, v.end, v.ok
	case k < 0:
		return zero, int(-1 - k), false
	}
	v, end, ok := parse()
	if !ok && v == zero && end >= 0 && end < 1<<30 {
		m.at[slot] = int32(-1 - end)
		return v, end, ok
	}
	m.vals = append(m.vals, memoVal[T]{v: v, end: end, ok: ok})
	m.at[slot] = int32(len(m.vals))
	return v, end, ok
}

// date1 is the longest date starting at token i (see date1At), memoised.
func (s *scan) date1(i int) (dateVal, int, bool) {
	return s.bufs.date1.memo(i, func() (dateVal, int, bool) { return s.date1At(i) })
}

func (s *scan) date1At(i int) (dateVal, int, bool) {
	best, bestEnd := dateVal{}, i
	pick := func(d dateVal, e int, ok bool) {
		if ok && (e > bestEnd || e == bestEnd && e > i && best.mismatch && !d.mismatch) {
			best, bestEnd = d, e
		}
	}
	pick(s.absDate(i))
	pick(s.weekdayDate(i))
	pick(s.relDate(i))
	pick(s.nthWeekday(i))
	pick(s.nthWeekdayPost(i))
	pick(s.nthOf(i))
	pick(s.quarterCode(i))
	pick(s.weekOf(i))
	pick(s.weekdayCount(i))
	pick(s.monthRel(i))
	pick(s.fixedDay(i))
	pick(s.bareDay(i))
	if bestEnd > i && best.ok && best.grain == "day" && !best.weekday {
		// a weekday after the day: "Jul 18, Fri", "18 juillet (vendredi)"
		k := bestEnd
		if s.is(k, ",") || s.is(k, "(") {
			k++
		}
		if w, ok := s.get(k, "weekday"); ok {
			_, wordlike := s.get(k, "wordlike")
			_, _, more := s.dayNum(w.end)
			paren := s.is(k-1, "(") && s.is(w.end, ")")
			if d := s.agree(best, int(w.e.num)); !d.mismatch && !more && (paren || !(wordlike && w.end == k+1)) {
				best, bestEnd = d, w.end
				if s.is(k-1, "(") && s.is(bestEnd, ")") {
					bestEnd++
				}
			}
		}
	}
	return best, bestEnd, bestEnd > i
}

// bareDay parses a day of the month named without its month after an
// article that marks it as a day ("le 16", "on the 16th", "يوم 16"): the
// such day nearest the reference day. In French and English a word after
// the number must be one that may follow a day (a time, a part of the day,
// a span or role cue: "le 14 vers 14h", "the 14th at noon"); any other
// makes it something else ("the 20th century", "the 3rd time"). In Arabic
// the day word itself ("يوم") says it is a day. A number followed by a
// month, a unit, an hour word or more digits (a phone number) is something else, and so is
// a French number with an ordinal suffix other than "1er" ("le 16e").
func (s *scan) bareDay(i int) (dateVal, int, bool) {
	m, ok := s.get(i, "bareday")
	if !ok || m.end >= len(s.toks) || s.toks[m.end].kind != '0' || s.dialBefore(i) {
		return dateVal{}, i, false
	}
	dn, e, ok := s.dayNum(m.end)
	if !ok || s.timeWordAt(e) && !s.dayPartAt(e) || e < len(s.toks) && (s.toks[e].kind == '0' || s.adj(e) && strings.ContainsAny(s.toks[e].s, "/-:%")) {
		return dateVal{}, i, false
	}
	if s.lang != "ar" && e < len(s.toks) && s.toks[e].kind == 'a' && !s.dayContext(e) {
		return dateVal{}, i, false // "the 20th century", "the 3rd time", "le 16 avenue"
	}
	suffix := e > m.end+1
	if len(m.e.args) == 1 && m.e.args[0] == "suffix" && !suffix || s.lang == "fr" && suffix && dn != 1 {
		return dateVal{}, i, false
	}
	rd, ok := s.refDay()
	if !ok {
		return dateVal{}, i, false
	}
	t, ok := nearestDay(rd, dn, 1, nil)
	if !ok {
		return dateVal{}, i, false
	}
	return s.afterDay(fromTime(t, "day", m.e.loc), e)
}

// dialBefore reports whether a phrase ending right before token i makes
// the number after it one to call ("vers le 15", "composer le 112",
// "call the 911").
func (s *scan) dialBefore(i int) bool {
	// step back over a list of such numbers ("vers le 15 et le 18")
	j := i
	for j > 0 && i-j < 8 {
		if t := s.toks[j-1]; t.kind == '0' || listWords[t.s] {
			j--
			continue
		}
		break
	}
	for end := i; end >= j; end-- {
		for k := max(0, end-3); k < end; k++ {
			if m, ok := s.get(k, "dial"); ok && m.end == end {
				return true
			}
		}
	}
	return false
}

// listWords join the numbers of a list ("le 15, le 17 et le 18").
var listWords = map[string]bool{",": true, "et": true, "ou": true, "le": true, "and": true, "or": true, "the": true}

// dayPartAt reports whether an am/pm phrase at k is a part of the day of
// several words ("in the morning"), which may follow a day, not "am".
func (s *scan) dayPartAt(k int) bool {
	m, ok := s.get(k, "daypart")
	return ok && m.end > k+1
}

// dayContextKinds are the rule kinds that may follow a day of the month
// named alone: a time, a part of the day, a span or a start or end cue.
var dayContextKinds = map[string]bool{
	"timeprep": true, "daypart": true, "ampm": true, "clock": true, "window": true,
	"role": true, "prole": true, "postrole": true, "and": true, "spanto": true,
	"night": true, "relday": true, "weekday": true,
}

// dayContext reports whether the word at k can follow a day named alone.
func (s *scan) dayContext(k int) bool {
	for _, m := range s.ms[k] {
		if dayContextKinds[m.e.kind] {
			return true
		}
	}
	return false
}

// nearestDay is the day numbered dn closest to rd, in rd's month or up to
// span months before or after, among the days keep accepts (nil: any); on
// a tie the earlier one (news tells of the past).
func nearestDay(rd time.Time, dn, span int, keep func(time.Time) bool) (time.Time, bool) {
	best, bestDist := time.Time{}, 1<<30
	for k := -span; k <= span; k++ {
		t := time.Date(rd.Year(), rd.Month()+time.Month(k), dn, 0, 0, 0, 0, time.UTC)
		if t.Day() != dn || (keep != nil && !keep(t)) {
			continue
		}
		dist := int(t.Sub(rd).Hours() / 24)
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = t, dist
		}
	}
	return best, !best.IsZero()
}
