package index

import (
	"fmt"
	"strconv"
	"strings"
)

// The query grammar (a recursive-descent parser; precedence NOT > AND > OR,
// and words side by side are joined by the default operator, OR unless
// Query.AllWords):
//
//	query   = or EOF
//	or      = and { ( "OR" | "||" | ε if default OR ) and }
//	and     = not { ( "AND" | "&&" | ε if default AND ) not }
//	not     = ( "NOT" | "!" ) not | [ "+" | "-" ] primary [ "^" boost ]
//	primary = "(" or ")" | FIELD ":" "(" or ")" | FIELD ":" value | value
//	value   = WORD [ "~" n ] | "phrase" | prefix* | wild?card | /regexp/
//	        | (">" | ">=" | "<" | "<=") bound | ("[" | "{") bound "TO" bound ("]" | "}")
//
// "+x" makes x required and "-x" excludes it in the group x stands in, as
// in Lucene: "a b +c -d" matches c and not d, and ranks a and b higher.

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
	kAll // "*": every article
)

// clause is one leaf of a query: a value, maybe with a field.
type clause struct {
	field     string
	kind      clauseKind
	value     string
	fuzziness int
	// ranges: lo and hi bounds ("" for open), each a number or a date
	lo, hi         string
	loIncl, hiIncl bool
	isDate         bool
	valPos         int // where its value starts
	fieldAt        int // where its field name starts
}

type nodeOp int

const (
	opLeaf nodeOp = iota
	opAnd
	opOr
	opNot
)

// node is a node of the parsed query.
type node struct {
	op       nodeOp
	occur    occur // how the node stands in its parent group (+x, -x)
	kids     []*node
	leaf     clause
	boost    float64 // 0 = none
	pos      int
	implicit bool // a group of words side by side (no operator between)
}

// parseQuery parses src. allWords makes words side by side all required
// (default operator AND) instead of any of them (OR).
func parseQuery(src string, allWords bool) (*node, error) {
	toks, qerr := tokenize(src)
	if qerr != nil {
		return nil, qerr
	}
	p := &parser{src: src, toks: toks, allWords: allWords}
	if p.peek().kind == tEOF {
		return &node{op: opLeaf, leaf: clause{kind: kAll}}, nil
	}
	n, qerr := p.or()
	if qerr != nil {
		return nil, qerr
	}
	if t := p.peek(); t.kind != tEOF {
		if t.kind == tRParen {
			return nil, p.errorf(t.pos, `unexpected ")" without "("`)
		}
		return nil, p.errorf(t.pos, "unexpected %s", describe(t))
	}
	return n, nil
}

type parser struct {
	src      string
	toks     []token
	i        int
	allWords bool
	field    string // the field of an enclosing field:(group)
	fieldAt  int
	depth    int
}

// maxDepth bounds the nesting of parentheses and NOTs.
const maxDepth = 64

