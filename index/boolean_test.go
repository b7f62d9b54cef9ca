package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"outages/corpus"
)

// boolFixtures add to fixtures articles that the boolean tests need: a
// story that uses an outage word in passing, and one about the operator
// that is not an outage.
func boolFixtures() []*corpus.Article {
	return append(fixtures(),
		art("fr4", "fr", "2024-02-08", "La croissance en panne",
			"Les ménages gardent leur voiture plus longtemps : le marché automobile est en panne, la panne dure et les pannes de confiance aussi.",
		),
		art("fr5", "fr", "2024-07-09", "Le réseau mobile s'étend",
			"L'opérateur annonce de nouvelles antennes pour son réseau mobile dans les villages.",
		),
	)
}

func TestBooleanSearch(t *testing.T) {
	dir := t.TempDir()
	writeIndex(t, dir, Options{}, boolFixtures()...)
	r := openReader(t, dir)
	tests := []struct {
		name  string
		q     Query
		want  []string
		exact bool // want is the whole set, not a subset
	}{
		{"and", Query{Text: "panne AND réseau", ExactLang: true}, []string{"fr1"}, true},
		{"plus", Query{Text: "+panne +réseau", ExactLang: true}, []string{"fr1"}, true},
		{"and not", Query{Text: "panne AND NOT réseau", ExactLang: true}, []string{"fr4"}, true},
		{"minus", Query{Text: "+panne -réseau", ExactLang: true}, []string{"fr4"}, true},
		{"not beside", Query{Text: "panne NOT réseau", ExactLang: true}, []string{"fr4"}, true},
		{"not alone", Query{Text: "NOT lang:ar"}, []string{"fr1", "fr2", "fr3", "fr4", "fr5", "en1", "en2", "en3"}, true},
		{"minus alone", Query{Text: "-lang:ar -lang:en"}, []string{"fr1", "fr2", "fr3", "fr4", "fr5"}, true},
		{"or", Query{Text: "cyberattaque OR budget", ExactLang: true}, []string{"fr2", "fr3"}, true},
		{"words any", Query{Text: "cyberattaque budget", ExactLang: true}, []string{"fr2", "fr3"}, true},
		{"words all", Query{Text: "pannes réseau", ExactLang: true, AllWords: true}, []string{"fr1"}, true},
		{"words all none", Query{Text: "cyberattaque budget", ExactLang: true, AllWords: true}, nil, true},
		{"groups", Query{Text: "(panne OR cyberattaque) AND lang:fr AND NOT mairie", ExactLang: true}, []string{"fr1", "fr4"}, true},
		{"field group", Query{Text: "cause:(cyberattack OR cable_cut)"}, []string{"fr2", "ar1"}, true},
		{"field group title", Query{Text: "title:(panne AND croissance)", ExactLang: true}, []string{"fr4"}, true},
		{"cross-language in groups", Query{Text: "outage AND lang:fr"}, []string{"fr1", "fr2", "fr4"}, true},
		{"prefix unstemmed", Query{Text: "panne*"}, []string{"fr1", "fr4"}, true},
		{"prefix longer than the stem", Query{Text: "pannes*"}, []string{"fr1", "fr4"}, true},
		{"prefix after elision", Query{Text: "opérat*"}, []string{"fr1", "fr5"}, true},
		{"prefix upper case", Query{Text: "OPÉRAT*"}, []string{"fr1", "fr5"}, true},
		{"prefix arabic", Query{Text: "انقطا*"}, []string{"ar1"}, true},
		{"prefix with the article", Query{Text: "الانقطا*"}, []string{"ar2"}, true},
		{"prefix title only", Query{Text: "title:cyber*"}, []string{"fr2"}, true},
		{"prefix service", Query{Text: "sonel*"}, []string{"ar2"}, true},
		{"wildcard", Query{Text: "p?nnes"}, []string{"fr1", "fr4"}, true},
		{"duration >=", Query{Text: "duration:>=300"}, []string{"ar1", "ar2", "en2"}, true},
		{"duration interval", Query{Text: "duration:[45 TO 90]"}, []string{"en1", "en2"}, true},
		{"duration interval exclusive", Query{Text: "duration:{45 TO 90}"}, nil, true},
		{"duration open", Query{Text: "duration:[600 TO *]"}, []string{"ar1", "ar2"}, true},
		{"start >=", Query{Text: `start:>="2024-08-01"`}, []string{"ar1", "ar2"}, true},
		{"start > month", Query{Text: `start:>2024-07`}, []string{"ar1", "ar2"}, true},
		{"start < day", Query{Text: `start:<2024-06-01`}, []string{"fr2", "ar3"}, true},
		{"published interval", Query{Text: "published:[2024-01-01 TO 2024-06-30]"}, []string{"ar3", "fr3", "fr4"}, true},
		{"published interval months", Query{Text: "published:[2024-07 TO 2024-07]"}, []string{"fr1", "fr5", "en1", "en2"}, true},
		{"published interval exclusive", Query{Text: "published:{2024-07-03 TO 2024-07-25}"}, []string{"fr5", "en1"}, true},
		{"range and words", Query{Text: "(panne OR outage) AND duration:<60", ExactLang: true}, []string{"en1"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(t, r, tt.q)
			sort.Strings(tt.want)
			if !sameIDs(got, tt.want) {
				t.Errorf("%q: got %v, want %v", tt.q.Text, got, tt.want)
			}
		})
	}
}

