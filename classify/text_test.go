package classify

import (
	"slices"
	"testing"
	"unicode"
)

func TestFoldLatinCoversTable(t *testing.T) {
	for r, f := range latinFold {
		if got, ok := foldLatin(r); !ok || got != f {
			t.Errorf("foldLatin(%q) = %q, %v; latinFold has %q", r, got, ok, f)
		}
	}
}

func TestTokenizeFolds(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"ascii", "Panne chez SFR", []string{"panne", "chez", "sfr"}},
		{"accents", "Électricité coupée à Zürich", []string{"electricite", "coupee", "a", "zurich"}},
		{"ligature and sharp s", "Œuvre Straße", []string{"oeuvre", "strasse"}},
		{"upper case folded through lower case", "ÅNGSTRÖM \u212Bngström ẞ", []string{"angstrom", "angstrom", "ss"}},
		{"arabic variants and harakat", "أَعْلَنَتْ الشركة إنقطاعاً", []string{"اعلنت", "الشركه", "انقطاعا"}},
		{"tatweel", "الـــكهرباء", []string{"الكهرباء"}},
		{"digits and decimals", "3.5 heures, 14h30", []string{"3.5", "heures", "14h30"}},
		{"ampersand", "AT&T down", []string{"at&t", "down"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tokenize(tt.text)
			var got []string
			for _, tk := range toks {
				got = append(got, tk.norm)
				if tk.norm != fold(tt.text[tk.start:tk.end]) {
					t.Errorf("token %q: norm %q, fold gives %q", tt.text[tk.start:tk.end], tk.norm, fold(tt.text[tk.start:tk.end]))
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("tokenize(%q)[%d] = %q, want %q", tt.text, i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestMatcherFilterKeepsKeys checks that the filter of a matcher's keys
// lets every key through, and that phrases are still found with it.
func TestMatcherFilterKeepsKeys(t *testing.T) {
	c := newTest(t)
	for name, m := range map[string]*matcher{"services": c.data.svcM, "countries": c.data.ctyM, "lexicon fr": c.data.lexM["fr"], "lexicon ar": c.data.lexM["ar"]} {
		for k := range m.exact {
			if !m.mayHave(wordHash(k)) {
				t.Errorf("%s: exact key %q filtered out", name, k)
			}
		}
		for k := range m.pre {
			if !m.mayHave(wordHash(k)) {
				t.Errorf("%s: prefix key %q filtered out", name, k)
			}
		}
	}
	m := newMatcher()
	for _, pat := range []string{"panne", "coupure de courant", "inaccessib*", "واتساب"} {
		p, err := compilePhrase(pat)
		if err != nil {
			t.Fatal(err)
		}
		m.add(p)
	}
	hits := m.find(newDoc("Une panne : le site est inaccessible, coupure de courant chez واتساب."))
	if len(hits) != 4 {
		t.Errorf("found %d phrases, want 4: %+v", len(hits), hits)
	}
}

// TestMatcherInsertedWords: the insert words of a matcher may stand
// between two words of a phrase (at most maxInserted, in one sentence),
// never before its first word or after its last, and never replace one.
func TestMatcherInsertedWords(t *testing.T) {
	m := newMatcher()
	for _, pat := range []string{"s'est effondré", "were disrupted", "cut off", "توقفت عن العمل", "panne"} {
		p, err := compilePhrase(pat)
		if err != nil {
			t.Fatal(err)
		}
		m.add(p)
	}
	for _, w := range []string{"aussi", "also", "badly", "بدورها"} {
		m.insert[w] = true
	}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"french adverb inside", "Le réseau s'est aussi effondré.", []string{"s'est aussi effondré"}},
		{"english adverb inside", "Flights were also disrupted.", []string{"were also disrupted"}},
		{"two adverbs", "Flights were also badly disrupted.", []string{"were also badly disrupted"}},
		{"three adverbs are too many", "Flights were also badly also disrupted.", nil},
		{"arabic adverb inside", "وتوقفت بدورها عن العمل.", []string{"وتوقفت بدورها عن العمل"}},
		{"adverb after the phrase is not part of it", "Power was cut off also.", []string{"cut off"}},
		{"adverb before the phrase is not part of it", "Also a panne.", []string{"panne"}},
		{"no adverb, no match", "Flights were badly delayed and disrupted.", nil},
		{"not across sentences", "Flights were also. Disrupted.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(tt.text)
			var got []string
			for _, h := range m.find(d) {
				got = append(got, d.span(h.from, h.to))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("found %q, want %q", got, tt.want)
			}
		})
	}
}

// TestIsWordRuneFastPaths compares isWordRune with its definition over the
// first planes of Unicode.
func TestIsWordRuneFastPaths(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		want := r == '\u0640' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || r == '&'
		if got := isWordRune(r); got != want {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestSentenceDots: a dot ends a sentence, except inside a word or a
// number and after an abbreviation.
func TestSentenceDots(t *testing.T) {
	tests := []struct {
		name, text string
		sents      int
	}{
		{"two sentences", "Rogers went down. Users complained.", 2},
		{"company suffix", "The chief of Rogers Communications Inc. has apologised for the outage.", 1},
		{"saint", "The system at St. Mary's Hospital failed on Monday.", 1},
		{"title", "Mr. Staffieri said service was restored.", 1},
		{"domain", "GitHub.com was down for 3.5 hours.", 1},
		{"an abbreviation ending a sentence joins the next (accepted)", "The outage hit Acme Corp. Users complained.", 1},
		{"a closing curly quote after the dot", "“The network is down.” Then it came back.", 2},
		{"a French closing guillemet after the dot", "« Le réseau est tombé.» Puis il est revenu.", 2},
		{"a no-break space after the dot", "Fin.\u00a0Puis la suite.", 2},
		{"a dash after the dot", "Fin.— Puis la suite.", 2},
		{"an Arabic letter right after the dot stays in the word", "انقطاع.الخدمة عادت", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tokenize(tt.text)
			if got := toks[len(toks)-1].sent - toks[0].sent + 1; got != tt.sents {
				t.Errorf("%q: %d sentences, want %d", tt.text, got, tt.sents)
			}
		})
	}
}
