package classify

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
	"unicode"

	"outages/corpus"
)

// Data files of the country extraction.
const (
	fileGeo       = "geo.tsv"       // country codes and place names
	fileOperators = "operators.tsv" // a service's country and parent
)

// geoData is what country extraction needs: place names by first token,
// the codes of the gazetteer's national services, and the parent relation.
type geoData struct {
	places    map[string][]placeName // first token → names starting with it
	byName    map[string]string      // folded country or place name → code
	exact     map[string]string      // case-sensitive place name ("=Var") → code
	operators map[string][]string    // service → codes; nil slice for "*"
	global    map[string]bool        // services used worldwide
	parents   map[string]string      // service → parent
	tlds      map[string]string      // ccTLD → code
	countries map[string]string      // code → the country's name as in countries.tsv (first line of the code)
	version   string
}

type placeName struct {
	toks    []string // lower-case words
	raw     []string // the words as written, for a case-sensitive name; else nil
	code    string
	country bool // a name of the country itself (or its adjective), not a place in it
}

// loadGeo reads countries.tsv (names and adjectives), geo.tsv and
// operators.tsv from dir or the embedded copies.
func loadGeo(dir string) (*geoData, error) {
	g := &geoData{places: map[string][]placeName{}, byName: map[string]string{}, exact: map[string]string{}, operators: map[string][]string{},
		global: map[string]bool{}, parents: map[string]string{}, tlds: map[string]string{"uk": "GB"}, countries: map[string]string{}}
	h := sha256.New()
	codes := map[string]string{} // countries.tsv name → code
	err := readTable(dir, fileGeo, h, func(at string, cols []string) error {
		if len(cols) < 2 || len(cols) > 3 {
			return fmt.Errorf("%s: want 2 or 3 tab-separated columns (code, name, places), got %d", at, len(cols))
		}
		code := cols[0]
		if code != "-" && (len(code) != 2 || strings.ToUpper(code) != code) {
			return fmt.Errorf("%s: bad country code %q (want ISO 3166-1 alpha-2 or -)", at, code)
		}
		if code == "-" {
			code = ""
		}
		codes[strings.TrimPrefix(cols[1], "=")] = code
		if code != "" {
			g.tlds[strings.ToLower(code)] = code
			if _, ok := g.countries[code]; !ok {
				g.countries[code] = strings.TrimPrefix(cols[1], "=")
			}
		}
		g.addNames(code, []string{cols[1]}, true)
		if len(cols) == 3 {
			g.addNames(code, splitAlternatives(cols[2]), false)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTable(dir, fileCountries, h, func(at string, cols []string) error {
		if len(cols) == 2 {
			g.addNames(codes[cols[0]], splitAlternatives(cols[1]), true)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTable(dir, fileOperators, h, func(at string, cols []string) error {
		if len(cols) < 2 || len(cols) > 3 {
			return fmt.Errorf("%s: want 2 or 3 tab-separated columns (service, countries, parent), got %d", at, len(cols))
		}
		if cols[1] == "*" {
			g.global[cols[0]] = true
		} else {
			g.operators[cols[0]] = splitAlternatives(cols[1])
		}
		if len(cols) == 3 && cols[2] != "" {
			g.parents[cols[0]] = cols[2]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	g.version = hex.EncodeToString(h.Sum(nil)[:4])
	return g, nil
}

// addNames adds place names of a country; a leading '=' makes a name
// case-sensitive ("=Var" is not the football "VAR").
func (g *geoData) addNames(code string, names []string, country bool) {
	for _, n := range names {
		rest, exact := strings.CutPrefix(n, "=")
		toks, raw := placeWords(rest)
		if len(toks) == 0 {
			continue
		}
		pn := placeName{toks: toks, code: code, country: country}
		if exact {
			pn.raw = raw
			g.exact[strings.Join(raw, " ")] = code
		} else {
			g.byName[strings.Join(toks, " ")] = code
		}
		g.places[toks[0]] = append(g.places[toks[0]], pn)
	}
}

// codeOf returns the country code of a country or place name, and whether
// the name is one.
func (g *geoData) codeOf(name string) (string, bool) {
	toks, raw := placeWords(name)
	if code, ok := g.byName[strings.Join(toks, " ")]; ok {
		return code, true
	}
	code, ok := g.exact[strings.Join(raw, " ")]
	return code, ok
}

// placeTokens lower-cases s and splits it into letter and digit runs.
func placeTokens(s string) []string {
	toks, _ := placeWords(s)
	return toks
}

// placeWords splits s into letter and digit runs, lower-cased (toks) and
// as written (raw, one per lower-case word).
func placeWords(s string) (toks, raw []string) {
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '\'' }
	for _, w := range strings.FieldsFunc(s, notWord) {
		for _, t := range strings.FieldsFunc(strings.ToLower(w), notWord) {
			toks = append(toks, t)
			raw = append(raw, w)
		}
	}
	return toks, raw
}

// Parents returns the parent of each service that has one ("Instagram" →
// "Meta"), as operators.tsv gives it.
func (c *Classifier) Parents() map[string]string {
	if c.geo == nil {
		return nil
	}
	out := make(map[string]string, len(c.geo.parents))
	for k, v := range c.geo.parents {
		out[k] = v
	}
	return out
}

// setCountries fills the Country of each outage of a.
func (c *Classifier) setCountries(a *corpus.Article, text string) {
	if c.geo == nil {
		return
	}
	var ev *placeEvidence
	for i := range a.Outages {
		o := &a.Outages[i]
		o.Country = c.geo.countryOf(o, func() *placeEvidence {
			if ev == nil {
				ev = c.geo.evidence(a, text)
			}
			return ev
		})
	}
}

// countryOf decides an outage's countries, strongest evidence first: a
// country in the service's name ("Internet (Egypt)"), the gazetteer's
// country of an operator or utility, none for a service used worldwide,
// else the place names of the text with the host as weak evidence.
func (g *geoData) countryOf(o *corpus.Outage, text func() *placeEvidence) []string {
	if i, j := strings.LastIndexByte(o.Service, '('), strings.LastIndexByte(o.Service, ')'); i >= 0 && j > i {
		if code, ok := g.codeOf(o.Service[i+1 : j]); ok && code != "" {
			return []string{code}
		}
	}
	if codes, ok := g.operators[o.Service]; ok {
		return append([]string(nil), codes...)
	}
	if g.global[o.Service] {
		return []string{}
	}
	return text().best()
}

// Place evidence weights: a place named in the title, in the first
// paragraph, further on; the host's country-code domain; the language of
// a country's press (French for France) counts only as a tie-breaker.
const (
	placeTitle     = 3
	placeLede      = 2
	placeBody      = 1
	placeHost      = 2
	placeBodyCap   = 3 // most body mentions one country scores
	placeThreshold = 3 // least score that decides
	placeMargin    = 1.5
	ledeBytes      = 400
)

type placeEvidence struct {
	score map[string]float64
	lang  string
}

func (g *geoData) evidence(a *corpus.Article, text string) *placeEvidence {
	ev := &placeEvidence{score: map[string]float64{}, lang: a.Lang}
	g.scan(a.Title, func(code string) { ev.score[code] += placeTitle })
	body := strings.TrimPrefix(text, a.Title)
	lede := body
	if len(lede) > ledeBytes {
		lede = lede[:ledeBytes]
	}
	g.scan(lede, func(code string) { ev.score[code] += placeLede })
	capped := map[string]float64{}
	g.scan(body[len(lede):], func(code string) {
		if capped[code] < placeBodyCap {
			capped[code] += placeBody
			ev.score[code] += placeBody
		}
	})
	if u, err := url.Parse(a.URL); err == nil {
		host := u.Hostname()
		if a.Host != "" {
			host = a.Host
		}
		if k := strings.LastIndexByte(host, '.'); k >= 0 {
			if code, ok := g.tlds[host[k+1:]]; ok {
				ev.score[code] += placeHost
			}
		}
	}
	return ev
}

// pressLang is the language whose press is mostly one country's.
var pressLang = map[string]string{corpus.LangFrench: "FR"}

// best returns the country with the highest score when it reaches the
// threshold and clearly leads, else nothing.
func (ev *placeEvidence) best() []string {
	type cs struct {
		code  string
		score float64
	}
	var list []cs
	for c, s := range ev.score {
		if c != "" {
			list = append(list, cs{c, s})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		if p := pressLang[ev.lang]; list[i].code == p || list[j].code == p {
			return list[i].code == p
		}
		return list[i].code < list[j].code
	})
	if len(list) == 0 || list[0].score < placeThreshold {
		return []string{}
	}
	if len(list) > 1 && list[0].score < placeMargin*list[1].score {
		return []string{}
	}
	return []string{list[0].code}
}

// topCountry returns the name of the country whose places s names most
// (the first named on a tie), or "".
func (g *geoData) topCountry(s string) string {
	count := map[string]int{}
	var order []string
	g.scan(s, func(code string) {
		if code == "" {
			return
		}
		if count[code] == 0 {
			order = append(order, code)
		}
		count[code]++
	})
	best := ""
	for _, c := range order {
		if best == "" || count[c] > count[best] {
			best = c
		}
	}
	return g.countries[best]
}

// arabicPrefixes are the one-letter proclitics written joined to an Arabic
// word (and, with, for, so, as): "بمصر" is "in Egypt".
var arabicPrefixes = []string{"و", "ب", "ل", "ف", "ك"}

// scan calls fn with the code of every place name in s.
func (g *geoData) scan(s string, fn func(code string)) {
	toks, raw := placeWords(s)
	g.scanWords(toks, raw, func(pn placeName, _ int, _ string) { fn(pn.code) })
}

// scanWords calls fn with every place name found in the words toks (raw:
// as written), the index of its first word and the Arabic proclitic
// joined to that word ("" when none).
func (g *geoData) scanWords(toks, raw []string, fn func(pn placeName, i int, proclitic string)) {
	for i := 0; i < len(toks); i++ {
		first, proclitic := toks[i], ""
		cands := g.places[first]
		if cands == nil {
			for _, p := range arabicPrefixes {
				if rest, ok := strings.CutPrefix(first, p); ok && g.places[rest] != nil {
					cands, first, proclitic = g.places[rest], rest, p
					break
				}
			}
		}
		best := -1
		for k, pn := range cands {
			if matchAt(toks, raw, i, pn, first) && (best < 0 || len(pn.toks) > len(cands[best].toks)) {
				best = k
			}
		}
		if best >= 0 {
			fn(cands[best], i, proclitic)
			i += len(cands[best].toks) - 1
		}
	}
}

// locatives introduce where something happened ("in Manipur", "dans le
// Var", "في أمهرة"); articles may follow them.
var (
	locatives      = map[string]bool{"in": true, "across": true, "throughout": true, "à": true, "a": true, "dans": true, "en": true, "au": true, "aux": true, "sur": true, "في": true, "فى": true}
	placeArticles  = map[string]bool{"the": true, "le": true, "la": true, "les": true, "l": true}
	placeProclitic = map[string]bool{"ب": true}
	placeOf        = map[string]bool{"de": true, "d": true, "du": true, "des": true, "of": true}
	// regionNouns name a part of a place: before "de"/"of" ("quartiers de
	// Tunis", "parts of Texas") or, in Arabic, right before it ("محافظة البصرة").
	regionNouns = map[string]bool{
		"arrondissements": true, "arrondissement": true, "quartiers": true, "quartier": true, "ville": true, "région": true,
		"province": true, "département": true, "banlieue": true, "centre": true, "nord": true, "sud": true, "rues": true, "communes": true,
		"parts": true, "part": true, "districts": true, "areas": true, "city": true, "region": true, "state": true, "suburbs": true,
		"neighbourhoods": true, "neighborhoods": true, "north": true, "south": true, "east": true, "west": true, "much": true,
		"مدينة": true, "مدينه": true, "محافظة": true, "محافظه": true, "ولاية": true, "ولايه": true, "منطقة": true, "منطقه": true,
		"مناطق": true, "أحياء": true, "احياء": true, "إقليم": true, "اقليم": true, "جهة": true, "جهه": true,
	}
)

// regionsOf returns the places of country code that s names after a
// locative (anywhere in s when anywhere is set), as written in the
// gazetteer (lower case), each once; country names are not places here.
func (g *geoData) regionsOf(s, code string, anywhere bool) []string {
	toks, raw := placeWords(s)
	var out []string
	g.scanWords(toks, raw, func(pn placeName, i int, proclitic string) {
		if pn.code != code || pn.country {
			return
		}
		if anywhere {
			out = appendNew(out, pn)
			return
		}
		j := i - 1
		if j >= 0 && placeArticles[toks[j]] {
			j--
		}
		after := func(set map[string]bool) bool { return j >= 0 && set[toks[j]] }
		// "in Manipur", "dans le Var", "بالقاهرة"; "arrondissements de
		// Paris", "parts of Texas"; "محافظة البصرة"
		ofRegion := after(placeOf) && j >= 1 && regionNouns[toks[j-1]]
		if !placeProclitic[proclitic] && !after(locatives) && !ofRegion && !(i > 0 && regionNouns[toks[i-1]]) {
			return
		}
		out = appendNew(out, pn)
	})
	return out
}

// appendNew appends the name of place pn to out unless it is there.
func appendNew(out []string, pn placeName) []string {
	name := strings.Join(pn.toks, " ")
	if pn.raw != nil {
		name = strings.Join(pn.raw, " ")
	}
	if slices.Contains(out, name) {
		return out
	}
	return append(out, name)
}

// matchAt reports whether place pn is written at toks[i:] (raw: the words
// as written, for a case-sensitive name); first is toks[i] without its
// Arabic proclitic.
func matchAt(toks, raw []string, i int, pn placeName, first string) bool {
	if i+len(pn.toks) > len(toks) || pn.toks[0] != first {
		return false
	}
	for k := range pn.toks {
		if k > 0 && toks[i+k] != pn.toks[k] {
			return false
		}
		if pn.raw != nil && raw[i+k] != pn.raw[k] {
			return false
		}
	}
	return true
}
