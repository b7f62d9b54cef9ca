package temporal

import (
	"flag"
	"os"
	"sort"
	"testing"

	"outages/classify/rules"
)

var (
	sharedDir  = flag.String("shared", "", "directory of the shared temporal vectors to score the real tagger on (skipped when empty)")
	showErrors = flag.Bool("errors", false, "with -shared, print every missed record")
)

// TestShared scores the real tagger on the shared vectors when -shared is
// given: go test ./cmd/outages/internal/eval/temporal -run TestShared -shared=DIR -v
func TestShared(t *testing.T) {
	if *sharedDir == "" {
		t.Skip("no -shared directory")
	}
	tg, err := rules.Load(rules.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Score(*sharedDir, tg.Tag)
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteTable(os.Stdout); err != nil {
		t.Fatal(err)
	}
	figs := rep.Figures()
	keys := make([]string, 0, len(figs))
	for k := range figs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%s = %.3f", k, figs[k])
	}
	if *showErrors {
		if err := rep.WriteErrors(os.Stdout); err != nil {
			t.Fatal(err)
		}
	}
}