func (p *parser) errorf(pos int, format string, args ...interface{}) *QueryError {
	return &QueryError{Query: p.src, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) take() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

// startsOperand is true when t can begin an operand (an implicit join);
// inside field:( ) a range can.
func (p *parser) startsOperand(t token) bool {
	switch t.kind {
	case tString, tPhrase, tPlus, tMinus, tNot, tLParen:
		return true
	case tGreater, tLess, tLBracket:
		return p.field != ""
	}
	return false
}

func (p *parser) or() (*node, *QueryError) {
	return p.binary(tOr, opOr, !p.allWords, p.and)
}

func (p *parser) and() (*node, *QueryError) {
	return p.binary(tAnd, opAnd, p.allWords, p.not)
}

// binary parses operands joined by op (and by adjacency when implicit).
func (p *parser) binary(op tokKind, nop nodeOp, implicit bool, operand func() (*node, *QueryError)) (*node, *QueryError) {
	first := p.peek()
	if first.kind == op {
		return nil, p.errorf(first.pos, "%s needs a term before it", describe(first))
	}
	n, err := operand()
	if err != nil {
		return nil, err
	}
	kids := []*node{n}
	explicit := false
	for {
		t := p.peek()
		switch {
		case t.kind == op:
			p.take()
			explicit = true
			if nx := p.peek(); !p.startsOperand(nx) {
				return nil, p.errorf(nx.pos, "expected a term after %s, found %s", describe(t), describe(nx))
			}
		case implicit && p.startsOperand(t):
		default:
			if len(kids) == 1 {
				return n, nil
			}
			return &node{op: nop, kids: kids, pos: first.pos, implicit: !explicit}, nil
		}
		k, err := operand()
		if err != nil {
			return nil, err
		}
		if t.kind == tNot && k.op == opNot && k.occur == occShould {
			// "a NOT b" with no operator before NOT reads as "a -b", as in
			// Lucene: NOT excludes from the words beside it.
			k = &node{op: opAnd, kids: k.kids, pos: k.pos, occur: occMustNot}
		}
		kids = append(kids, k)
	}
}

func (p *parser) not() (*node, *QueryError) {
	t := p.peek()
	if t.kind != tNot {
		return p.modified()
	}
	p.take()
	if nx := p.peek(); !p.startsOperand(nx) {
		return nil, p.errorf(nx.pos, "expected a term after NOT, found %s", describe(nx))
	}
	if p.depth++; p.depth > maxDepth {
		return nil, p.errorf(t.pos, "query nested more than %d deep", maxDepth)
	}
	k, err := p.not()
	p.depth--
	if err != nil {
		return nil, err
	}
	return &node{op: opNot, kids: []*node{k}, pos: t.pos}, nil
}

// modified parses [+|-] primary [^boost].
func (p *parser) modified() (*node, *QueryError) {
	oc := occShould
	switch p.peek().kind {
	case tPlus:
		oc = occMust
		p.take()
	case tMinus:
		oc = occMustNot
		p.take()
	}
	n, err := p.primary()
	if err != nil {
		return nil, err
	}
	n.occur = oc
	if p.peek().kind == tBoost {
		b := p.take()
		v, err := strconv.ParseFloat(b.s, 64)
		if err != nil || v <= 0 || v > 1e6 {
			return nil, p.errorf(b.pos, "invalid boost %q (want a positive number)", b.s)
		}
		n.boost = v
	}
	return n, nil
}

func (p *parser) primary() (*node, *QueryError) {
	t := p.take()
	switch t.kind {
	case tLParen:
		return p.group(t)
	case tPhrase:
		return p.leaf(t, clause{kind: kPhrase, value: t.s, valPos: t.pos}), nil
	case tGreater, tLess, tLBracket: // a range inside field:( )
		if p.field != "" {
			p.i--
			c, err := p.fieldValue(p.field)
			return p.leaf(t, c), err
		}
	case tString:
		if p.peek().kind != tColon {
			c, err := p.stringValue(t, p.field)
			return p.leaf(t, c), err
		}
		p.take()
		if t.s == "" {
			return nil, p.errorf(t.pos, "empty field name")
		}
		if p.peek().kind == tLParen {
			open := p.take()
			saved, savedAt := p.field, p.fieldAt
			p.field, p.fieldAt = t.s, t.pos
			n, err := p.group(open)
			p.field, p.fieldAt = saved, savedAt
			return n, err
		}
		c, err := p.fieldValue(t.s)
		if err != nil {
			return nil, err
		}
		c.field, c.fieldAt = t.s, t.pos
		return &node{op: opLeaf, leaf: c, pos: t.pos}, nil
	}
	return nil, p.errorf(t.pos, "expected a term, a phrase or \"(\", found %s", describe(t))
}

// leaf makes a leaf of c, in the field of an enclosing field:(group).
func (p *parser) leaf(t token, c clause) *node {
	if c.field == "" && p.field != "" {
		c.field, c.fieldAt = p.field, p.fieldAt
	}
	return &node{op: opLeaf, leaf: c, pos: t.pos}
}

// group parses the rest of "(" or ")". The result is always a group node,
// so that a modifier before "(" never overwrites one inside.
func (p *parser) group(open token) (*node, *QueryError) {
	if p.peek().kind == tRParen {
		return nil, p.errorf(open.pos, "empty parentheses")
	}
	if p.depth++; p.depth > maxDepth {
		return nil, p.errorf(open.pos, "query nested more than %d deep", maxDepth)
	}
	n, err := p.or()
	p.depth--
	if err != nil {
		return nil, err
	}
	if t := p.take(); t.kind != tRParen {
		if t.kind == tEOF {
			return nil, p.errorf(t.pos, `missing ")" to close the "(" at position %d`, runeCol(p.src, open.pos))
		}
		return nil, p.errorf(t.pos, "unexpected %s", describe(t))
	}
	if n.op == opLeaf || n.op == opNot || n.occur != occShould {
		n = &node{op: opAnd, kids: []*node{n}, pos: open.pos}
	}
	return n, nil
}

func runeCol(s string, pos int) int {
	return (&QueryError{Query: s, Pos: pos}).Column()
}

func (p *parser) stringValue(t token, field string) (clause, *QueryError) {
	c := clause{value: t.s, valPos: t.pos}
	switch {
	case !t.escaped && t.s == "*" && field == "":
		c.kind = kAll
	case t.number && field == "":
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
			return c, p.errorf(f.pos, "fuzziness applies to a plain term only")
		}
		v := 1.0 // "term~" alone: one edit, as in Lucene's default of 2 made gentler for short words
		if f.s != "" {
			var err error
			v, err = strconv.ParseFloat(f.s, 64)
			if err != nil || v < 0 || v > 2 {
				return c, p.errorf(f.pos, "invalid fuzziness %q (want 0, 1 or 2)", f.s)
			}
		}
		c.kind, c.fuzziness = kTerm, int(v)
	}
	return c, nil
}

