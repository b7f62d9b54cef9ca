package rules

import (
	"strconv"
	"strings"
	"time"
)

// match is one rule phrase found at a token position.
type match struct {
	e    *entry
	kind string // e.kind, kept here for get
	end  int    // index of the token after the phrase
}

// scan is the state of one Tag call. It is never shared. Only the memos
// of its parsers (in bufs) change after newScan.
type scan struct {
	lx   *lexicon
	lang string
	ref  Ref
	text string
	toks []token
	ms   [][]match // phrases starting at each token, longest first

	rd      time.Time // the reference day (refDay)
	rdKnown bool

	bufs *scanBufs // where the slices above live, and the memos of the date parsers
}

// scanBufs are the slices of one scan, kept by the Tagger for the next
// one: a Tag call then allocates little more than its answer.
type scanBufs struct {
	toks     []token
	folded   []byte // the folded text, while tokenizing
	foldEnds []int  // end of each token in folded
	ms       [][]match
	all      []match         // the matches of every token, in token order
	matchEnd []int           // end of each token's matches in all
	dates    memos[dateVal]  // answers of date, per token
	date1    memos[dateVal]  // answers of date1, per token
	absDate  memos[dateVal]  // answers of absDate, per token
	clocks   memos[clockVal] // answers of clockCue, four per token
	windows  memos[dayWin]   // answers of dayWindow, per token
	exprs    []Expr          // what Tag read, before it is copied out
}

// arabicVariants returns the forms of an Arabic word with its proclitics
// (و ف, then ب ل ك, then the article ال) removed, the word itself first.
func arabicVariants(w string, out []string) []string {
	out = append(out[:0], w)
	add := func(s string) {
		if s != "" && s != w {
			out = append(out, s)
		}
	}
	var stack [16]string // room for every form: no allocation per word
	cur := append(stack[:0], w)
	for _, p := range [...]string{"و", "ف"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+2 {
			cur = append(cur, w[len(p):])
		}
	}
	n := len(cur)
	for _, c := range cur[:n] {
		for _, p := range [...]string{"ب", "ل", "ك"} {
			if strings.HasPrefix(c, p) && len(c) > len(p)+2 {
				cur = append(cur, c[len(p):])
				if p == "ل" && strings.HasPrefix(c, "لل") {
					cur = append(cur, "ا"+c[len(p):]) // لل = ل + ال
				}
			}
		}
	}
	for _, c := range cur {
		add(c)
		if strings.HasPrefix(c, "ال") && len(c) > len("ال")+2 {
			add(c[len("ال"):])
		}
	}
	return out
}

func newScan(lx *lexicon, text string, ref Ref, bufs *scanBufs) *scan {
	s := &scan{lx: lx, lang: lx.lang, ref: ref, text: text, toks: bufs.tokenize(text), bufs: bufs}
	s.rd, s.rdKnown = refDayOf(ref)
	s.ms = grow(bufs.ms[:0], len(s.toks))[:len(s.toks)]
	clear(s.ms)
	all := bufs.all[:0]                                        // the matches of every token, in token order
	ends := grow(bufs.matchEnd[:0], len(s.toks))[:len(s.toks)] // end of each token's matches in all
	defer func() { bufs.ms, bufs.all, bufs.matchEnd = s.ms, all, ends }()
	bufs.dates.reset(len(s.toks))
	bufs.date1.reset(len(s.toks))
	bufs.absDate.reset(len(s.toks))
	bufs.clocks.reset(4 * len(s.toks))
	bufs.windows.reset(len(s.toks))
	var vars []string
	for i, t := range s.toks {
		vars = vars[:0]
		if s.lang == "ar" && t.kind == 'a' {
			vars = arabicVariants(t.s, vars)
		} else {
			vars = append(vars, t.s)
		}
		from := len(all)
		for vi, v := range vars {
			for _, e := range lx.first[v] {
				if vi > 0 && (!clitable(e) || lx.verbs[v] && t.s != "و"+v && t.s != "ف"+v) {
					continue
				}
				if end, ok := s.matchRest(e.toks, 1, i+1); ok {
					all = append(all, match{e: e, kind: e.kind, end: end})
				}
			}
		}
		// longest first, stable in rule order
		m := all[from:]
		for a := 1; a < len(m); a++ {
			for b := a; b > 0 && m[b].end > m[b-1].end; b-- {
				m[b], m[b-1] = m[b-1], m[b]
			}
		}
		ends[i] = len(all)
	}
	from := 0
	for i, e := range ends {
		if e > from {
			s.ms[i] = all[from:e:e]
		}
		from = e
	}
	return s
}

// gapWord in a phrase stands for up to maxGap words of any kind: "cut to
// the ~ cable" matches "cut to the cable" and "cut to the largest cable".
const (
	gapWord = "~"
	maxGap  = 2
)

