package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestExpandChoices: the phrases a phrase with choices stands for, and
// the malformed groups it refuses.
func TestExpandChoices(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		err      string
	}{
		{name: "no group", in: "were affected", want: []string{"were affected"}},
		{name: "one group", in: "were (hit/affected)", want: []string{"were hit", "were affected"}},
		{name: "empty choice leaves the slot out", in: "were (also/) affected", want: []string{"were also affected", "were affected"}},
		{name: "two groups", in: "(a/ont) été (touché/touchés)", want: []string{"a été touché", "a été touchés", "ont été touché", "ont été touchés"}},
		{name: "group first and last", in: "(also/) hit (hard/)", want: []string{"also hit hard", "also hit", "hit hard", "hit"}},
		{name: "arabic", in: "(تأثرت/تضررت) (أيضا/)", want: []string{"تأثرت أيضا", "تأثرت", "تضررت أيضا", "تضررت"}},
		{name: "unbalanced", in: "were (hit", err: "unbalanced"},
		{name: "nested", in: "were (hit/(badly/) affected)", err: "unbalanced or nested"},
		{name: "slash outside a group is a character", in: "24/7", want: []string{"24/7"}},
		{name: "closing outside a group", in: "hit) (a/b)", err: "unbalanced"},
		{name: "only empty choices", in: "(/)", err: "empty"},
		{name: "too many forms", in: strings.Repeat("(a/b/c/d) ", 6), err: "more than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ExpandChoices(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ExpandChoices(%q) error = %v, want one containing %q", tt.in, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ExpandChoices(%q): %v", tt.in, err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("ExpandChoices(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

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
