package news

import (
	"io"
	"sort"
)

// Grouping is the B-cubed score of an article → event grouping.
type Grouping struct {
	N         int     // articles scored: gold records with a non-null event
	Precision float64 // mean over articles of |pred ∩ gold| / |pred|
	Recall    float64 // mean over articles of |pred ∩ gold| / |gold|
}

// F1 is the harmonic mean of precision and recall.
func (g Grouping) F1() float64 {
	if g.Precision+g.Recall == 0 {
		return 0
	}
	return 2 * g.Precision * g.Recall / (g.Precision + g.Recall)
}

// BCubed scores pred (record id → predicted event id) against the gold
// event keys. Only records whose gold event is not null are scored: a
// non-outage text has no incident, and its detection is scored elsewhere.
// A scored record with no predicted event (not detected as an outage, or no
// service named) is a cluster of its own. Clusters are computed over the
// scored records only.
func BCubed(gold []Record, pred map[string]string) Grouping {
	var ids []string
	goldOf, predOf := map[string]string{}, map[string]string{}
	for _, g := range gold {
		if g.Event == nil {
			continue
		}
		ids = append(ids, g.ID)
		goldOf[g.ID] = *g.Event
		if p, ok := pred[g.ID]; ok && p != "" {
			predOf[g.ID] = p
		} else {
			predOf[g.ID] = "\x00alone:" + g.ID
		}
	}
	if len(ids) == 0 {
		return Grouping{}
	}
	type cell struct{ g, p string }
	both, gsize, psize := map[cell]int{}, map[string]int{}, map[string]int{}
	for _, id := range ids {
		both[cell{goldOf[id], predOf[id]}]++
		gsize[goldOf[id]]++
		psize[predOf[id]]++
	}
	var p, r float64
	for _, id := range ids {
		c := float64(both[cell{goldOf[id], predOf[id]}])
		p += c / float64(psize[predOf[id]])
		r += c / float64(gsize[goldOf[id]])
	}
	n := float64(len(ids))
	return Grouping{N: len(ids), Precision: p / n, Recall: r / n}
}

// HasEvents reports whether any gold record carries an event key.
func HasEvents(gold []Record) bool {
	for _, g := range gold {
		if g.Event != nil {
			return true
		}
	}
	return false
}

// WriteGrouping writes the grouping scores: a header, then one row per
// named grouping.
func WriteGrouping(w io.Writer, rows []NamedGrouping) error {
	ew := &errWriter{w: w}
	ew.printf("\n%-22s %9s %9s %9s %5s\n", "event grouping", "precision", "recall", "f1", "n")
	for _, r := range rows {
		ew.printf("%-22s %9.3f %9.3f %9.3f %5d\n", r.Name, r.Precision, r.Recall, r.F1(), r.N)
	}
	return ew.err
}

// NamedGrouping is a row of WriteGrouping.
type NamedGrouping struct {
	Name string
	Grouping
}

// WriteGroupingErrors lists each gold event with the predicted event of
// each of its records ("none": no prediction).
func WriteGroupingErrors(w io.Writer, gold []Record, pred map[string]string) error {
	ew := &errWriter{w: w}
	byGold := map[string][]string{}
	for _, r := range gold {
		if r.Event != nil {
			byGold[*r.Event] = append(byGold[*r.Event], r.ID+"→"+orNone(pred[r.ID]))
		}
	}
	keys := make([]string, 0, len(byGold))
	for k := range byGold {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		ew.printf("  %s: %v\n", k, byGold[k])
	}
	return ew.err
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
