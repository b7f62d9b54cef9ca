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

func (e *QueryError) Error() string {
	return fmt.Sprintf("query %q: at position %d: %s", e.Query, e.Pos, e.Msg)
}

// The query-string syntax is Bleve's (see
// https://blevesearch.com/docs/Query-String-Query/): space-separated
// clauses, each optionally prefixed by + (must) or - (must not), made of a
// term, a "phrase", a field:term, field:"phrase", field:>n, field:>=n,
// field:<n, field:<=n (numbers or "dates"), a term~fuzziness, a wildcard
// (* ?) or a /regexp/, optionally followed by ^boost. A backslash escapes
// the next character. The parser below follows Bleve's grammar but keeps
// positions, so that errors can name them.

type occur int

const (
	occShould occur = iota
	occMust
	occMustNot
)

type clauseKind int

const (
	kTerm clauseKind = iota
	kPhrase
	kWildcard
	kRegexp
	kNumber // a bare number: matched as a term
	kRange
)

// clause is one parsed part of a query string.
type clause struct {
	occur     occur
	field     string
	kind      clauseKind
	value     string
	fuzziness int
	// ranges
	op      string // ">", ">=", "<", "<="
	isDate  bool
	num     float64
	boost   float64 // 0 = none
	pos     int     // where the clause starts
	valPos  int     // where its value starts
	fieldAt int
}

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
)

type token struct {
	kind    tokKind
	s       string
	pos     int
	escaped bool // a string containing an escaped character
	number  bool // a string that reads as a number
}

type lexer struct {
	src string
	pos int
}

