package index

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// sexpr renders a parsed query for comparison: (and …), (or …), (not …),
// leaves as field:kind:value, +x and -x for occurrences, ^b for boosts,
// "~" for a group of words side by side.
func sexpr(n *node) string {
	var s string
	switch n.op {
	case opLeaf:
		c := n.leaf
		kind := [...]string{"term", "phrase", "wild", "re", "num", "range", "all"}[c.kind]
		s = kind + ":" + c.value
		if c.kind == kRange {
			l, r := "{", "}"
			if c.loIncl {
				l = "["
			}
			if c.hiIncl {
				r = "]"
			}
			date := ""
			if c.isDate {
				date = "date"
			}
			s = fmt.Sprintf("range%s%s%s,%s%s", date, l, c.lo, c.hi, r)
		}
		if c.field != "" {
			s = c.field + "=" + s
		}
		if c.fuzziness > 0 {
			s += fmt.Sprintf("~%d", c.fuzziness)
		}
	case opNot:
		s = "(not " + sexpr(n.kids[0]) + ")"
	default:
		parts := make([]string, len(n.kids))
		for i, k := range n.kids {
			parts[i] = sexpr(k)
		}
		op := map[nodeOp]string{opAnd: "and", opOr: "or"}[n.op]
		if n.implicit {
			op += "~"
		}
		s = "(" + op + " " + strings.Join(parts, " ") + ")"
	}
	switch n.occur {
	case occMust:
		s = "+" + s
	case occMustNot:
		s = "-" + s
	}
	if n.boost > 0 {
		s += fmt.Sprintf("^%g", n.boost)
	}
	return s
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name, query string
		any, all    string // parsed with words side by side joined by OR, by AND
	}{
		{"word", "panne", "term:panne", ""},
		{"empty", "  ", "all:", ""},
		{"star", "*", "all:*", ""},
		{"words", "panne orange", "(or~ term:panne term:orange)", "(and~ term:panne term:orange)"},
		{"and", "panne AND orange", "(and term:panne term:orange)", ""},
		{"and symbols", "panne && orange", "(and term:panne term:orange)", ""},
		{"or", "panne OR orange", "(or term:panne term:orange)", ""},
		{"or symbols", "panne || orange", "(or term:panne term:orange)", ""},
		{"plus minus", "+panne -orange", "(or~ +term:panne -term:orange)", "(and~ +term:panne -term:orange)"},
		{"and not", "panne AND NOT orange", "(and term:panne (not term:orange))", ""},
		{"bang", "panne && !orange", "(and term:panne (not term:orange))", ""},
		{"not beside words is minus", "panne NOT orange", "(or~ term:panne -(and term:orange))", "(and~ term:panne -(and term:orange))"},
		{"not binds tighter than and", "NOT a AND b", "(and (not term:a) term:b)", ""},
		{"and binds tighter than or", "a OR b AND c", "(or term:a (and term:b term:c))", ""},
		{"and binds tighter than or, left", "a AND b OR c", "(or (and term:a term:b) term:c)", ""},
		{"implicit at its level", "a b AND c", "(or~ term:a (and term:b term:c))", "(and term:a term:b term:c)"},
		{"implicit and below or", "a OR b c", "(or term:a term:b term:c)", "(or term:a (and~ term:b term:c))"},
		{"parentheses", "(panne OR outage) AND cause:cyberattack", "(and (or term:panne term:outage) cause=term:cyberattack)", ""},
		{"nested", "((a))", "(and term:a)", ""},
		{"minus group", "-(a OR b) c", "(or~ -(or term:a term:b) term:c)", "(and~ -(or term:a term:b) term:c)"},
		{"plus inside group kept", "+(-a)", "+(and -term:a)", ""},
		{"double not", "NOT NOT a", "(not (not term:a))", ""},
		{"lower case words are words", "panne and orange or not", "(or~ term:panne term:and term:orange term:or term:not)", "(and~ term:panne term:and term:orange term:or term:not)"},
		{"quoted keyword", `"AND"`, "phrase:AND", ""},
		{"phrase", `"coupure de courant" réseau`, "(or~ phrase:coupure de courant term:réseau)", "(and~ phrase:coupure de courant term:réseau)"},
		{"field", "service:orange", "service=term:orange", ""},
		{"field phrase", `title:"panne géante"`, "title=phrase:panne géante", ""},
		{"field group", "cause:(cyberattack OR power)", "(or cause=term:cyberattack cause=term:power)", ""},
		{"field group words", "title:(panne orange)", "(or~ title=term:panne title=term:orange)", "(and~ title=term:panne title=term:orange)"},
		{"field group range", "duration:(>60 AND <=120)", "(and duration=range{60,} duration=range{,120])", ""},
		{"prefix", "panne*", "wild:panne*", ""},
		{"wildcard", "p?nne", "wild:p?nne", ""},
		{"regexp", "/pann.*/", "re:pann.*", ""},
		{"fuzzy", "panne~1", "term:panne~1", ""},
		{"fuzzy default", "panne~", "term:panne~1", ""},
		{"boost", "panne^2 orange", "(or~ term:panne^2 term:orange)", "(and~ term:panne^2 term:orange)"},
		{"group boost", "(a OR b)^3", "(or term:a term:b)^3", ""},
		{"number", "2024", "num:2024", ""},
		{"hyphen inside word", "wi-fi", "term:wi-fi", ""},
		{"escaped colon", `a\:b`, "term:a:b", ""},
		{"escaped keyword", `\AND`, "term:AND", ""},
		{"greater", "duration:>=120", "duration=range[120,}", ""},
		{"less", "duration:<30", "duration=range{,30}", ""},
		{"date quoted", `start:>="2024-01-01"`, "start=rangedate[2024-01-01,}", ""},
		{"date bare", "start:<2024-06", "start=rangedate{,2024-06}", ""},
		{"interval", "published:[2024-01-01 TO 2024-06-30]", "published=rangedate[2024-01-01,2024-06-30]", ""},
		{"interval exclusive", "duration:{60 TO 120}", "duration=range{60,120}", ""},
		{"interval mixed open", "duration:[60 TO *}", "duration=range[60,}", ""},
		{"negative number", "duration:[-5 TO 5]", "duration=range[-5,5]", ""},
		{"field minus number", "duration:-3", "duration=term:-3", ""},
		{"arabic", "انقطاع AND الكهرباء", "(and term:انقطاع term:الكهرباء)", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				all  bool
				want string
			}{{false, tt.any}, {true, tt.all}} {
				if c.want == "" {
					c.want = tt.any
				}
				n, err := parseQuery(tt.query, c.all)
				if err != nil {
					t.Fatalf("parseQuery(%q, all=%v): %v", tt.query, c.all, err)
				}
				if got := sexpr(n); got != c.want {
					t.Errorf("parseQuery(%q, all=%v) = %s, want %s", tt.query, c.all, got, c.want)
				}
			}
		})
	}
}

