package crawl

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestTrimChrome(t *testing.T) {
	prose := "Le service a été interrompu pendant trois heures mardi, selon l'opérateur régional."
	tests := []struct {
		name   string
		blocks []string
		kinds  []blockKind
		want   []string
	}{
		{"heading titling prose kept",
			[]string{"Les causes", prose},
			[]blockKind{blockHeading, blockText},
			[]string{"Les causes", prose}},
		{"heading of a removed link list dropped",
			[]string{prose, "Vidéos sur le même sujet", "Autres articles"},
			[]blockKind{blockText, blockHeading, blockHeading},
			[]string{prose}},
		{"trailing tool items dropped",
			[]string{prose, "Date 12.03.2024", "Imprimer", "Lien permanent https://s.example/p/1"},
			[]blockKind{blockText, blockItem, blockItem, blockItem},
			[]string{prose}},
		{"items before the last paragraph kept",
			[]string{"Premier point", "Second point", prose},
			[]blockKind{blockItem, blockItem, blockText},
			[]string{"Premier point", "Second point", prose}},
		{"trailing sentence items kept",
			[]string{prose, "Les lignes fixes ont été rétablies à midi."},
			[]blockKind{blockText, blockItem},
			[]string{prose, "Les lignes fixes ont été rétablies à midi."}},
		{"no prose at all: nothing trimmed but labels",
			[]string{"Titre", "Partager", "Un élément"},
			[]blockKind{blockHeading, blockText, blockItem},
			[]string{"Titre", "Un élément"}},
		{"arabic orphan heading",
			[]string{"انقطعت خدمة الإنترنت عن عدة مدن لمدة أربع ساعات صباح اليوم بسبب عطل في كابل بحري.", "مقالات ذات صلة"},
			[]blockKind{blockText, blockHeading},
			[]string{"انقطعت خدمة الإنترنت عن عدة مدن لمدة أربع ساعات صباح اليوم بسبب عطل في كابل بحري."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := trimChrome(tt.blocks, tt.kinds)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("trimChrome = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestClassTokens(t *testing.T) {
	tests := []struct {
		name         string
		class        string
		lede, hidden bool
	}{
		{"chapo", "article-chapo", true, false},
		{"drupal paragraph type", "paragraph paragraph--type--chapo", true, false},
		{"standfirst", "c-standfirst", true, false},
		{"lead but not leaderboard", "ad-leaderboard", false, false},
		{"perex", "field field-perex", true, false},
		{"hidden label is visible", "field field--label-hidden", false, false},
		{"responsive hiding is visible", "hidden-xs overflow-hidden", false, false},
		{"hidden token", "note hidden", false, true},
		{"is-hidden token", "is-hidden", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: tt.class}}}
			if got := hasLedeToken(n); got != tt.lede {
				t.Errorf("hasLedeToken(%q) = %v, want %v", tt.class, got, tt.lede)
			}
			if got := hasHiddenToken(strings.ToLower(tt.class)); got != tt.hidden {
				t.Errorf("hasHiddenToken(%q) = %v, want %v", tt.class, got, tt.hidden)
			}
		})
	}
}

func TestInvisibleCharacters(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"soft hyphens", "réac\u00adtion à la can\u00addi\u00adda\u00adture", "réaction à la candidature"},
		{"word joiner", "mot\u2060clé", "motclé"},
		{"arabic untouched", "انقطاع الخدمة", "انقطاع الخدمة"},
		{"only invisible", "\u00ad\u00ad", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := xCollapse(tt.in); got != tt.want {
				t.Errorf("xCollapse = %q, want %q", got, tt.want)
			}
			var b xTextBuilder
			b.text(tt.in)
			if got := b.String(); got != tt.want {
				t.Errorf("builder = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExtractLedes(t *testing.T) {
	body := `<div class="corps"><p>Les équipes techniques ont rétabli le réseau en fin de journée, après avoir remplacé un équipement défectueux, selon la direction.</p>
		<p>Les abonnés professionnels recevront un avoir, a précisé l'entreprise, qui promet un rapport détaillé sous quinze jours.</p>
		<p>Une association de consommateurs réclame, de son côté, une indemnisation pour tous les clients, y compris les particuliers.</p></div>`
	tests := []struct {
		name    string
		page    string
		want    []string
		wantNot []string
	}{
		{"sibling lede without class hint",
			`<div class="art"><div class="faits">Une panne a privé d'internet des milliers de foyers lundi matin. Le service est revenu dans l'après-midi, a indiqué l'opérateur.</div>` + body + `</div>`,
			[]string{"Une panne a privé"}, nil},
		{"lede in the headline block",
			`<div class="art"><div class="tete"><h1>Panne</h1><div class="standfirst"><p>Une panne a privé d'internet des milliers de foyers lundi matin.</p></div></div>` + body + `</div>`,
			[]string{"Une panne a privé d'internet"}, []string{"Panne\n"}},
		{"link-heavy block before the body is not a lede",
			`<div class="art"><div class="intro"><a href="/a">Une panne a privé d'internet des milliers de foyers</a> <a href="/b">lundi matin, selon nos confrères.</a></div>` + body + `</div>`,
			nil, []string{"Une panne a privé"}},
		{"short label is not a lede",
			`<div class="art"><div>Économie.</div>` + body + `</div>`,
			nil, []string{"Économie."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Extract([]byte("<html><body>"+tt.page+"</body></html>"), nil, Selectors{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(p.Body, "Les équipes techniques") {
				t.Fatalf("body lost the article:\n%s", p.Body)
			}
			for _, w := range tt.want {
				if !strings.Contains(p.Body, w) {
					t.Errorf("body lacks %q:\n%s", w, p.Body)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(p.Body, w) {
					t.Errorf("body has %q:\n%s", w, p.Body)
				}
			}
			if i, j := strings.Index(p.Body, "Une panne"), strings.Index(p.Body, "Les équipes"); i > j {
				t.Errorf("lede after the body:\n%s", p.Body)
			}
		})
	}
}