// TestOutagesRankFirst: of articles with the same words, outage reports
// come first, unless the query names is_outage.
func TestOutagesRankFirst(t *testing.T) {
	dir := t.TempDir()
	writeIndex(t, dir, Options{}, boolFixtures()...)
	r := openReader(t, dir)
	for _, tt := range []struct {
		text        string
		first, then string
	}{
		{"panne", "fr1", "fr4"}, // fr4 says "panne" four times, one in its title
		{"panne*", "fr1", "fr4"},
	} {
		got := ranked(t, r, Query{Text: tt.text, ExactLang: true})
		if pos(got, tt.first) < 0 || pos(got, tt.first) > pos(got, tt.then) {
			t.Errorf("%q: %v, want %s before %s", tt.text, got, tt.first, tt.then)
		}
	}
	got := ids(t, r, Query{Text: "panne AND is_outage:false", ExactLang: true})
	if !sameIDs(got, []string{"fr4"}) {
		t.Errorf("panne AND is_outage:false: %v, want [fr4]", got)
	}
}

// TestPhraseRanksFirst: words side by side rank first the articles where
// they form a phrase.
func TestPhraseRanksFirst(t *testing.T) {
	dir := t.TempDir()
	writeIndex(t, dir, Options{},
		art("p1", "fr", "2024-01-02", "Titre", "Le réseau fixe tient, mais le mobile souffre.", outageSpec{service: "A"}),
		art("p2", "fr", "2024-01-02", "Titre", "Le réseau mobile souffre.", outageSpec{service: "B"}),
	)
	r := openReader(t, dir)
	for _, all := range []bool{false, true} {
		got := ranked(t, r, Query{Text: "réseau mobile", ExactLang: true, AllWords: all})
		if strings.Join(got, " ") != "p2 p1" {
			t.Errorf("all=%v: %v, want p2 (the phrase) first", all, got)
		}
	}
}

// ranked runs q and returns the IDs of the hits, best first.
func ranked(t *testing.T, r *Reader, q Query) []string {
	t.Helper()
	res, err := r.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Article.ID)
	}
	return out
}

func pos(ids []string, id string) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
}

func TestSearchErrorsFromCompile(t *testing.T) {
	r := fixtureReader(t)
	for _, tt := range []struct {
		text string
		pos  int
	}{
		{"lang:fr AND colour:red", 12},
		{"title:[1 TO 2]", 0},
		{"duration:>=2024-01-01", 11},
		{`start:>="someday"`, 8},
		{"start:[2024-13 TO 2025-01]", 7},
		{"is_outage:maybe", 10},
	} {
		t.Run(tt.text, func(t *testing.T) {
			_, err := r.Search(context.Background(), Query{Text: tt.text})
			qe, ok := err.(*QueryError)
			if !ok || qe.Pos != tt.pos {
				t.Errorf("%q: %v, want a QueryError at %d", tt.text, err, tt.pos)
			}
		})
	}
}

// TestPrefixNeedsSchema3: on an index built before the *_exact fields a
// prefix query says to reindex instead of matching nothing.
func TestPrefixNeedsSchema3(t *testing.T) {
	dir := t.TempDir()
	writeIndex(t, dir, Options{}, fixtures()...)
	metas, _ := filepath.Glob(filepath.Join(dir, "gen-*", metaFile))
	if len(metas) != 1 {
		t.Fatalf("meta files: %v", metas)
	}
	raw, err := os.ReadFile(metas[0])
	if err != nil {
		t.Fatal(err)
	}
	old := strings.Replace(string(raw), fmt.Sprintf(`"schema_version": %d`, SchemaVersion), `"schema_version": 2`, 1)
	if old == string(raw) {
		t.Fatalf("no schema_version in %s", raw)
	}
	os.WriteFile(metas[0], []byte(old), 0o644)
	r := openReader(t, dir)
	if _, err := r.Search(context.Background(), Query{Text: "lang:fr AND panne*"}); err == nil || !strings.Contains(err.Error(), "reindex") {
		t.Errorf("prefix on schema 2: %v, want an error saying to reindex", err)
	}
	if got := ids(t, r, Query{Text: "panne", ExactLang: true}); !sameIDs(got, []string{"fr1"}) {
		t.Errorf("plain word on schema 2: %v", got)
	}
}