func TestParseQueryErrors(t *testing.T) {
	tests := []struct {
		query string
		pos   int    // byte offset
		msg   string // part of the message
	}{
		{"panne AND (orange", 17, `missing ")" to close the "(" at position 10`},
		{"panne AND", 9, "expected a term after AND, found end of query"},
		{"panne OR OR orange", 9, "expected a term after OR, found OR"},
		{"AND panne", 0, "AND needs a term before it"},
		{"OR panne", 0, "OR needs a term before it"},
		{"panne NOT", 9, "expected a term after NOT"},
		{"panne)", 5, `unexpected ")" without "("`},
		{"()", 0, "empty parentheses"},
		{"cause:()", 6, "empty parentheses"},
		{"cause:(a", 8, `missing ")"`},
		{`panne "réseau mobile`, 6, `missing closing '"'`},
		{"title:", 6, "expected a value"},
		{"+", 1, "expected a term"},
		{"-", 1, "expected a term"},
		{"panne^x", 5, "invalid boost"},
		{"panne^-1", 5, "invalid boost"},
		{"a~9", 1, "invalid fuzziness"},
		{"a*~1", 2, "fuzziness applies to a plain term only"},
		{":a", 0, "expected a term"},
		{`"":a`, 2, `unexpected ":"`},
		{"duration:>abc", 10, "expected a number or a date"},
		{"duration:[1 2]", 12, `expected "TO"`},
		{"duration:[1 TO 2", 16, `missing "]" or "}" to close the range at position 9`},
		{"duration:[1 TO 2 3]", 17, `expected "]" or "}"`},
		{"duration:[* TO *]", 9, "at least one bound"},
		{"start:[1 TO 2024-01-01]", 6, "two numbers or two dates"},
		{"duration:>*", 10, "expected a number or a date"},
		{"panne \\", 6, "escape character at end of query"},
		{"(a) OR", 6, "expected a term after OR"},
		{"a ]", 2, "unexpected a range bracket"},
		{"انقطاع AND (الكهرباء", 34, `missing ")"`},
		{strings.Repeat("(", 100) + "a" + strings.Repeat(")", 100), 64, "nested more than"},
		{strings.Repeat("NOT ", 100) + "a", 256, "nested more than"},
		{"\xff", 0, "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			n, err := parseQuery(tt.query, false)
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("parseQuery(%q) = %v, %v; want a *QueryError", tt.query, n, err)
			}
			if qe.Pos != tt.pos || !strings.Contains(qe.Msg, tt.msg) {
				t.Errorf("parseQuery(%q): %d %q, want %d %q", tt.query, qe.Pos, qe.Msg, tt.pos, tt.msg)
			}
		})
	}
}

func TestQueryErrorColumn(t *testing.T) {
	_, err := parseQuery("انقطاع AND (الكهرباء", false)
	want := `query "انقطاع AND (الكهرباء": position 20: missing ")" to close the "(" at position 11`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		"panne", `"power cut" -lang:fr`, "duration:>=30^2", `start:<"2024-01-01"`, "a~1 b* /c.d/", `\"x`, "+-", "é:ü",
		"panne AND (orange OR NOT sfr)", "cause:(cyberattack || power) && !x", "published:[2024-01 TO *}", "((a)^2)",
		"duration:(>1 AND <=2)", "انقطاع* NOT الكهرباء", "a:b:c", "[", "NOT", "TO", "a OR",
	} {
		f.Add(s, false)
	}
	im, err := newMapping()
	if err != nil {
		f.Fatal(err)
	}
	e := newExpander(im)
	f.Fuzz(func(t *testing.T, s string, all bool) {
		n, err := parseQuery(s, all)
		if err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("%q: error %v is not a QueryError", s, err)
			}
			if qe.Pos < 0 || qe.Pos > len(s) {
				t.Fatalf("%q: position %d out of range", s, qe.Pos)
			}
			return
		}
		if n == nil {
			t.Fatalf("%q: nil query and no error", s)
		}
		if _, err := e.compile(s, n, false); err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) || qe.Pos < 0 || qe.Pos > len(s) {
				t.Fatalf("%q: compile error %v", s, err)
			}
		}
		newHighlighter(e, n, false)
	})
}
