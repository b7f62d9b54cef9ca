package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestSalvage finds every article of a store whose tree is destroyed.
func TestSalvage(t *testing.T) {
	s := openTestStore(t)
	want := map[string]bool{}
	for i := range 40 {
		a := newArticle(fmt.Sprintf("https://a.example/%d", i), fmt.Sprintf("article %d", i))
		if _, err := s.Put(a); err != nil {
			t.Fatal(err)
		}
		want[a.ID] = true
	}
	// a second version of one article: Salvage keeps the newest
	upd := newArticle("https://a.example/3", "article 3, updated")
	if _, err := s.Put(upd); err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2*4096; i++ { // both meta pages: bbolt cannot open it
		raw[i] = 0
	}
	path := filepath.Join(t.TempDir(), "broken.db")
	os.WriteFile(path, raw, 0o644)
	if _, err := OpenStore(path, StoreOptions{ReadOnly: true}); err == nil {
		t.Fatal("the broken store opened")
	}
	got := map[string]*Article{}
	rep, err := Salvage(context.Background(), path, func(a *Article) error {
		got[a.ID] = a
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Articles != len(want) || len(got) != len(want) || len(rep.Lost) != 0 {
		t.Fatalf("salvaged %d (%d distinct), lost %v; want %d", rep.Articles, len(got), rep.Lost, len(want))
	}
	if g := got[upd.ID]; g == nil || g.Body != upd.Body {
		t.Errorf("article 3 = %+v, want the updated version", g)
	}
}

func FuzzSalvage(f *testing.F) {
	f.Add([]byte(`{"id":"00","url":"https://x/","seq":1}`))
	f.Add([]byte(`xx{"id":"{"id":"{"id":"`))
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(t.TempDir(), "f.db")
		os.WriteFile(path, b, 0o644)
		Salvage(context.Background(), path, func(*Article) error { return nil })
	})
}
