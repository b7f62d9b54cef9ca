package index

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// QueryError reports a malformed query string.
type QueryError struct {
	Query string // the query text
	Pos   int    // byte offset of the problem in Query
	Msg   string // what is wrong
}

// Error names the position in characters (runes) from 0, so that it can
// be counted in an Arabic query as well as in a Latin one.
func (e *QueryError) Error() string {
	return fmt.Sprintf("query %q: position %d: %s", e.Query, e.Column(), e.Msg)
}

// Column is Pos counted in characters rather than bytes.
func (e *QueryError) Column() int {
	if e.Pos < 0 || e.Pos > len(e.Query) {
		return e.Pos
	}
	return utf8.RuneCountInString(e.Query[:e.Pos])
}

// The query syntax is Lucene's (as in Elasticsearch's query_string and
// Kibana), see doc.go: terms, "phrases", field:value, field:(group),
// +must -mustnot, AND OR NOT && || !, parentheses, prefix* and wild?card,
// /regexp/, term~fuzziness, ^boost, field:>=value and field:[lo TO hi]
// ranges. The lexer keeps byte positions so that errors can name them.

type tokKind int

const (
	tEOF tokKind = iota
	tString
	tPhrase
	tPlus
	tMinus
	tColon
	tGreater
	tLess
	tEqual
	tBoost
	tTilde
	tLParen
	tRParen
	tLBracket // [ or {: lower bound of a range, inclusive or not
	tRBracket // ] or }: upper bound
	tAnd      // AND &&
	tOr       // OR ||
	tNot      // NOT !
)

type token struct {
	kind    tokKind
	s       string
	pos     int
	end     int  // byte offset just past the token
	escaped bool // a string containing an escaped character
	number  bool // a string that reads as a number
	incl    bool // tLBracket, tRBracket: "[" or "]"
}

type lexer struct {
	src string
	pos int
}

func (l *lexer) errorf(pos int, format string, args ...interface{}) *QueryError {
	return &QueryError{Query: l.src, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// punct are the one-byte tokens.
var punct = map[byte]tokKind{
	'+': tPlus, '-': tMinus, ':': tColon, '>': tGreater, '<': tLess, '=': tEqual,
	'(': tLParen, ')': tRParen, '[': tLBracket, '{': tLBracket, ']': tRBracket, '}': tRBracket,
	'!': tNot,
}

// keywords are the operators spelt as words: upper case only, as in
// Lucene, so that the French "or" or the English "not" stay words.
var keywords = map[string]tokKind{"AND": tAnd, "OR": tOr, "NOT": tNot}

// stopsWord is true for the runes that end an unescaped word.
func stopsWord(r rune) bool {
	switch r {
	case ':', '^', '~', '(', ')', ']', '}':
		return true
	}
	return unicode.IsSpace(r)
}

func (l *lexer) next() (token, *QueryError) {
	for l.pos < len(l.src) {
		r, n := utf8.DecodeRuneInString(l.src[l.pos:])
		if !unicode.IsSpace(r) {
			break
		}
		l.pos += n
	}
	start := l.pos
	if l.pos >= len(l.src) {
		return token{kind: tEOF, pos: start, end: start}, nil
	}
	c := l.src[l.pos]
	switch {
	case c == '"':
		return l.phrase()
	case strings.HasPrefix(l.src[l.pos:], "&&"):
		l.pos += 2
		return token{kind: tAnd, pos: start, end: l.pos}, nil
	case strings.HasPrefix(l.src[l.pos:], "||"):
		l.pos += 2
		return token{kind: tOr, pos: start, end: l.pos}, nil
	case c == '^' || c == '~':
		kind := tBoost
		if c == '~' {
			kind = tTilde
		}
		l.pos++
		s, err := l.word()
		if err != nil {
			return token{}, err
		}
		return token{kind: kind, s: s, pos: start, end: l.pos}, nil
	}
	if k, ok := punct[c]; ok {
		l.pos++
		return token{kind: k, pos: start, end: l.pos, incl: c == '[' || c == ']'}, nil
	}
	s, err := l.word()
	if err != nil {
		return token{}, err
	}
	t := token{kind: tString, s: s, pos: start, end: l.pos, escaped: strings.Contains(l.src[start:l.pos], `\`)}
	if t.escaped {
		return t, nil
	}
	if k, ok := keywords[s]; ok {
		t.kind = k
		return t, nil
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil && s != "" && (s[0] >= '0' && s[0] <= '9') {
		t.number = true
	}
	return t, nil
}

// phrase reads a quoted phrase; a backslash escapes the next character.
func (l *lexer) phrase() (token, *QueryError) {
	start := l.pos
	var b strings.Builder
	l.pos++
	for l.pos < len(l.src) {
		r, n := utf8.DecodeRuneInString(l.src[l.pos:])
		switch r {
		case '\\':
			if l.pos+n >= len(l.src) {
				return token{}, l.errorf(l.pos, "escape character at end of query")
			}
			r2, n2 := utf8.DecodeRuneInString(l.src[l.pos+n:])
			b.WriteRune(r2)
			l.pos += n + n2
			continue
		case '"':
			l.pos += n
			return token{kind: tPhrase, s: b.String(), pos: start, end: l.pos}, nil
		}
		b.WriteRune(r)
		l.pos += n
	}
	return token{}, l.errorf(start, `missing closing '"'`)
}

// word reads up to an unescaped rune that ends a word.
func (l *lexer) word() (string, *QueryError) {
	var b strings.Builder
	for l.pos < len(l.src) {
		r, n := utf8.DecodeRuneInString(l.src[l.pos:])
		if r == '\\' {
			if l.pos+n >= len(l.src) {
				return "", l.errorf(l.pos, "escape character at end of query")
			}
			r2, n2 := utf8.DecodeRuneInString(l.src[l.pos+n:])
			b.WriteRune(r2)
			l.pos += n + n2
			continue
		}
		if stopsWord(r) {
			break
		}
		b.WriteRune(r)
		l.pos += n
	}
	return b.String(), nil
}

// tokenize splits src into tokens, ending with tEOF.
func tokenize(src string) ([]token, *QueryError) {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && n == 1 {
			return nil, &QueryError{Query: src, Pos: i, Msg: "invalid UTF-8"}
		}
		i += n
	}
	l := &lexer{src: src}
	var toks []token
	for {
		t, err := l.next()
		if err != nil {
			return nil, err
		}
		toks = append(toks, t)
		if t.kind == tEOF {
			return toks, nil
		}
	}
}

func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "end of query"
	case tString:
		return fmt.Sprintf("%q", t.s)
	case tPhrase:
		return "a phrase"
	case tAnd:
		return "AND"
	case tOr:
		return "OR"
	case tNot:
		return "NOT"
	case tBoost:
		return `"^"`
	case tTilde:
		return `"~"`
	case tLBracket, tRBracket:
		return "a range bracket"
	}
	for c, k := range punct {
		if k == t.kind {
			return fmt.Sprintf("%q", string(c))
		}
	}
	return "?"
}
