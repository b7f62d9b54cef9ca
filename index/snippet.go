package index

import (
	"sort"
	"strings"
	"unicode/utf8"

	"outages/corpus"
)

// snippetBytes is the approximate size of a snippet.
const snippetBytes = 220

// highlighter marks the query's terms in article bodies. Terms are
// compared after analysis with the analyzer of the article's language, so
// "pannes" in a body is marked for the query "panne".
type highlighter struct {
	exp      *expander
	words    []string // query words and phrases (and their synonyms unless exact)
	prefixes []string // prefixes of prefix* queries, as analysed for *_exact
	terms    map[string]*langTerms
}

// langTerms are the analysed query terms for one language: single terms,
// and sequences (phrases) keyed by their first term.
type langTerms struct {
	single map[string]bool
	seqs   map[string][][]string
}

func newHighlighter(e *expander, root *node, exact bool) *highlighter {
	h := &highlighter{exp: e, terms: map[string]*langTerms{}}
	walkLeaves(root, false, func(c clause, negated bool) {
		switch strings.ToLower(c.field) {
		case "", "text", "body":
		default:
			return
		}
		if p, ok := e.exactPrefix(c); ok && !negated {
			h.prefixes = append(h.prefixes, p)
		}
		if negated || (c.kind != kTerm && c.kind != kPhrase && c.kind != kNumber) {
			return
		}
		h.words = append(h.words, c.value)
		if exact {
			return
		}
		for _, g := range e.groupsOf(c.value) {
			for _, ts := range synonyms[g].terms {
				h.words = append(h.words, ts...)
			}
		}
	})
	return h
}

func (h *highlighter) termsFor(lang string) *langTerms {
	if t, ok := h.terms[lang]; ok {
		return t
	}
	t := &langTerms{single: map[string]bool{}, seqs: map[string][][]string{}}
	for _, w := range h.words {
		terms := h.exp.analyze(lang, w)
		switch len(terms) {
		case 0:
		case 1:
			t.single[terms[0]] = true
		default:
			t.seqs[terms[0]] = append(t.seqs[terms[0]], terms)
		}
	}
	h.terms[lang] = t
	return t
}

// snippet returns a fragment of a's body around the densest group of
// matches, with matches between SnippetStart and SnippetEnd, or the start
// of the body when nothing matches.
func (h *highlighter) snippet(a *corpus.Article) string {
	body := a.Body
	if body == "" {
		return ""
	}
	lang := fieldLang(a.Lang)
	spans := h.termSpans(body, lang)
	if len(h.prefixes) > 0 {
		spans = apart(append(spans, h.prefixSpans(body)...))
	}
	ws, we := window(body, spans)
	var b strings.Builder
	if ws > 0 {
		b.WriteString("…")
	}
	pos := ws
	for _, s := range spans {
		if s.start < pos || s.end > we {
			continue
		}
		b.WriteString(body[pos:s.start])
		b.WriteString(SnippetStart)
		b.WriteString(body[s.start:s.end])
		b.WriteString(SnippetEnd)
		pos = s.end
	}
	b.WriteString(body[pos:we])
	if we < len(body) {
		b.WriteString("…")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// span is a highlighted byte range of a body.
type span struct{ start, end int }

// termSpans finds the query's terms and phrases in body, analysed as
// the language's field is.
func (h *highlighter) termSpans(body, lang string) []span {
	terms := h.termsFor(lang)
	if len(terms.single)+len(terms.seqs) == 0 {
		return nil
	}
	var spans []span
	toks := h.exp.m.AnalyzerNamed(analyzerFor(lang)).Analyze([]byte(body))
	for i := 0; i < len(toks); i++ {
		tok := toks[i]
		if tok.End > len(body) || tok.Start >= tok.End {
			continue
		}
		if terms.single[string(tok.Term)] {
			spans = append(spans, span{tok.Start, tok.End})
			continue
		}
	seqs:
		for _, seq := range terms.seqs[string(tok.Term)] {
			if i+len(seq) > len(toks) {
				continue
			}
			for k, term := range seq {
				if string(toks[i+k].Term) != term {
					continue seqs
				}
			}
			last := toks[i+len(seq)-1]
			if last.End <= len(body) {
				spans = append(spans, span{tok.Start, last.End})
				i += len(seq) - 1
				break
			}
		}
	}
	return spans
}

// prefixSpans finds the words of body, as written, that start with one of
// the query's prefixes.
func (h *highlighter) prefixSpans(body string) []span {
	var spans []span
	for _, tok := range h.exp.m.AnalyzerNamed(analyzerExact).Analyze([]byte(body)) {
		if tok.End > len(body) || tok.Start >= tok.End {
			continue
		}
		for _, p := range h.prefixes {
			if strings.HasPrefix(string(tok.Term), p) {
				spans = append(spans, span{tok.Start, tok.End})
				break
			}
		}
	}
	return spans
}

// apart keeps the spans in order and apart.
func apart(spans []span) []span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	kept := spans[:0]
	for _, sp := range spans {
		if len(kept) == 0 || sp.start >= kept[len(kept)-1].end {
			kept = append(kept, sp)
		}
	}
	return kept
}

// window is the snippet's byte range [ws, we) of body: the one with the
// most spans, aligned on words.
func window(body string, spans []span) (int, int) {
	ws := 0
	if len(spans) > 0 {
		best, bestN := 0, 0
		for i := range spans {
			n := 0
			for j := i; j < len(spans) && spans[j].end-spans[i].start <= snippetBytes; j++ {
				n++
			}
			if n > bestN {
				best, bestN = i, n
			}
		}
		ws = max(0, spans[best].start-snippetBytes/4)
	}
	we := ws + snippetBytes
	if we > len(body) {
		we = len(body)
		ws = max(0, we-snippetBytes)
	}
	return alignStart(body, ws), alignEnd(body, we)
}

// alignStart moves i forward to a word start (or rune start).
func alignStart(s string, i int) int {
	if i <= 0 {
		return 0
	}
	for j := i; j < len(s) && j < i+30; j++ {
		if s[j-1] == ' ' || s[j-1] == '\n' {
			return j
		}
	}
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// alignEnd moves i back to a word end (or rune start).
func alignEnd(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	for j := i; j > 0 && j > i-30; j-- {
		if s[j] == ' ' || s[j] == '\n' {
			return j
		}
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
