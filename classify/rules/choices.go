package rules

import (
	"errors"
	"fmt"
	"strings"
)

// maxForms bounds how many phrases one phrase with choices may stand for.
const maxForms = 2048

// ExpandChoices returns the phrases a phrase with choices stands for: each
// group "(a/b/)" is replaced by each of its choices (whole words), an empty
// choice leaving the slot out ("were (also/) (affected/hit)" is four
// phrases). A phrase without a group stands for itself ("24/7" too). The
// rule files and classify's data files (lexicon.tsv, cues.tsv) share it.
func ExpandChoices(p string) ([]string, error) {
	if !strings.ContainsAny(p, "()") {
		return []string{p}, nil
	}
	forms, err := expandGroups(p)
	if err != nil {
		return nil, fmt.Errorf("phrase %q: %w", p, err)
	}
	for _, f := range forms {
		if f == "" {
			return nil, fmt.Errorf("phrase %q: a choice leaves it empty", p)
		}
	}
	return forms, nil
}

func expandGroups(p string) ([]string, error) {
	open := strings.IndexByte(p, '(')
	if open < 0 {
		if strings.IndexByte(p, ')') >= 0 {
			return nil, errors.New("')' outside a group \"(a/b)\"")
		}
		return []string{strings.Join(strings.Fields(p), " ")}, nil
	}
	end := strings.IndexByte(p[open:], ')')
	if end < 0 || strings.IndexByte(p[:open], ')') >= 0 || strings.IndexByte(p[open+1:open+end], '(') >= 0 {
		return nil, errors.New("unbalanced or nested group")
	}
	rest, err := expandGroups(p[open+end+1:])
	if err != nil {
		return nil, err
	}
	var out []string
	for _, choice := range strings.Split(p[open+1:open+end], "/") {
		for _, r := range rest {
			out = append(out, strings.Join(strings.Fields(p[:open]+" "+choice+" "+r), " "))
		}
		if len(out) > maxForms {
			return nil, fmt.Errorf("more than %d forms", maxForms)
		}
	}
	return out, nil
}
