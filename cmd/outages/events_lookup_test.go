package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestEventsOfArticles: every article of the sorted table is found by
// binary search, absent ones are not, whatever their place in the order.
func TestEventsOfArticles(t *testing.T) {
	dir := t.TempDir()
	table := "article_id\tevent_ids\n"
	want := map[string][]string{}
	for i := 0; i < 200; i += 2 {
		id := fmt.Sprintf("a%04d", i)
		evs := []string{"ev" + id, "ev2"}
		if i%50 == 0 {
			// long lines: longer than the window read around a probe
			for k := 0; k < 300; k++ {
				evs = append(evs, fmt.Sprintf("ev-%s-%03d", id, k))
			}
		}
		table += id + "\t" + strings.Join(evs, ",") + "\n"
		want[id] = evs
	}
	table += "b\tlast" // no final newline
	want["b"] = []string{"last"}
	if err := os.WriteFile(filepath.Join(dir, eventsByArticle), []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for id := range want {
		ids = append(ids, id)
	}
	t.Run("present", func(t *testing.T) {
		if got := eventsOfArticles(dir, ids); !reflect.DeepEqual(got, want) {
			t.Errorf("got %d articles, want %d: %v", len(got), len(want), got)
		}
	})
	for _, id := range []string{"", "a", "a0001", "a0199", "a9", "article_id", "c", "ev2"} {
		t.Run("absent "+id, func(t *testing.T) {
			if got := eventsOfArticles(dir, []string{id}); len(got) != 0 {
				t.Errorf("%q: got %v, want nothing", id, got)
			}
		})
	}
	t.Run("header only", func(t *testing.T) {
		d := t.TempDir()
		if err := os.WriteFile(filepath.Join(d, eventsByArticle), []byte("article_id\tevent_ids\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := eventsOfArticles(d, ids); len(got) != 0 {
			t.Errorf("got %v", got)
		}
	})
	t.Run("no table", func(t *testing.T) {
		if got := eventsOfArticles(t.TempDir(), ids); len(got) != 0 {
			t.Errorf("got %v", got)
		}
	})
}
