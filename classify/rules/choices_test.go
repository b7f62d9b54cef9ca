package rules

import (
	"strings"
	"testing"
)

// FuzzExpandChoices: any phrase either expands into at most maxForms
// non-empty forms without a group mark left, or is refused with an error;
// it never panics.
func FuzzExpandChoices(f *testing.F) {
	for _, s := range []string{
		"were (also/) (badly/hard/) (affected/hit)",
		"(a/ont) (également/aussi/) été touchés",
		"24/7", "(/)", "((a/b)", "a) (b", "(تأثرت/تضررت) (أيضا/)", "( / / )", "(a/b)(c/d)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		forms, err := ExpandChoices(p)
		if err != nil {
			return
		}
		if len(forms) == 0 || len(forms) > maxForms {
			t.Fatalf("%q: %d forms", p, len(forms))
		}
		if !strings.ContainsAny(p, "()") {
			if len(forms) != 1 || forms[0] != p {
				t.Fatalf("%q without a group became %q", p, forms)
			}
			return
		}
		for _, fm := range forms {
			if fm == "" || strings.ContainsAny(fm, "()") {
				t.Fatalf("%q: form %q", p, fm)
			}
		}
	})
}
