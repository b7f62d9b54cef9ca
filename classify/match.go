package classify

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"outages/classify/rules"
)

// patTok is one word of a phrase pattern.
type patTok struct {
	s      string // folded word (Arabic: without the article)
	raw    string // the word as written, for case-sensitive patterns
	prefix bool   // word ends with '*': matches any word starting with s
}

// phrase is a compiled pattern: a sequence of words matched against
// consecutive tokens. Owner is the index of the data entry it belongs to.
type phrase struct {
	toks      []patTok
	owner     int
	caseExact bool // written with a leading '=': the words must match case too
}

// matcher finds phrases in token sequences. It is built once and read-only.
type matcher struct {
	phrases []phrase
	exact   map[string][]int    // first word → phrases of one word, or whose second word is a prefix
	exact2  map[[2]string][]int // first and second word → phrases ("were also affected" under were, also)
	pre     map[string][]int    // first three letters of a prefix first word → phrases
	// insert holds the words that may stand between two words of any
	// phrase (at most maxInserted of them): adverbs inside a verb phrase
	// ("s'est aussi effondré", "were also disrupted")
	insert map[string]bool
	// verbs holds the Arabic verbs that open phrases: a form of a token
	// made by stripping ب or ل (the proclitics of nouns) is not one
	// ("بنفت", the Benefit network, is no "نفت", denied)
	verbs map[string]bool
	// keys holds two bits per key of exact and pre (see wordHash): a form
	// whose bits are not both set is no key, and is not looked up.
	keys [keyBits / 64]uint64
}

// keyBits is the size of a matcher's filter of keys.
const keyBits = 1 << 16

// wordHash is the FNV-1a hash of a form, which a doc computes once for
// every matcher.
func wordHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// setKey records a key in the filter.
func (m *matcher) setKey(h uint64) {
	a, b := h%keyBits, (h>>32)%keyBits
	m.keys[a/64] |= 1 << (a % 64)
	m.keys[b/64] |= 1 << (b % 64)
}

// mayHave reports whether a form of hash h may be a key.
func (m *matcher) mayHave(h uint64) bool {
	a, b := h%keyBits, (h>>32)%keyBits
	return m.keys[a/64]&(1<<(a%64)) != 0 && m.keys[b/64]&(1<<(b%64)) != 0
}

func newMatcher() *matcher {
	return &matcher{exact: map[string][]int{}, exact2: map[[2]string][]int{}, pre: map[string][]int{}, insert: map[string]bool{}, verbs: map[string]bool{}}
}

// compilePhrase turns a written pattern into words. Syntax: words separated
// by spaces; a word ending in '*' matches any word starting with it (at least
// three letters before the '*'); a leading '=' makes the pattern
// case-sensitive.
func compilePhrase(pat string) (phrase, error) {
	var p phrase
	if rest, ok := strings.CutPrefix(pat, "="); ok {
		p.caseExact = true
		pat = rest
	}
	pat = strings.TrimSpace(pat)
	if pat == "" {
		return p, fmt.Errorf("empty phrase")
	}
	for _, field := range strings.Fields(pat) {
		prefix := false
		if w, ok := strings.CutSuffix(field, "*"); ok {
			prefix = true
			field = w
		}
		if strings.Contains(field, "*") {
			return p, fmt.Errorf("phrase %q: '*' only allowed at the end of a word", pat)
		}
		toks := tokenize(field)
		if len(toks) == 0 {
			return p, fmt.Errorf("phrase %q: word %q has no letters or digits", pat, field)
		}
		for k, t := range toks {
			pt := patTok{s: t.norm, raw: field[t.start:t.end]}
			if t.arabic {
				if rest, ok := strings.CutPrefix(pt.s, "ال"); ok && utf8.RuneCountInString(rest) >= 2 {
					pt.s = rest
				}
			}
			if prefix && k == len(toks)-1 {
				pt.prefix = true
				if utf8.RuneCountInString(pt.s) < 3 {
					return p, fmt.Errorf("phrase %q: prefix word %q needs at least three letters", pat, field)
				}
			}
			p.toks = append(p.toks, pt)
		}
	}
	return p, nil
}

func key3(s string) string {
	n := 0
	for i := range s {
		if n == 3 {
			return s[:i]
		}
		n++
	}
	return s
}

func (m *matcher) add(p phrase) {
	id := len(m.phrases)
	m.phrases = append(m.phrases, p)
	first := p.toks[0]
	if first.prefix {
		k := key3(first.s)
		m.pre[k] = append(m.pre[k], id)
		m.setKey(wordHash(k))
		return
	}
	if len(p.toks) > 1 && !p.toks[1].prefix && !p.caseExact {
		// indexed by two words: phrases with choices make hundreds that
		// share a common first word ("was", "ont")
		k := [2]string{first.s, p.toks[1].s}
		m.exact2[k] = append(m.exact2[k], id)
	} else {
		m.exact[first.s] = append(m.exact[first.s], id)
	}
	m.setKey(wordHash(first.s))
}

