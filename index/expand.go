package index

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"outages/corpus"
)

// synonymGroup is a set of equivalent domain terms in each language, with
// optional language-neutral fields that express the same concept.
type synonymGroup struct {
	terms map[string][]string // lang → terms (words or short phrases)
	cause string              // also matches outages with this cause
	kind  string              // also matches outages of this kind
}

// synonyms is the multilingual synonym set used for cross-language search.
// It is read-only: built once and never modified.
var synonyms = []synonymGroup{
	{terms: map[string][]string{
		"en": {"outage", "downtime", "disruption", "blackout", "down", "unavailable", "unreachable", "offline"},
		"fr": {"panne", "coupure", "interruption", "perturbation", "dysfonctionnement", "indisponible", "inaccessible", "hors service"},
		"ar": {"انقطاع", "عطل تقني", "تعطل", "توقف", "خلل", "غير متاح", "خارج الخدمة"},
	}},
	{terms: map[string][]string{
		"en": {"power cut", "power outage", "electricity", "blackout"},
		"fr": {"coupure de courant", "électricité", "délestage", "courant"},
		"ar": {"الكهرباء", "التيار الكهربائي"},
	}, kind: corpus.KindPower},
	{terms: map[string][]string{
		"en": {"internet", "connectivity", "connection"},
		"fr": {"internet", "connexion", "connectivité"},
		"ar": {"الإنترنت", "الانترنت", "اتصال"},
	}, kind: corpus.KindInternet},
	{terms: map[string][]string{
		"en": {"network", "mobile", "telecom", "operator"},
		"fr": {"réseau", "mobile", "télécom", "opérateur"},
		"ar": {"شبكة", "الاتصالات", "مشغل"},
	}},
	{terms: map[string][]string{
		"en": {"cyberattack", "attack", "hack", "hackers", "ddos", "ransomware"},
		"fr": {"cyberattaque", "attaque", "piratage", "pirates", "rançongiciel"},
		"ar": {"هجوم", "اختراق", "قراصنة", "هجوم إلكتروني"},
	}, cause: corpus.CauseCyberattack},
	{terms: map[string][]string{
		"en": {"cable", "submarine cable", "fiber"},
		"fr": {"câble", "câble sous-marin", "fibre"},
		"ar": {"كابل", "الكابل البحري", "الألياف"},
	}, cause: corpus.CauseCableCut},
	{terms: map[string][]string{
		"en": {"storm", "flood", "earthquake", "heatwave", "fire"},
		"fr": {"tempête", "inondation", "séisme", "canicule", "incendie"},
		"ar": {"عاصفة", "فيضان", "زلزال", "حريق"},
	}, cause: corpus.CauseWeatherDisaster},
	{terms: map[string][]string{
		"en": {"maintenance"},
		"fr": {"maintenance", "travaux"},
		"ar": {"صيانة"},
	}, cause: corpus.CauseMaintenance},
	{terms: map[string][]string{
		"en": {"update", "upgrade", "configuration"},
		"fr": {"mise à jour", "configuration"},
		"ar": {"تحديث"},
	}, cause: corpus.CauseSoftwareChange},
	{terms: map[string][]string{
		"en": {"bug", "glitch"},
		"fr": {"bogue", "bug"},
		"ar": {"خطأ برمجي"},
	}, cause: corpus.CauseSoftwareBug},
	{terms: map[string][]string{
		"en": {"shutdown", "censorship"},
		"fr": {"censure"},
		"ar": {"حجب", "قطع الإنترنت"},
	}, cause: corpus.CauseGovernment},
}

// expander rewrites parsed query clauses into Bleve queries, expanding
// plain terms across languages through the synonym set.
type expander struct {
	m *mapping.IndexMappingImpl
	// index[lang][analysed form] → groups the form belongs to
	index map[string]map[string][]int

	plainUnion bool // tests: Bleve's disjunction for text clauses (see union.go)
}