// fieldValue parses what follows "field:".
func (p *parser) fieldValue(field string) (clause, *QueryError) {
	t := p.take()
	switch t.kind {
	case tString:
		return p.stringValue(t, field)
	case tPhrase:
		return clause{kind: kPhrase, value: t.s, valPos: t.pos}, nil
	case tMinus: // field:-3
		n := p.take()
		if n.kind != tString || !n.number {
			return clause{}, p.errorf(n.pos, "expected a number after \"-\", found %s", describe(n))
		}
		return clause{kind: kTerm, value: "-" + n.s, valPos: t.pos}, nil
	case tGreater, tLess:
		return p.comparison(t)
	case tLBracket:
		return p.interval(t)
	}
	return clause{}, p.errorf(t.pos, "expected a value after %q:, found %s", field, describe(t))
}

// comparison parses >n, >=n, <n, <=n (t is > or <).
func (p *parser) comparison(t token) (clause, *QueryError) {
	incl := false
	if p.peek().kind == tEqual {
		p.take()
		incl = true
	}
	c := clause{kind: kRange, valPos: p.peek().pos}
	op := map[bool]string{true: ">", false: "<"}[t.kind == tGreater]
	if incl {
		op += "="
	}
	v, isDate, err := p.bound(op, false)
	if err != nil {
		return c, err
	}
	c.isDate = isDate
	if t.kind == tGreater {
		c.lo, c.loIncl = v, incl
	} else {
		c.hi, c.hiIncl = v, incl
	}
	return c, nil
}

// interval parses [lo TO hi], {lo TO hi} and their mixtures; * is open.
func (p *parser) interval(open token) (clause, *QueryError) {
	c := clause{kind: kRange, valPos: p.peek().pos, loIncl: open.incl}
	lo, loDate, err := p.bound("[", true)
	if err != nil {
		return c, err
	}
	if to := p.take(); to.kind != tString || to.s != "TO" || to.escaped {
		return c, p.errorf(to.pos, `expected "TO" in the range, found %s`, describe(to))
	}
	hi, hiDate, err := p.bound("TO", true)
	if err != nil {
		return c, err
	}
	closing := p.take()
	if closing.kind != tRBracket {
		if closing.kind == tEOF {
			return c, p.errorf(closing.pos, `missing "]" or "}" to close the range at position %d`, runeCol(p.src, open.pos))
		}
		return c, p.errorf(closing.pos, `expected "]" or "}", found %s`, describe(closing))
	}
	c.hiIncl = closing.incl
	if lo != "" && hi != "" && loDate != hiDate {
		return c, p.errorf(open.pos, "a range must have two numbers or two dates")
	}
	c.lo, c.hi, c.isDate = lo, hi, loDate || hiDate
	if lo == "" && hi == "" {
		return c, p.errorf(open.pos, "a range needs at least one bound")
	}
	return c, nil
}

// bound parses a range bound: a number, a date (quoted or not) or, when
// open is allowed, "*". It returns "" for "*".
func (p *parser) bound(after string, open bool) (string, bool, *QueryError) {
	v := p.take()
	neg := ""
	if v.kind == tMinus {
		neg = "-"
		v = p.take()
	}
	switch {
	case v.kind == tString && v.number:
		return neg + v.s, false, nil
	case neg != "":
	case v.kind == tString && open && v.s == "*" && !v.escaped:
		return "", false, nil
	case v.kind == tPhrase:
		return v.s, true, nil
	case v.kind == tString && !v.escaped && looksLikeDate(v.s):
		return v.s, true, nil
	}
	return "", false, p.errorf(v.pos, "expected a number or a date after %q, found %s", after, describe(v))
}

// looksLikeDate is true for YYYY-MM and YYYY-MM-DD (checked when compiled).
func looksLikeDate(s string) bool {
	return len(s) >= 7 && s[4] == '-' && strings.Trim(s, "0123456789-") == ""
}

// walkLeaves calls fn for each leaf of n, with negated true when the leaf
// is excluded (under NOT or -).
func walkLeaves(n *node, negated bool, fn func(c clause, negated bool)) {
	neg := negated != (n.occur == occMustNot)
	switch n.op {
	case opLeaf:
		fn(n.leaf, neg)
	case opNot:
		walkLeaves(n.kids[0], !neg, fn)
	default:
		for _, k := range n.kids {
			walkLeaves(k, neg, fn)
		}
	}
}