// hit is one phrase found in a text: tokens [from, to).
type hit struct {
	phrase   int
	owner    int
	from, to int
}

// doc is a tokenized text with the match variants of each token.
type doc struct {
	text   string
	toks   []token
	vars   []string // the forms each token can be matched under, token after token
	keys   []string // per form in vars: its first three letters (key3), or "" when shorter
	hashes []uint64 // per form in vars: wordHash of the form and of its key, two by two
	varEnd []int32  // per token: the end of its forms in vars
	bufs   *docBufs // where the slices above live
}

// docBufs are the slices of a doc, kept by the Classifier for the next
// text: they are reused once the text's classification is done.
type docBufs struct {
	toks     []token
	folded   []byte  // the folded words, while tokenizing
	foldEnds []int32 // per token: end of its folded form in folded, or -1
	vars     []string
	keys     []string
	hashes   []uint64
	varEnd   []int32
	hits     []hit        // the hits of one find, before they are copied out
	found    []hit        // the hits of every find on the doc
	exprs    []rules.Expr // what the rules read in the text
	// scratch slices of the analysis of one text
	cands      []exprCand  // start or duration candidates (see orNil)
	causeCands []causeCand // cause candidates
	subjects   []tokPos    // see subjects
}

// grow returns s with room for n more elements, keeping its length.
func grow[T any](s []T, n int) []T {
	if cap(s)-len(s) < n {
		return append(s[:len(s):len(s)], make([]T, n)...)[:len(s)]
	}
	return s
}

func newDoc(text string) *doc { return newDocIn(text, new(docBufs)) }

// newDocIn is newDoc building the doc in b's slices.
func newDocIn(text string, b *docBufs) *doc {
	d := &doc{text: text, toks: b.tokenize(text), bufs: b}
	b.found = b.found[:0]
	d.vars = grow(b.vars[:0], len(d.toks)+len(d.toks)/2)
	d.varEnd = grow(b.varEnd[:0], len(d.toks))[:len(d.toks)]
	defer func() { b.vars, b.keys, b.hashes, b.varEnd = d.vars, d.keys, d.hashes, d.varEnd }()
	var scratch []string // the variants of one Arabic token
	for i := range d.toks {
		if d.toks[i].arabic {
			scratch = arabicVariants(d.toks[i].norm, scratch[:0])
			d.vars = append(d.vars, scratch...)
		} else {
			d.vars = append(d.vars, d.toks[i].norm)
		}
		d.varEnd[i] = int32(len(d.vars))
	}
	d.keys = grow(b.keys[:0], len(d.vars))[:len(d.vars)]
	d.hashes = grow(b.hashes[:0], 2*len(d.vars))[:2*len(d.vars)]
	for k, v := range d.vars {
		d.keys[k] = ""
		d.hashes[2*k], d.hashes[2*k+1] = wordHash(v), 0
		if utf8.RuneCountInString(v) >= 3 {
			d.keys[k] = key3(v)
			d.hashes[2*k+1] = wordHash(d.keys[k])
		}
	}
	return d
}

// variants are the forms token i can be matched under, itself first.
func (d *doc) variants(i int) []string {
	from, to := d.varRange(i)
	return d.vars[from:to]
}

// varRange is where the forms of token i are in d.vars.
func (d *doc) varRange(i int) (int, int) {
	from := int32(0)
	if i > 0 {
		from = d.varEnd[i-1]
	}
	return int(from), int(d.varEnd[i])
}

// span returns the text covered by tokens [from, to).
func (d *doc) span(from, to int) string {
	if from >= to || from < 0 || to > len(d.toks) {
		return ""
	}
	return d.text[d.toks[from].start:d.toks[to-1].end]
}

// gapBefore is the text between token k-1 and token k (punctuation and
// spaces), "" when k opens or is past the text.
func (d *doc) gapBefore(k int) string {
	if k <= 0 || k >= len(d.toks) {
		return ""
	}
	return d.text[d.toks[k-1].end:d.toks[k].start]
}

// commaBefore reports whether a comma (Latin or Arabic) stands right
// before token k.
func (d *doc) commaBefore(k int) bool { return strings.ContainsAny(d.gapBefore(k), ",،") }

func (m *matcher) tokMatches(d *doc, i int, pt patTok, caseExact bool) bool {
	if caseExact {
		return d.text[d.toks[i].start:d.toks[i].end] == pt.raw
	}
	for _, v := range d.variants(i) {
		if pt.prefix {
			if strings.HasPrefix(v, pt.s) {
				return true
			}
		} else if v == pt.s {
			return true
		}
	}
	return false
}