// matchRest matches phrase words pw[k:] at token t and returns the token
// after the match. A gap takes as few words as it can.
func (s *scan) matchRest(pw []string, k, t int) (int, bool) {
	for ; k < len(pw); k++ {
		if pw[k] == gapWord {
			for g := 0; g <= maxGap; g++ {
				if end, ok := s.matchRest(pw, k+1, t+g); ok {
					return end, true
				}
				if t+g >= len(s.toks) || s.toks[t+g].kind == '.' {
					break
				}
			}
			return 0, false
		}
		if t >= len(s.toks) || s.toks[t].s != pw[k] {
			return 0, false
		}
		t++
	}
	return t, true
}

// clitable reports whether an Arabic phrase may be matched with clitics
// stripped from its first word. Short function words may not: "و" would
// otherwise match inside every word beginning with it.
func clitable(e *entry) bool {
	switch e.kind {
	case "and", "spanto", "of", "det", "timeprep", "ordsuffix":
		return false
	}
	return true
}

// get returns the longest phrase of the given kind at token i.
func (s *scan) get(i int, kind string) (match, bool) {
	if i < 0 || i >= len(s.toks) {
		return match{}, false
	}
	for _, m := range s.ms[i] {
		if m.kind == kind {
			return m, true
		}
	}
	return match{}, false
}

// skip returns the token after an optional phrase of the given kind at i.
func (s *scan) skip(i int, kind string) int {
	if m, ok := s.get(i, kind); ok {
		return m.end
	}
	return i
}

// is reports whether token i is the punctuation or word w.
func (s *scan) is(i int, w string) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].s == w
}

// adj reports whether token i exists and touches the token before it.
func (s *scan) adj(i int) bool { return i < len(s.toks) && !s.toks[i].space }

// digits returns the value of token i when it is a number of at most
// maxLen digits.
func (s *scan) digits(i, maxLen int) (int, bool) {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != '0' || len(s.toks[i].s) > maxLen {
		return 0, false
	}
	n, err := strconv.Atoi(s.toks[i].s)
	return n, err == nil
}

// num reads a number at i: digits (with a decimal part), or number words
// composed the usual way ("vingt-quatre", "twenty four", "أربع وعشرين").
func (s *scan) num(i int) (float64, int, bool) {
	if i >= len(s.toks) {
		return 0, i, false
	}
	if n, ok := s.digits(i, 6); ok {
		v := float64(n)
		j := i + 1
		if j+1 < len(s.toks) && s.adj(j) && (s.toks[j].s == "." || s.toks[j].s == ",") && s.adj(j+1) && s.toks[j+1].kind == '0' && len(s.toks[j+1].s) <= 2 {
			// a decimal, unless it continues like a date or a time (1.2.2014)
			if !(j+2 < len(s.toks) && s.adj(j+2) && s.toks[j+2].s == s.toks[j].s) {
				f, _ := strconv.Atoi(s.toks[j+1].s)
				d := 10.0
				if len(s.toks[j+1].s) == 2 {
					d = 100
				}
				v += float64(f) / d
				j += 2
			}
		}
		return v, j, true
	}
	m, ok := s.get(i, "number")
	if !ok {
		return 0, i, false
	}
	v, j := m.e.num, m.end
	iv := int(v)
	if v >= 20 && v < 100 && iv%10 == 0 {
		k := j
		if s.is(k, "-") {
			k++
		} else if a, ok := s.get(k, "and"); ok && s.lang != "ar" {
			k = a.end
		}
		if m2, ok := s.get(k, "number"); ok && m2.e.num >= 1 && m2.e.num < 20 && (m2.e.num < 10 || iv == 60 || iv == 80) && !strings.HasPrefix(s.toks[k].s, "و") {
			v += m2.e.num
			j = m2.end
		}
	}
	if s.lang == "ar" && v < 10 && j < len(s.toks) && strings.HasPrefix(s.toks[j].s, "و") {
		if m2, ok := s.get(j, "number"); ok && m2.e.num >= 20 && m2.e.num < 100 {
			v += m2.e.num
			j = m2.end
		}
	}
	if m2, ok := s.get(j, "number"); ok && m2.e.num == 100 && v < 10 && s.lang == "en" {
		v *= 100
		j = m2.end
	}
	return v, j, true
}

// sentenceBreak reports whether token i ends a sentence.
func (s *scan) sentenceBreak(i int) bool {
	if i < 0 || i >= len(s.toks) {
		return true
	}
	switch s.toks[i].s {
	case ".", "!", "?", ";":
		return true
	}
	return false
}

// span returns the original text offsets of tokens [i, j).
func (s *scan) span(i, j int) (int, int) {
	return s.toks[i].start, s.toks[j-1].end
}

// expr makes an Expr of the given kind covering tokens [i, j).
func (s *scan) expr(kind string, i, j int, rule string) Expr {
	a, b := s.span(i, j)
	return Expr{Kind: kind, Text: s.text[a:b], Start: a, End: b, Rule: rule}
}