func newExpander(m *mapping.IndexMappingImpl) *expander {
	e := &expander{m: m, index: map[string]map[string][]int{}}
	for gi, g := range synonyms {
		for lang, terms := range g.terms {
			for _, t := range terms {
				key := e.analyzedKey(lang, t)
				if key == "" {
					continue
				}
				if e.index[lang] == nil {
					e.index[lang] = map[string][]int{}
				}
				e.index[lang][key] = appendUnique(e.index[lang][key], gi)
			}
		}
	}
	return e
}

func appendUnique(s []int, v int) []int {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// analyzedKey is the space-joined analysed form of text in lang.
func (e *expander) analyzedKey(lang, text string) string {
	return strings.Join(e.analyze(lang, text), " ")
}

func (e *expander) analyze(lang, text string) []string {
	return e.analyzeWith(analyzerFor(lang), text)
}

// analyzeWith returns the terms of text under the named analyzer.
func (e *expander) analyzeWith(analyzer, text string) []string {
	a := e.m.AnalyzerNamed(analyzer)
	if a == nil {
		return nil
	}
	var out []string
	for _, t := range a.Analyze([]byte(text)) {
		out = append(out, string(t.Term))
	}
	return out
}

// groupsOf returns the synonym groups text belongs to in any language.
func (e *expander) groupsOf(text string) []int {
	var out []int
	for _, lang := range []string{corpus.LangFrench, corpus.LangArabic, corpus.LangEnglish} {
		key := e.analyzedKey(lang, text)
		if key == "" {
			continue
		}
		for _, g := range e.index[lang][key] {
			out = appendUnique(out, g)
		}
	}
	return out
}

// textFields returns the per-language text fields a field alias stands for.
func textFields(field string) []string {
	var out []string
	for _, l := range langs {
		switch field {
		case "", "text":
			out = append(out, titleField(l), bodyField(l))
		case "title":
			out = append(out, titleField(l))
		case "body":
			out = append(out, bodyField(l))
		}
	}
	return out
}

// keywordFields maps query-string field names to keyword fields and the
// prefix of their terms (lang, kind, cause, month and duration bucket live
// in the facets field as "<facet>:<value>").
var keywordFields = map[string]struct{ field, prefix string }{
	"host": {fHost, ""}, "source": {fHost, ""},
	"service": {fServices, ""}, "services": {fServices, ""},
	"cause_alt": {fCausesAlt, ""}, "denied": {fDenied, ""}, "cause_denied": {fDenied, ""},
	"lang": {fFacets, "lang:"},
	"kind": {fFacets, "kind:"}, "kinds": {fFacets, "kind:"},
	"cause": {fFacets, "cause:"}, "causes": {fFacets, "cause:"},
	"month": {fFacets, "month:"}, "duration_bucket": {fFacets, "duration:"},
}

// facetTerm is the term of value in the facets field.
func facetTerm(facet, value string) query.Query { return termQuery(fFacets, facet+":"+value) }

// langOfField returns the language suffix of a text field.
func langOfField(f string) string { return f[strings.LastIndexByte(f, '_')+1:] }

// matchQuery matches text in a text field with the field's analyzer. A
// word that analyses to one term becomes a term query: Bleve's match query
// would wrap it in a one-child disjunction, per partition, that every hit
// passes through for the same score.
func (e *expander) matchQuery(field, lang, text string, fuzz int, phrase bool, boost float64) query.Query {
	if !phrase && fuzz == 0 && !strings.ContainsRune(strings.TrimSpace(text), ' ') {
		if terms := e.analyze(lang, text); len(terms) == 1 {
			q := query.NewTermQuery(terms[0])
			q.SetField(field)
			if boost > 0 {
				q.SetBoost(boost)
			}
			return q
		}
	}
	if phrase || strings.ContainsRune(strings.TrimSpace(text), ' ') {
		q := query.NewMatchPhraseQuery(text)
		q.SetField(field)
		q.Analyzer = analyzerFor(lang)
		if fuzz > 0 {
			q.SetFuzziness(fuzz)
		}
		if boost > 0 {
			q.SetBoost(boost)
		}
		return q
	}
	q := query.NewMatchQuery(text)
	q.SetField(field)
	q.Analyzer = analyzerFor(lang)
	q.SetFuzziness(fuzz)
	if boost > 0 {
		q.SetBoost(boost)
	}
	return q
}

func termQuery(field, v string) query.Query {
	q := query.NewTermQuery(v)
	q.SetField(field)
	return q
}

// compile turns a parsed query into a Bleve query.
func (e *expander) compile(src string, n *node, exact bool) (query.Query, error) {
	q, err := e.bare(src, n, exact)
	if err != nil {
		return nil, err
	}
	if n.occur == occMustNot {
		return query.NewBooleanQuery([]query.Query{query.NewMatchAllQuery()}, nil, []query.Query{q}), nil
	}
	return q, nil
}

// bare compiles n without its occurrence (+ or -), which its group applies.
func (e *expander) bare(src string, n *node, exact bool) (query.Query, error) {
	var q query.Query
	var err error
	switch n.op {
	case opLeaf:
		q, err = e.clauseQuery(src, n.leaf, exact)
	case opNot:
		k := n.kids[0]
		q, err = e.bare(src, k, exact)
		if err == nil && k.occur != occMustNot { // NOT -x is x
			q = query.NewBooleanQuery([]query.Query{query.NewMatchAllQuery()}, nil, []query.Query{q})
		}
	default:
		q, err = e.group(src, n, exact)
	}
	if err != nil {
		return nil, err
	}
	if n.boost > 0 {
		if bq, ok := q.(query.BoostableQuery); ok {
			bq.SetBoost(n.boost)
		}
	}
	return q, nil
}

// group compiles an AND or OR group: +x is required and -x excluded in
// either; the other members are all required (AND) or at least one is
// (OR).
func (e *expander) group(src string, n *node, exact bool) (query.Query, error) {
	var must, should, mustNot []query.Query
	for _, k := range n.kids {
		if k.op == opNot && k.occur == occShould && k.kids[0].occur != occMustNot && n.op == opAnd {
			q, err := e.bare(src, k.kids[0], exact) // a AND NOT b: exclude b here
			if err != nil {
				return nil, err
			}
			mustNot = append(mustNot, q)
			continue
		}
		q, err := e.bare(src, k, exact)
		if err != nil {
			return nil, err
		}
		switch {
		case k.occur == occMust:
			must = append(must, q)
		case k.occur == occMustNot:
			mustNot = append(mustNot, q)
		case n.op == opAnd:
			must = append(must, q)
		default:
			should = append(should, q)
		}
	}
	if n.implicit {
		if pq := e.phraseBoost(n); pq != nil {
			should = append(should, pq)
		}
	}
	if len(must) == 0 && len(should) == 0 {
		must = append(must, query.NewMatchAllQuery())
	}
	b := query.NewBooleanQuery(must, should, mustNot)
	if len(must) == 0 {
		b.SetMinShould(1)
	}
	return b, nil
}

// phraseBoost is the optional clause that ranks first the articles where
// the plain words of a group side by side appear as one phrase ("coupure
// de courant" before an article with "coupure" and "courant" apart), or
// nil when the group has fewer than two such words.
func (e *expander) phraseBoost(n *node) query.Query {
	var words []string
	for _, k := range n.kids {
		c := k.leaf
		if k.op == opLeaf && k.occur != occMustNot && c.field == "" && c.kind == kTerm && c.fuzziness == 0 && k.boost == 0 {
			words = append(words, c.value)
		}
	}
	if len(words) < 2 {
		return nil
	}
	text := strings.Join(words, " ")
	fields := textFields("")
	qs := make([]query.Query, 0, len(fields))
	for _, f := range fields {
		qs = append(qs, e.matchQuery(f, langOfField(f), text, 0, true, phraseBoostWeight))
	}
	return query.NewDisjunctionQuery(qs)
}

// phraseBoostWeight weighs the phrase of the words of a query.
const phraseBoostWeight = 2.0

func (e *expander) clauseQuery(src string, c clause, exact bool) (query.Query, error) {
	field := strings.ToLower(c.field)
	qerr := func(pos int, format string, args ...interface{}) error {
		return &QueryError{Query: src, Pos: pos, Msg: fmt.Sprintf(format, args...)}
	}
	switch c.kind {
	case kRange:
		return e.rangeQuery(src, c, field)
	case kAll:
		return query.NewMatchAllQuery(), nil
	}
	switch field {
	case "", "text", "title", "body":
		return e.textQuery(c, field, exact), nil
	case "is_outage", "outage":
		v := strings.ToLower(c.value)
		if c.kind != kTerm || (v != "true" && v != "false") {
			return nil, qerr(c.valPos, "%s: want true or false", c.field)
		}
		q := query.NewBoolFieldQuery(v == "true")
		q.SetField(fIsOutage)
		return q, nil
	case "published", "start":
		if c.kind != kTerm {
			return nil, qerr(c.valPos, "%s: want a date YYYY, YYYY-MM or YYYY-MM-DD", c.field)
		}
		lo, hi, ok := dateSpan(c.value)
		if !ok {
			return nil, qerr(c.valPos, "%s: bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", c.field, c.value)
		}
		t := true
		f := false
		q := query.NewDateRangeInclusiveQuery(lo, hi, &t, &f)
		q.SetField(map[string]string{"published": fPublished, "start": fStart}[field])
		return q, nil
	case "duration", "duration_min":
		if c.kind != kTerm && c.kind != kNumber {
			return nil, qerr(c.valPos, "%s: want a number of minutes", c.field)
		}
		var v float64
		if _, err := fmt.Sscan(c.value, &v); err != nil {
			return nil, qerr(c.valPos, "%s: want a number of minutes, found %q", c.field, c.value)
		}
		t := true
		q := query.NewNumericRangeInclusiveQuery(&v, &v, &t, &t)
		q.SetField(fDurations)
		return q, nil
	}
	kw, ok := keywordFields[field]
	if !ok {
		return nil, qerr(c.fieldAt, "unknown field %q", c.field)
	}
	v := c.value
	if kw.field == fServices || kw.field == fHost {
		v = strings.ToLower(v)
	}
	switch c.kind {
	case kWildcard:
		q := query.NewWildcardQuery(kw.prefix + v)
		q.SetField(kw.field)
		return q, nil
	case kRegexp:
		q := query.NewRegexpQuery(regexp.QuoteMeta(kw.prefix) + "(?:" + v + ")")
		q.SetField(kw.field)
		return q, nil
	}
	return termQuery(kw.field, kw.prefix+v), nil
}

// textQuery searches title and body fields in every language with each
// field's analyzer, plus the service names, plus (unless exact) the
// synonyms of the term in the other languages.
func (e *expander) textQuery(c clause, field string, exact bool) query.Query {
	var qs []query.Query
	fields := textFields(field)
	if c.kind == kWildcard || c.kind == kRegexp {
		return e.patternQuery(c, field)
	}
	phrase := c.kind == kPhrase
	for _, f := range fields {
		boost := 1.0
		if strings.HasPrefix(f, "title_") {
			boost = 1.5
		}
		qs = append(qs, e.matchQuery(f, langOfField(f), c.value, c.fuzziness, phrase, boost))
	}
	if field == "" {
		qs = append(qs, termQuery(fServices, strings.ToLower(strings.TrimSpace(c.value))))
	}
	if !exact && c.fuzziness == 0 {
		for _, gi := range e.groupsOf(c.value) {
			g := synonyms[gi]
			for _, f := range fields {
				lang := langOfField(f)
				for _, s := range g.terms[lang] {
					qs = append(qs, e.matchQuery(f, lang, s, 0, false, 0.7))
				}
			}
			if field == "" && g.cause != "" {
				q := facetTerm("cause", g.cause)
				q.(query.BoostableQuery).SetBoost(0.5)
				qs = append(qs, q)
			}
			if field == "" && g.kind != "" {
				q := facetTerm("kind", g.kind)
				q.(query.BoostableQuery).SetBoost(0.5)
				qs = append(qs, q)
			}
		}
	}
	return newUnion(qs, e.plainUnion)
}

// patternQuery matches a prefix*, a wild?card or a /regexp/ against the
// unstemmed words of the text (the *_exact fields), and against service
// names for an unfielded query.
func (e *expander) patternQuery(c clause, field string) query.Query {
	var qs []query.Query
	fields := exactFields(field)
	if field == "" {
		fields = append(fields, fServices)
	}
	v := strings.ToLower(c.value)
	prefix, isPrefix := e.exactPrefix(c)
	for _, f := range fields {
		switch {
		case isPrefix && f == fServices:
			q := query.NewPrefixQuery(strings.ToLower(strings.TrimSuffix(c.value, "*")))
			q.SetField(f)
			qs = append(qs, q)
		case isPrefix:
			q := query.NewPrefixQuery(prefix)
			q.SetField(f)
			qs = append(qs, q)
		case c.kind == kWildcard:
			q := query.NewWildcardQuery(v)
			q.SetField(f)
			qs = append(qs, q)
		default:
			q := query.NewRegexpQuery(v)
			q.SetField(f)
			qs = append(qs, q)
		}
	}
	return query.NewDisjunctionQuery(qs)
}

// exactPrefix returns the prefix of a prefix* clause as the *_exact
// fields hold it: through the exact analyzer (lower case, elision, Unicode
// and Arabic normalisation), so that "L'Opér*" and "أنقطا*" meet the
// indexed forms.
func (e *expander) exactPrefix(c clause) (string, bool) {
	prefix, ok := strings.CutSuffix(c.value, "*")
	if !ok || c.kind != kWildcard || strings.ContainsAny(prefix, "*?") {
		return "", false
	}
	if ts := e.analyzeWith(analyzerExact, prefix); len(ts) == 1 {
		return ts[0], true
	}
	return strings.ToLower(prefix), true
}

func (e *expander) rangeQuery(src string, c clause, field string) (query.Query, error) {
	qerr := func(format string, args ...interface{}) error {
		return &QueryError{Query: src, Pos: c.valPos, Msg: fmt.Sprintf(format, args...)}
	}
	switch field {
	case "duration", "duration_min":
		if c.isDate {
			return nil, qerr("%s: want a number of minutes", c.field)
		}
		var bounds [2]*float64
		for i, s := range [2]string{c.lo, c.hi} {
			if s == "" {
				continue
			}
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil, qerr("%s: %q is not a number of minutes", c.field, s)
			}
			bounds[i] = &v
		}
		loIncl, hiIncl := c.loIncl, c.hiIncl
		q := query.NewNumericRangeInclusiveQuery(bounds[0], bounds[1], &loIncl, &hiIncl)
		q.SetField(fDurations)
		return q, nil
	case "published", "start":
		if !c.isDate {
			return nil, qerr("%s: want a date such as 2024-07-01", c.field)
		}
		var lo, hi time.Time
		var loIncl, hiIncl *bool
		t, f := true, false
		if c.lo != "" {
			a, b, ok := dateSpan(c.lo)
			if !ok {
				return nil, qerr("%s: bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", c.field, c.lo)
			}
			lo, loIncl = a, &t // on or after the day (the month...) ...
			if !c.loIncl {
				lo = b // ... or after its end
			}
		}
		if c.hi != "" {
			a, b, ok := dateSpan(c.hi)
			if !ok {
				return nil, qerr("%s: bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", c.field, c.hi)
			}
			hi, hiIncl = b, &f // up to the end of the day (the month...) ...
			if !c.hiIncl {
				hi = a // ... or before its start
			}
		}
		q := query.NewDateRangeInclusiveQuery(lo, hi, loIncl, hiIncl)
		q.SetField(map[string]string{"published": fPublished, "start": fStart}[field])
		return q, nil
	}
	return nil, &QueryError{Query: src, Pos: c.fieldAt, Msg: fmt.Sprintf("field %q has no range (use duration, published or start)", c.field)}
}

// dateSpan returns [lo, hi) of a YYYY, YYYY-MM or YYYY-MM-DD date.
func dateSpan(s string) (lo, hi time.Time, ok bool) {
	for _, f := range []struct {
		layout string
		y, m   int
		d      int
	}{{"2006-01-02", 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006", 1, 0, 0}} {
		if len(s) != len(f.layout) {
			continue
		}
		t, err := time.Parse(f.layout, s)
		if err != nil {
			return lo, hi, false
		}
		return t, t.AddDate(f.y, f.m, f.d), true
	}
	return lo, hi, false
}