// find returns every phrase occurrence in d, in token order.
func (m *matcher) find(d *doc) []hit {
	hits := d.bufs.hits[:0]
	defer func() { d.bufs.hits = hits }()
	var ids []int // the phrases a form may open, in the order they were added
	for i := range d.toks {
		from, to := d.varRange(i)
		for k := from; k < to; k++ {
			if k > from && m.nounClitic(d.vars[from], d.vars[k]) {
				continue
			}
			if m.mayHave(d.hashes[2*k]) {
				ids = m.opening(d, i, d.vars[k], ids[:0])
				hits = m.tryAt(d, i, ids, hits, true)
			}
			if key := d.keys[k]; key != "" && m.mayHave(d.hashes[2*k+1]) {
				hits = m.tryAt(d, i, m.pre[key], hits, false)
			}
		}
	}
	if len(hits) == 0 {
		return nil
	}
	b := d.bufs // the hits of every find on d, one after the other
	from := len(b.found)
	b.found = append(b.found, hits...)
	return b.found[from:len(b.found):len(b.found)]
}

// nounClitic reports whether form v of word w is a verb that w holds
// after a proclitic of nouns, which verbs never take.
func (m *matcher) nounClitic(w, v string) bool {
	return len(m.verbs) > 0 && m.verbs[v] && w != "و"+v && w != "ف"+v
}

// opening returns in ids the phrases whose first word is form v of token
// i: those indexed by it alone, and those indexed by it and a form of
// token i+1, in the order they were added.
func (m *matcher) opening(d *doc, i int, v string, ids []int) []int {
	ids = append(ids, m.exact[v]...)
	if i+1 < len(d.toks) && len(m.exact2) > 0 {
		n := len(ids)
		next := i + 1
		for next+1 < len(d.toks) && next-i <= maxInserted && m.inserted(d, next) {
			ids = m.second(d, v, next, ids) // the insert word may be the phrase's own
			next++                          // "were also disrupted" opens "were disrupted"
		}
		ids = m.second(d, v, next, ids)
		if len(ids) > n {
			slices.Sort(ids)
			ids = slices.Compact(ids)
		}
	}
	return ids
}

// second appends to ids the phrases indexed by first word v and a form
// of token j.
func (m *matcher) second(d *doc, v string, j int, ids []int) []int {
	from, to := d.varRange(j)
	for k := from; k < to; k++ {
		ids = append(ids, m.exact2[[2]string{v, d.vars[k]}]...)
	}
	return ids
}

// maxInserted is how many insert words a phrase may have inside it.
const maxInserted = 2

// inserted reports whether token i is a word that may stand inside a
// phrase.
func (m *matcher) inserted(d *doc, i int) bool {
	if len(m.insert) == 0 || i >= len(d.toks) {
		return false
	}
	for _, v := range d.variants(i) {
		if m.insert[v] {
			return true
		}
	}
	return false
}

// matchFrom reports whether the words of p from its k-th match the
// tokens from at, skipping up to maxInserted insert words between two of
// them (never before the first or after the last): the end of the match.
func (m *matcher) matchFrom(d *doc, p *phrase, k, at int) (int, bool) {
	skipped := 0
	for ; k < len(p.toks); k++ {
		here := 0 // insert words skipped before word k
		for at < len(d.toks) && !m.tokMatches(d, at, p.toks[k], p.caseExact) {
			if k == 0 || skipped == maxInserted || !m.inserted(d, at) {
				return 0, false
			}
			skipped++
			here++
			at++
		}
		if at >= len(d.toks) || here > 0 && d.toks[at].sent != d.toks[at-here-1].sent {
			return 0, false
		}
		at++
	}
	return at, true
}

// tryAt appends to hits the phrases ids that occur at token i. With
// firstMatched, the ids were looked up under a form of token i that is
// their first word, which needs no second look unless case matters.
func (m *matcher) tryAt(d *doc, i int, ids []int, hits []hit, firstMatched bool) []hit {
	for _, id := range ids {
		p := &m.phrases[id]
		if i+len(p.toks) > len(d.toks) {
			continue
		}
		from := 0
		if firstMatched && !p.caseExact {
			from = 1
		}
		to, ok := m.matchFrom(d, p, from, i+from)
		if ok && !containsHit(hits, id, p.owner, i, to) {
			hits = append(hits, hit{phrase: id, owner: p.owner, from: i, to: to})
		}
	}
	return hits
}

// containsHit reports whether hits, whose last ones start at from, hold
// phrase id there, or another phrase of the same owner over the same
// tokens (two forms of one rule, "المباراة" and "مباراة" with its article,
// are one hit).
func containsHit(hits []hit, id, owner, from, to int) bool {
	for k := len(hits) - 1; k >= 0 && hits[k].from == from; k-- {
		if hits[k].phrase == id || hits[k].owner == owner && hits[k].to == to {
			return true
		}
	}
	return false
}
