package corpus

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestLastTxid reads bbolt's meta pages as bbolt writes them: one more
// transaction per commit.
func TestLastTxid(t *testing.T) {
	s := openTestStore(t)
	var prev uint64
	for i := range 3 {
		if _, err := s.Put(newArticle(fmt.Sprintf("https://a.example/%d", i), fmt.Sprintf("text %d", i))); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(s.Path())
		if err != nil {
			t.Fatal(err)
		}
		tx, err := lastTxid(f)
		f.Close()
		if err != nil || tx <= prev {
			t.Fatalf("after put %d: txid %d (before %d), %v", i, tx, prev, err)
		}
		prev = tx
	}
}

// TestSnapshotWhileWriting copies a store that this process holds open
// for writing (so the copy takes the raw path) while articles are added:
// every snapshot must open and check clean, with the articles stored
// before it started.
func TestSnapshotWhileWriting(t *testing.T) {
	s := openTestStore(t)
	for i := range 50 {
		if _, err := s.Put(newArticle(fmt.Sprintf("https://a.example/pre/%d", i), fmt.Sprintf("before %d", i))); err != nil {
			t.Fatal(err)
		}
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			s.Put(newArticle(fmt.Sprintf("https://a.example/during/%d", i), fmt.Sprintf("during %d %s", i, bytes.Repeat([]byte("x"), i%3000))))
		}
	}()
	defer func() { close(stop); wg.Wait() }()
	for round := range 3 {
		tmp, err := os.CreateTemp(t.TempDir(), "stage")
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := Snapshot(context.Background(), s.Path(), &buf, tmp); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		tmp.Close()
		copyPath := filepath.Join(t.TempDir(), "copy.db")
		if err := os.WriteFile(copyPath, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := OpenStore(copyPath, StoreOptions{ReadOnly: true})
		if err != nil {
			t.Fatalf("round %d: open the copy: %v", round, err)
		}
		rep := c.Check(context.Background(), 0)
		c.Close()
		if len(rep.Problems) > 0 || rep.Articles < 50 {
			t.Fatalf("round %d: copy holds %d articles, problems %v", round, rep.Articles, rep.Problems)
		}
	}
}
