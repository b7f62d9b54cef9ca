package news

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// sharedGold is the dev gold set, beside the repository in CI and on
// developers' machines.
var sharedGold = filepath.Join("..", "..", "..", "..", "..", "..", "shared", "eval", "news-dev.jsonl")

// TestSharedGoldSelfScore reads the real gold file and scores it against
// itself: every figure must be 1, and dropping the predictions must make
// every figure fall to 0 (the missing-prediction rule).
func TestSharedGoldSelfScore(t *testing.T) {
	f, err := os.Open(sharedGold)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not present", sharedGold)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadRecords(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) == 0 {
		t.Fatal("no gold records")
	}
	self := Score(gold, Index(gold))
	for _, k := range []string{"news.lang_accuracy", "news.detect_f1", "news.service", "news.start", "news.duration", "news.cause"} {
		if _, ok := self.Figures()[k]; !ok {
			t.Errorf("self score lacks %s", k)
		}
	}
	for k, v := range self.Figures() {
		if math.Abs(v-1) > 1e-9 {
			t.Errorf("self score %s = %v, want 1", k, v)
		}
	}
	if len(self.Misses) != 0 {
		t.Errorf("self score has %d misses, first %+v", len(self.Misses), self.Misses[0])
	}
	none := Score(gold, nil)
	for k, v := range none.Figures() {
		if v != 0 {
			t.Errorf("empty prediction %s = %v, want 0", k, v)
		}
	}
}
