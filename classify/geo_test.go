package classify

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"outages/corpus"
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
		{"angers", "English verb", true},
		{"lourdes", "French adjective (heavy)", true},
		{"menton", "French noun (chin)", true},
		{"le tampon", "French noun", false},
		{"la défense", "French noun (ministère de la Défense)", false},
		{"english", "the language", false},
		{"anglais", "the language", false},
		{"pantin", "French noun (puppet)", true},
		{"slough", "English noun and verb", false},
		{"highlands", "English noun", false},
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

// TestPlaceIsNeverTheService: a city, region or province named in an
// outage report is where the outage happened, never the service that
// failed, and it gives the outage's country.
func TestPlaceIsNeverTheService(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, title, body string
		place             string // must not be a service
		country           string // the main outage's country
	}{
		{"en English city", "Leeds: thousands offline",
			"Thousands of residents in Leeds were left without internet for five hours on Saturday.", "Leeds", "GB"},
		{"en English county", "Outage in Yorkshire",
			"Broadband customers in Yorkshire were offline for six hours on Sunday, the operator said.", "Yorkshire", "GB"},
		{"en Canadian province", "Manitoba outage",
			"Mobile internet went down across Manitoba for four hours on Monday.", "Manitoba", "CA"},
		{"en Australian state", "Queensland blackout",
			"Power was cut in Queensland for seven hours on Friday after a storm.", "Queensland", "AU"},
		{"en Emirate", "Sharjah internet outage",
			"Internet users in Sharjah were cut off for three hours on Thursday evening.", "Sharjah", "AE"},
		{"fr département", "Panne d'internet dans le Var",
			"La panne a privé des milliers d'abonnés d'internet samedi dans le Var.", "Var", "FR"},
		{"fr département with hyphens", "Bouches-du-Rhône : des foyers dans le noir",
			"Des milliers de foyers des Bouches-du-Rhône ont été privés d'électricité pendant trois heures mardi soir.", "Bouches-du-Rhône", "FR"},
		{"fr case-sensitive city", "Nice : panne de courant",
			"Une panne de courant a touché Nice pendant deux heures dimanche matin.", "Nice", "FR"},
		{"fr wilaya", "Coupure à Tizi Ouzou",
			"Une coupure d'électricité a touché Tizi Ouzou pendant quatre heures lundi.", "Tizi Ouzou", "DZ"},
		{"fr Emirate in French", "Charjah privée d'internet",
			"Les habitants de Charjah ont été privés d'internet pendant trois heures jeudi soir.", "Charjah", "AE"},
		{"fr African capital", "Panne à Kinshasa",
			"Les abonnés de Kinshasa ont été privés d'internet mobile pendant dix heures vendredi.", "Kinshasa", "CD"},
		{"ar wilaya", "انقطاع الكهرباء في تيزي وزو",
			"انقطعت الكهرباء عن أحياء واسعة في تيزي وزو لمدة أربع ساعات يوم الاثنين.", "تيزي وزو", "DZ"},
		{"ar Emirate", "انقطاع الإنترنت في الشارقة",
			"انقطع الإنترنت عن سكان الشارقة لمدة ثلاث ساعات مساء الخميس.", "الشارقة", "AE"},
		{"ar Emirate with a proclitic", "عطل في شبكة الإنترنت بالشارقة",
			"تعطلت خدمة الإنترنت المنزلي بالشارقة لمدة ساعتين صباح الجمعة.", "الشارقة", "AE"},
		{"ar Saudi province", "انقطاع الكهرباء في القصيم",
			"انقطع التيار الكهربائي عن عدة أحياء في القصيم لمدة خمس ساعات مساء الثلاثاء.", "القصيم", "SA"},
		{"ar Moroccan city", "عطل في الإنترنت بأكادير",
			"عانى مشتركو الإنترنت في أكادير من انقطاع دام ست ساعات يوم الأحد.", "أكادير", "MA"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &corpus.Article{Title: tc.title, Body: tc.body, Published: "2026-03-13"}
			c.Classify(a)
			if !a.IsOutage || len(a.Outages) == 0 {
				t.Fatalf("not an outage: %+v", a)
			}
			for _, o := range a.Outages {
				for _, n := range append([]string{o.Service}, o.Aliases...) {
					if foldWord(n) == foldWord(tc.place) {
						t.Errorf("the place %q is a service: %+v", tc.place, a.Outages)
					}
				}
			}
			if got := fmt.Sprint(a.Outages[0].Country); got != "["+tc.country+"]" {
				t.Errorf("%q: country %s, want [%s]", a.Outages[0].Service, got, tc.country)
			}
		})
	}
}

