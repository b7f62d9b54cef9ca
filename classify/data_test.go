package classify

import (
	"slices"
	"testing"
)

// TestOneHitPerRuleAndSpan: two forms of one rule over the same words (an
// Arabic word written with its article, and the pattern without it) are
// one hit; two rules over the same words are two.
func TestOneHitPerRuleAndSpan(t *testing.T) {
	tests := []struct {
		name   string
		pats   []string
		owners []int
		text   string
		want   int
	}{
		{name: "article and bare form of one rule", pats: []string{"المباراه", "مباراه"}, owners: []int{0, 0}, text: "توقف البث خلال المباراة", want: 1},
		{name: "same forms in two rules", pats: []string{"المباراه", "مباراه"}, owners: []int{0, 1}, text: "توقف البث خلال المباراة", want: 2},
		{name: "one rule, two places", pats: []string{"panne"}, owners: []int{0}, text: "Une panne, puis une autre panne.", want: 2},
		{name: "one rule, nested phrases of other lengths", pats: []string{"coupure", "coupure de courant"}, owners: []int{0, 0}, text: "Une coupure de courant.", want: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMatcher()
			for i, pat := range tt.pats {
				p, err := compilePhrase(pat)
				if err != nil {
					t.Fatal(err)
				}
				p.owner = tt.owners[i]
				m.add(p)
			}
			if hits := m.find(newDoc(tt.text)); len(hits) != tt.want {
				t.Errorf("found %d hits, want %d: %+v", len(hits), tt.want, hits)
			}
		})
	}
}

// TestQuotedForms: an Arabic alias opened by a word that presents a name
// ("شركة", "شبكة") gives the name alone as a form to find between quotes;
// a word that is part of the name ("بنك") or a Latin alias gives none.
func TestQuotedForms(t *testing.T) {
	tests := []struct {
		name    string
		aliases []string
		want    []string
	}{
		{"company", []string{"شركة سوداني", "=Sudani"}, []string{"سوداني"}},
		{"network", []string{"شبكة جوال"}, []string{"جوال"}},
		{"bank is part of the name", []string{"بنك مصر"}, nil},
		{"latin after an arabic cue", []string{"منصة x"}, nil},
		{"no cue", []string{"زين السودان"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quotedForms(tt.aliases); !slices.Equal(got, tt.want) {
				t.Errorf("quotedForms(%q) = %q, want %q", tt.aliases, got, tt.want)
			}
		})
	}
}
