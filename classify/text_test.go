package classify

import "testing"

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