func (l *lexer) errorf(pos int, format string, args ...interface{}) *QueryError {
	return &QueryError{Query: l.src, Pos: pos, Msg: fmt.Sprintf(format, args...)}
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
		return token{kind: tEOF, pos: start}, nil
	}
	c := l.src[l.pos]
	switch c {
	case '"':
		var b strings.Builder
		l.pos++
		for l.pos < len(l.src) {
			r, n := utf8.DecodeRuneInString(l.src[l.pos:])
			switch {
			case r == '\\':
				if l.pos+n >= len(l.src) {
					return token{}, l.errorf(l.pos, "escape character at end of query")
				}
				r2, n2 := utf8.DecodeRuneInString(l.src[l.pos+n:])
				b.WriteRune(r2)
				l.pos += n + n2
				continue
			case r == '"':
				l.pos += n
				return token{kind: tPhrase, s: b.String(), pos: start}, nil
			}
			b.WriteRune(r)
			l.pos += n
		}
		return token{}, l.errorf(start, "unterminated quote")
	case '+':
		l.pos++
		return token{kind: tPlus, pos: start}, nil
	case '-':
		l.pos++
		return token{kind: tMinus, pos: start}, nil
	case ':':
		l.pos++
		return token{kind: tColon, pos: start}, nil
	case '>':
		l.pos++
		return token{kind: tGreater, pos: start}, nil
	case '<':
		l.pos++
		return token{kind: tLess, pos: start}, nil
	case '=':
		l.pos++
		return token{kind: tEqual, pos: start}, nil
	case '^', '~':
		kind := tBoost
		if c == '~' {
			kind = tTilde
		}
		l.pos++
		s, err := l.word(func(r rune) bool { return r == ' ' })
		if err != nil {
			return token{}, err
		}
		return token{kind: kind, s: s, pos: start}, nil
	}
	escaped := strings.HasPrefix(l.src[l.pos:], `\`)
	s, err := l.word(func(r rune) bool { return unicode.IsSpace(r) || r == ':' || r == '^' || r == '~' })
	if err != nil {
		return token{}, err
	}
	t := token{kind: tString, s: s, pos: start, escaped: escaped || strings.Contains(l.src[start:l.pos], `\`)}
	if !t.escaped {
		if _, err := strconv.ParseFloat(s, 64); err == nil && s != "" && (s[0] >= '0' && s[0] <= '9') {
			t.number = true
		}
	}
	return t, nil
}

// word reads up to an unescaped rune for which stop is true.
func (l *lexer) word(stop func(rune) bool) (string, *QueryError) {
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
		if stop(r) {
			break
		}
		b.WriteRune(r)
		l.pos += n
	}
	return b.String(), nil
}

// parseQueryString parses Bleve query-string syntax into clauses.
func parseQueryString(src string) ([]clause, error) {
	if !utf8.ValidString(src) {
		for i := 0; i < len(src); {
			r, n := utf8.DecodeRuneInString(src[i:])
			if r == utf8.RuneError && n == 1 {
				return nil, &QueryError{Query: src, Pos: i, Msg: "invalid UTF-8"}
			}
			i += n
		}
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
			break
		}
	}
	p := &parser{l: l, toks: toks}
	var out []clause
	for p.peek().kind != tEOF {
		c, err := p.clause()
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

type parser struct {
	l    *lexer
	toks []token
	i    int
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) take() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "end of query"
	case tString:
		return fmt.Sprintf("%q", t.s)
	case tPhrase:
		return "a phrase"
	case tPlus:
		return `"+"`
	case tMinus:
		return `"-"`
	case tColon:
		return `":"`
	case tGreater:
		return `">"`
	case tLess:
		return `"<"`
	case tEqual:
		return `"="`
	case tBoost:
		return `"^"`
	case tTilde:
		return `"~"`
	}
	return "?"
}

func (p *parser) clause() (clause, *QueryError) {
	c := clause{pos: p.peek().pos}
	switch p.peek().kind {
	case tPlus:
		p.take()
		c.occur = occMust
	case tMinus:
		p.take()
		c.occur = occMustNot
	}
	t := p.take()
	switch t.kind {
	case tPhrase:
		c.kind, c.value, c.valPos = kPhrase, t.s, t.pos
	case tString:
		if p.peek().kind == tColon {
			p.take()
			c.field, c.fieldAt = t.s, t.pos
			if t.s == "" {
				return c, p.l.errorf(t.pos, "empty field name")
			}
			if err := p.fieldValue(&c); err != nil {
				return c, err
			}
		} else {
			if err := p.stringValue(&c, t); err != nil {
				return c, err
			}
		}
	default:
		return c, p.l.errorf(t.pos, "expected a term or a phrase, found %s", describe(t))
	}
	if p.peek().kind == tBoost {
		b := p.take()
		v, err := strconv.ParseFloat(b.s, 64)
		if err != nil || v <= 0 {
			return c, p.l.errorf(b.pos, "invalid boost %q", b.s)
		}
		c.boost = v
	}
	return c, nil
}

func (p *parser) stringValue(c *clause, t token) *QueryError {
	c.value, c.valPos = t.s, t.pos
	switch {
	case t.number && c.field == "":
		c.kind = kNumber
	case !t.escaped && len(t.s) >= 2 && strings.HasPrefix(t.s, "/") && strings.HasSuffix(t.s, "/"):
		c.kind, c.value = kRegexp, t.s[1:len(t.s)-1]
	case !t.escaped && strings.ContainsAny(t.s, "*?"):
		c.kind = kWildcard
	default:
		c.kind = kTerm
	}
	if p.peek().kind == tTilde {
		f := p.take()
		if c.kind != kTerm && c.kind != kNumber {
			return p.l.errorf(f.pos, "fuzziness applies to a plain term only")
		}
		v, err := strconv.ParseFloat(f.s, 64)
		if err != nil || v < 0 || v > 2 {
			return p.l.errorf(f.pos, "invalid fuzziness %q (want 0, 1 or 2)", f.s)
		}
		c.kind, c.fuzziness = kTerm, int(v)
	}
	return nil
}

func (p *parser) fieldValue(c *clause) *QueryError {
	t := p.take()
	switch t.kind {
	case tString:
		return p.stringValue(c, t)
	case tPhrase:
		c.kind, c.value, c.valPos = kPhrase, t.s, t.pos
		return nil
	case tMinus: // field:-3
		n := p.take()
		if n.kind != tString || !n.number {
			return p.l.errorf(n.pos, "expected a number after \"-\", found %s", describe(n))
		}
		c.kind, c.value, c.valPos = kTerm, "-"+n.s, t.pos
		return nil
	case tGreater, tLess:
		c.kind, c.valPos = kRange, t.pos
		c.op = ">"
		if t.kind == tLess {
			c.op = "<"
		}
		if p.peek().kind == tEqual {
			p.take()
			c.op += "="
		}
		v := p.take()
		c.valPos = v.pos
		neg := ""
		if v.kind == tMinus {
			neg = "-"
			v = p.take()
		}
		switch {
		case v.kind == tString && v.number:
			f, err := strconv.ParseFloat(neg+v.s, 64)
			if err != nil {
				return p.l.errorf(v.pos, "invalid number %q", v.s)
			}
			c.num, c.value = f, neg+v.s
		case v.kind == tPhrase && neg == "":
			c.isDate, c.value = true, v.s
		default:
			return p.l.errorf(v.pos, "expected a number or a quoted date after %q, found %s", c.op, describe(v))
		}
		return nil
	}
	return p.l.errorf(t.pos, "expected a value after %q:, found %s", c.field, describe(t))
}
