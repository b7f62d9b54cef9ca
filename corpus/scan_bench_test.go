package corpus

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// BenchmarkScan measures the structural walk run before every query, and
// the full Check, on a store of 100,000 articles of about 3 KB.
func BenchmarkScan(b *testing.B) {
	s, err := OpenStore(filepath.Join(b.TempDir(), "corpus.db"), StoreOptions{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const n = 100_000
	body := strings.Repeat("Une panne du réseau a privé les abonnés de service. ", 60)
	for start := 0; start < n; start += 5000 {
		err := s.db.Update(func(tx *bolt.Tx) error {
			for i := start; i < start+5000; i++ {
				a := newArticle(fmt.Sprintf("https://news.example/%d", i), fmt.Sprintf("%d %s", i, body))
				if _, _, err := put(tx, a); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.Run("scan", func(b *testing.B) {
		for b.Loop() {
			if err := s.Scan(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("check", func(b *testing.B) {
		for b.Loop() {
			if r := s.Check(context.Background(), 0); len(r.Problems) > 0 || r.Articles != n {
				b.Fatalf("%d articles, %v", r.Articles, r.Problems)
			}
		}
	})
}