// TestPlaceCase: a case-sensitive place ('=' in geo.tsv) counts only as
// written; other places count in any case.
func TestPlaceCase(t *testing.T) {
	g, err := loadGeo("")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []string // codes of the places found, in order
		place      string   // a derived name to test as a place
		isPlace    bool
	}{
		{"département as written", "Orages dans le Var", []string{"FR"}, "Var", true},
		{"the football VAR is no place", "The referee checked the VAR twice", nil, "VAR", false},
		{"city as written", "Panne à Nice et à Toulon", []string{"FR", "FR"}, "Nice", true},
		{"the adjective is no place", "a nice day in Leeds", []string{"GB"}, "nice", false},
		{"case-insensitive place", "LEEDS and leeds", []string{"GB", "GB"}, "LEEDS", true},
		{"two words as written", "les orages de La Réunion", []string{"FR"}, "La Réunion", true},
		{"the meeting is no place", "lors de la réunion du conseil", nil, "la réunion", false},
		{"a case-sensitive country of countries.tsv", "US carriers and Verizon", []string{"US"}, "US", true},
		{"the pronoun us is no place", "Tell us what happened", nil, "us", false},
		{"longest name first", "storms in New South Wales", []string{"AU"}, "New South Wales", true},
		{"Arabic proclitic", "انقطاع الكهرباء بالشارقة وفي عجمان", []string{"AE", "AE"}, "الشارقة", true},
		{"a common Arabic word is no place", "نقلت الخبر وكالة الأنباء", nil, "الخبر", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			g.scan(tc.text, func(code string) { got = append(got, code) })
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("scan(%q) = %v, want %v", tc.text, got, tc.want)
			}
			if _, ok := g.codeOf(tc.place); ok != tc.isPlace {
				t.Errorf("codeOf(%q) place = %v, want %v", tc.place, ok, tc.isPlace)
			}
		})
	}
}

// FuzzPlaceWords: the words of a text are its lower-cased letter runs, each
// with the word as written, and scanning any text for places never fails.
func FuzzPlaceWords(f *testing.F) {
	for _, s := range []string{"", "Orages dans le Var", "VAR", "İzmir et IZMIR", "بالشارقة", "New South Wales", "l'Île-de-France", "x\u0307y", "=Nice|\t"} {
		f.Add(s)
	}
	g, err := loadGeo("")
	if err != nil {
		f.Fatal(err)
	}
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '\'' }
	f.Fuzz(func(t *testing.T, s string) {
		toks, raw := placeWords(s)
		if len(toks) != len(raw) {
			t.Fatalf("placeWords(%q): %d words, %d as written", s, len(toks), len(raw))
		}
		if want := strings.FieldsFunc(strings.ToLower(s), notWord); fmt.Sprint(toks) != fmt.Sprint(want) {
			t.Fatalf("placeWords(%q) = %q, want %q", s, toks, want)
		}
		for i := range toks {
			if toks[i] == "" || !strings.Contains(strings.ToLower(raw[i]), toks[i]) {
				t.Fatalf("placeWords(%q): word %q written %q", s, toks[i], raw[i])
			}
		}
		g.scan(s, func(string) {})
		g.codeOf(s)
	})
}

// TestRegionAliases: a country-wide cut reported in a region of the country
// carries the region's name as an alias, in each language; a place named
// without a locative ("Cairo's mayor") or the country itself does not.
func TestRegionAliases(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text string
		main       string
		alias      string // "" when no region alias is expected
	}{
		{"en internet in a state", "Internet shut down in Manipur\n\nAuthorities shut down mobile internet in Manipur on Tuesday for five days after clashes.", "Internet (India)", "Internet (Manipur)"},
		{"fr power in a city", "Coupure d'électricité à Paris\n\nUne panne d'électricité a touché 20 000 foyers à Paris mardi soir pendant trois heures.", "Power grid (France)", "Power grid (Paris)"},
		{"ar power in a city", "انقطاع الكهرباء في القاهرة\n\nانقطعت الكهرباء عن آلاف المنازل في القاهرة مساء الثلاثاء لعدة ساعات.", "Power grid (Egypt)", "Power grid (القاهرة)"},
		{"fr districts of a city", "Coupure d'électricité\n\nPlusieurs arrondissements de Paris se sont retrouvés privés d'électricité jeudi soir pendant deux heures.", "Power grid (France)", "Power grid (Paris)"},
		{"ar a governorate", "انقطاع الكهرباء\n\nانقطعت الكهرباء عن محافظة البصرة في العراق مساء الثلاثاء لعدة ساعات.", "Power grid (Iraq)", "Power grid (البصرة)"},
		{"en country only", "Blackout in Egypt\n\nA power cut hit Egypt on Tuesday, leaving millions of homes without electricity for hours.", "Power grid (Egypt)", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, _ := mainOutage(t, c, tt.text, "2024-06-05")
			if o.Service != tt.main {
				t.Fatalf("service %q, want %q", o.Service, tt.main)
			}
			regional := slices.ContainsFunc(o.Aliases, func(a string) bool { return strings.Contains(a, "(") })
			if tt.alias == "" && regional || tt.alias != "" && !slices.Contains(o.Aliases, tt.alias) {
				t.Errorf("aliases %q, want region alias %q", o.Aliases, tt.alias)
			}
		})
	}
}
