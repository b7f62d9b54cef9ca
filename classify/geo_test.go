package classify

import (
	"sort"
	"strings"
	"testing"
)

// geoPlace is one name of geo.tsv as written.
type geoPlace struct {
	at, code, name string
	exact          bool // written with a leading '=': case-sensitive
}

// geoPlaces reads every country name and place name of the embedded
// geo.tsv.
func geoPlaces(t *testing.T) []geoPlace {
	t.Helper()
	name, b, err := readData("", fileGeo)
	if err != nil {
		t.Fatal(err)
	}
	var out []geoPlace
	err = lines(b, func(n int, cols []string) error {
		names := cols[1:2]
		if len(cols) > 2 {
			names = append(names, splitAlternatives(cols[2])...)
		}
		for _, p := range names {
			rest, exact := strings.CutPrefix(p, "=")
			out = append(out, geoPlace{at: name + ":" + itoa(n), code: cols[0], name: rest, exact: exact})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// foldWord is a word or name as the matchers compare it: lower case,
// letter and digit runs, Arabic without its article.
func foldWord(s string) string {
	toks := placeTokens(s)
	for i, w := range toks {
		if rest, ok := strings.CutPrefix(w, "ال"); ok && len([]rune(rest)) >= 2 {
			toks[i] = rest
		}
	}
	return strings.Join(toks, " ")
}

// wordSource is a set of names or words that must never be a place.
type wordSource struct {
	words  map[string]string // folded word → where it comes from
	prefix map[string]string // folded prefix of a lexicon "word*" → where
	exact  map[string]string // as written (for case-sensitive places) → where
}

func newWordSource() *wordSource {
	return &wordSource{words: map[string]string{}, prefix: map[string]string{}, exact: map[string]string{}}
}

func (ws *wordSource) add(word, where string) {
	word = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(word), "="))
	if p, ok := strings.CutSuffix(word, "*"); ok {
		if f := foldWord(p); f != "" {
			ws.prefix[f] = where
		}
		return
	}
	if f := foldWord(word); f != "" {
		ws.words[f] = where
		ws.exact[strings.Join(strings.Fields(word), " ")] = where
	}
}

// collides returns where a place's name is also a word of ws.
func (ws *wordSource) collides(p geoPlace) (string, bool) {
	if p.exact {
		where, ok := ws.exact[strings.Join(strings.Fields(p.name), " ")]
		return where, ok
	}
	f := foldWord(p.name)
	if where, ok := ws.words[f]; ok {
		return where, true
	}
	if strings.Contains(f, " ") {
		return "", false
	}
	for pre, where := range ws.prefix {
		if strings.HasPrefix(f, pre) {
			return where, true
		}
	}
	return "", false
}

// dataWords reads the names, aliases and words of the other data files
// that a place must never equal.
func dataWords(t *testing.T) map[string]*wordSource {
	t.Helper()
	src := map[string]*wordSource{}
	read := func(file string, fn func(where string, cols []string, ws *wordSource)) {
		name, b, err := readData("", file)
		if err != nil {
			t.Fatal(err)
		}
		ws := newWordSource()
		src[file] = ws
		if err := lines(b, func(n int, cols []string) error {
			fn(name+":"+itoa(n), cols, ws)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	read(fileServices, func(where string, cols []string, ws *wordSource) {
		ws.add(cols[0], where)
		if len(cols) > 3 {
			for _, a := range splitAlternatives(cols[3]) {
				ws.add(a, where)
			}
		}
	})
	read(fileOperators, func(where string, cols []string, ws *wordSource) {
		ws.add(cols[0], where)
		if len(cols) > 2 && cols[2] != "" {
			ws.add(cols[2], where)
		}
	})
	read("stopwords.tsv", func(where string, cols []string, ws *wordSource) {
		if len(cols) > 1 {
			for _, w := range strings.Fields(cols[1]) {
				ws.add(w, where)
			}
		}
	})
	read(fileLexicon, func(where string, cols []string, ws *wordSource) {
		if len(cols) < 4 || cols[1] == "notname" {
			return // a word that is never a service name may be a place ("paris")
		}
		for _, phrase := range splitAlternatives(cols[3]) {
			ws.add(phrase, where)
			for _, w := range strings.Fields(strings.TrimPrefix(phrase, "=")) {
				ws.add(w, where)
			}
		}
	})
	return src
}

// geoWordExceptions are places of geo.tsv that deliberately equal a word
// of another data file, each with the reason it is kept.
var geoWordExceptions = map[string]string{
	"swiss": "the adjective; the airline is the case-sensitive SWISS, and it is Swiss",
}

// TestGeoPlacesAreNotWords: no place of geo.tsv is a service or operator
// name, a stop-word or a word of the outage lexicon, else a derived
// service name would be dropped as a place, or a word would count as a
// mention of a country.
func TestGeoPlacesAreNotWords(t *testing.T) {
	places := geoPlaces(t)
	src := dataWords(t)
	files := make([]string, 0, len(src))
	for f := range src {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			for _, p := range places {
				if _, ok := geoWordExceptions[foldWord(p.name)]; ok {
					continue
				}
				if where, ok := src[file].collides(p); ok {
					t.Errorf("%s: place %q (%s) is also a word of %s", p.at, p.name, p.code, where)
				}
			}
		})
	}
}

// TestGeoLeavesOutCommonWords: places whose name is a brand or a common
// word in French, English or Arabic stay out of geo.tsv, or are written
// case-sensitive ('=') where the capitalised word is the place.
func TestGeoLeavesOutCommonWords(t *testing.T) {
	tests := []struct {
		word, why string
		exactOK   bool // may be listed case-sensitive
	}{
		{"orange", "French city and the operator", false},
		{"free", "the operator; free", false},
		{"three", "the operator; three", false},
		{"vodafone", "the operator", false},
		{"nice", "English adjective", true},
		{"var", "the football VAR", true},
		{"mobile", "Alabama; mobile networks", false},
		{"reading", "English verb", false},
		{"bath", "English noun", false},
		{"split", "English verb", false},
		{"nancy", "a first name", false},
		{"tours", "French and English noun", false},
		{"sale", "English noun; French adjective", false},
		{"salé", "French adjective", false},
		{"vienne", "Vienna in French, and a French département", false},
		{"nord", "north", false},
		{"lot", "French and English noun", false},
		{"cher", "French adjective", false},
		{"manche", "French noun; the Channel", false},
		{"ain", "Arabic transliterations (Ain Shams)", false},
		{"orne", "French verb (orner)", true},
		{"allier", "French verb", true},
		{"creuse", "French verb and adjective", true},
		{"la réunion", "the meeting", true},
		{"grand est", "French phrase (le plus grand est)", true},
		{"georgia", "the US state and the country", false},
		{"victoria", "a first name and several places", false},
		{"kingston", "several countries; a memory brand", false},
		{"halifax", "the bank", false},
		{"berne", "French: en berne", false},
		{"vannes", "French noun (valves)", false},
		{"الخبر", "Khobar: the news", false},
		{"صور", "Tyre: pictures", false},
		{"العين", "Al Ain: the eye", false},
		{"عمان", "Amman and Oman", false},
		{"بورصة", "Bursa: stock exchange", false},
		{"حائل", "Hail: an obstacle", false},
		{"عسير", "Asir: difficult", false},
		{"ينبع", "Yanbu: stems from", false},
		{"الشرقية", "eastern", false},
		{"الجديدة", "El Jadida: the new", false},
		{"العيون", "Laâyoune: the eyes", false},
		{"الوادي", "El Oued: the valley", false},
		{"البيض", "El Bayadh: eggs", false},
		{"معسكر", "Mascara: a camp", false},
		{"جنين", "Jenin: a fetus", false},
		{"الزرقاء", "Zarqa: blue", false},
		{"العقبة", "Aqaba: the obstacle", false},
		{"تدمر", "Palmyra: destroys", false},
		{"سرت", "Sirte: spread", false},
		{"مشهد", "Mashhad: a scene", false},
		{"قم", "Qom: rise", false},
		{"سيول", "Seoul: floods", false},
		{"ليل", "Lille: night", false},
		{"قابس", "Gabès: a plug", false},
		{"الأقصر", "Luxor: the shortest", false},
		{"السند", "Sindh: a bond", false},
	}
	places := map[string]geoPlace{}
	for _, p := range geoPlaces(t) {
		places[foldWord(p.name)] = p
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			p, ok := places[foldWord(tc.word)]
			if ok && !(tc.exactOK && p.exact) {
				t.Errorf("%s: %q (%s) is a place of %s; %s", p.at, p.name, tc.why, p.code, map[bool]string{true: "write it case-sensitive (=)", false: "leave it out"}[tc.exactOK])
			}
		})
	}
}
