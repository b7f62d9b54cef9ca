package classify

import (
	"outages/classify/rules"
)

// loadTagger loads the rule engine (its files overridable from dir).
func loadTagger(dir string) (tagger, error) {
	t, err := rules.Load(rules.Options{Dir: dir})
	if err != nil {
		return nil, err
	}
	return t, nil
}
