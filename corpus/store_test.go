package corpus

import (
	"errors"
	"path/filepath"
	"sync"
	"testing"
)

func newArticle(url, body string) *Article {
	a := &Article{ID: ArticleID(url), URL: url, Title: "t", Body: body, Lang: LangFrench}
	a.ContentHash = TextHash(a.Title + "\n" + a.Body)
	a.Fetch = Fetch{URL: url, ETag: `"v1"`}
	return a
}

func openTestStore(t *testing.T) *Store {
	t.Helper()
	s, err := OpenStore(filepath.Join(t.TempDir(), "corpus.db"), StoreOptions{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStorePut(t *testing.T) {
	tests := []struct {
		name    string
		puts    []*Article
		want    []PutResult
		wantErr []error
		count   int
	}{
		{
			name:  "new article is added",
			puts:  []*Article{newArticle("https://a.example/1", "Panne du réseau.")},
			want:  []PutResult{Added},
			count: 1,
		},
		{
			name:  "same article twice is unchanged",
			puts:  []*Article{newArticle("https://a.example/1", "x y z"), newArticle("https://a.example/1", "x y z")},
			want:  []PutResult{Added, Unchanged},
			count: 1,
		},
		{
			name:  "changed text is an update",
			puts:  []*Article{newArticle("https://a.example/1", "first"), newArticle("https://a.example/1", "second")},
			want:  []PutResult{Added, Updated},
			count: 1,
		},
		{
			name:    "same text under another URL is a duplicate",
			puts:    []*Article{newArticle("https://a.example/1", "same text"), newArticle("https://b.example/2", "Same  text!")},
			want:    []PutResult{Added, Unchanged},
			wantErr: []error{nil, ErrDuplicate},
			count:   1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTestStore(t)
			for i, a := range tt.puts {
				got, err := s.Put(a)
				var wantErr error
				if tt.wantErr != nil {
					wantErr = tt.wantErr[i]
				}
				if !errors.Is(err, wantErr) || (wantErr == nil && err != nil) {
					t.Fatalf("put %d: err = %v, want %v", i, err, wantErr)
				}
				if got != tt.want[i] {
					t.Errorf("put %d = %v, want %v", i, got, tt.want[i])
				}
			}
			if n, _ := s.Count(); n != tt.count {
				t.Errorf("count = %d, want %d", n, tt.count)
			}
		})
	}
}

func TestStoreSinceAndValidators(t *testing.T) {
	s := openTestStore(t)
	a1 := newArticle("https://a.example/1", "one")
	a2 := newArticle("https://a.example/2", "two")
	for _, a := range []*Article{a1, a2} {
		if _, err := s.Put(a); err != nil {
			t.Fatal(err)
		}
	}
	mark, _ := s.LastSeq()
	if mark != 2 {
		t.Fatalf("LastSeq = %d, want 2", mark)
	}
	// Nothing new since the mark.
	var seen []string
	collect := func(a *Article) error { seen = append(seen, a.URL); return nil }
	if err := s.Since(mark, collect); err != nil || len(seen) != 0 {
		t.Fatalf("Since(mark) = %v, %v; want nothing", seen, err)
	}
	// Updating a1 moves it after the mark, once.
	a1b := newArticle("https://a.example/1", "one, revised")
	if r, err := s.Put(a1b); err != nil || r != Updated {
		t.Fatalf("update = %v, %v", r, err)
	}
	if err := s.Since(mark, collect); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 1 || seen[0] != a1.URL {
		t.Errorf("Since(mark) = %v, want [%s]", seen, a1.URL)
	}
	seen = nil
	if err := s.All(collect); err != nil || len(seen) != 2 {
		t.Errorf("All = %v, %v; want 2 articles", seen, err)
	}
	etag, _, ok, err := s.Validators(a2.Fetch.URL)
	if err != nil || !ok || etag != `"v1"` {
		t.Errorf("Validators = %q %v %v", etag, ok, err)
	}
	if _, _, ok, _ := s.Validators("https://unknown.example/"); ok {
		t.Error("validators for an unknown URL")
	}
	got, err := s.Get(a1.ID)
	if err != nil || got == nil || got.Body != "one, revised" || got.Seq != 3 {
		t.Errorf("Get = %+v, %v", got, err)
	}
}

func TestStoreReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corpus.db")
	s, err := OpenStore(path, StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := newArticle("https://a.example/"+string(rune('a'+i)), "body "+string(rune('a'+i)))
			if _, err := s.Put(a); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	s.Close()
	ro, err := OpenStore(path, StoreOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if n, _ := ro.Count(); n != 20 {
		t.Errorf("count after reopen = %d, want 20", n)
	}
}

func TestStoreRejectsBadInput(t *testing.T) {
	s := openTestStore(t)
	if _, err := s.Put(&Article{}); err == nil {
		t.Error("Put of an article with no id: want an error")
	}
	if _, err := OpenStore(filepath.Join(t.TempDir(), "missing.db"), StoreOptions{ReadOnly: true}); err == nil {
		t.Error("read-only open of a missing store: want an error")
	}
}

func TestOutageJSON(t *testing.T) {
	tests := []struct {
		name string
		in   Outage
		want string
	}{
		{"empty optional fields are null", Outage{Service: "X", Kind: KindOnlineService},
			`{"service":"X","aliases":[],"kind":"online_service","start":null,"start_time":null,"end":null,"duration_min":null,"duration_kind":null,"cause":"unknown","cause_alt":[],"cause_denied":[],"evidence":{"start":[],"duration":[],"cause":[]}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.in.MarshalJSON()
			if err != nil || string(b) != tt.want {
				t.Fatalf("got %s, %v\nwant %s", b, err, tt.want)
			}
			var back Outage
			if err := back.UnmarshalJSON(b); err != nil {
				t.Fatal(err)
			}
			if back.Start != "" || back.Service != "X" || back.Cause != CauseUnknown {
				t.Errorf("round trip = %+v", back)
			}
		})
	}
}

func TestTextHash(t *testing.T) {
	// Stored hashes are compared with new ones: the values never change.
	for text, want := range map[string]string{
		"Panne  géante, chez Orange!":                 "b34185acb8e28b96ba9268bf833e3b42",
		"انقطاع  الإنترنت، في مصر!\n2024 — Ünïcode ǅ": "cfd8871879acc3dc54e2497c5e3b4cd9",
	} {
		if got := TextHash(text); got != want {
			t.Errorf("TextHash(%q) = %s, want %s", text, got, want)
		}
	}
	if TextHash("Panne  géante, chez Orange!") != TextHash("panne géante chez orange") {
		t.Error("TextHash must ignore case, punctuation and spacing")
	}
	if TextHash("panne à Paris") == TextHash("panne à Lyon") {
		t.Error("different texts must hash differently")
	}
}
