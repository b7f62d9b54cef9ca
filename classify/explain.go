package classify

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"outages/classify/model"
)

// Explanation says why Classify decided what it did: the language and how
// it was found, the rules that fired with their weights, the score, and for
// each outage the phrases behind each value.
type Explanation struct {
	Version   string              `json:"version"`
	Language  langResult          `json:"language"`
	Published *Phrase             `json:"published,omitempty"` // publication date found in the text
	Score     float64             `json:"score"`               // detection model score
	Margin    float64             `json:"margin"`              // the score from which the text is an outage report (reportMargin)
	Evidence  model.Features      `json:"evidence"`            // the detection model's features
	Gated     bool                `json:"gated"`               // no outage word near a subject: not a report whatever the score
	IsOutage  bool                `json:"is_outage"`
	Fired     []Fired             `json:"fired"`
	Outages   []OutageExplanation `json:"outages"`
	Notes     []string            `json:"notes,omitempty"`
}

// Fired is one lexicon rule that matched: a trigger, or counter-evidence
// (another sense, a general discussion, a planned cut, a denial).
type Fired struct {
	Rule   string  `json:"rule"`  // file:line
	Class  string  `json:"class"` // lexicon class, with its tag when the line has one ("general:ranking")
	Text   string  `json:"text"`  // the matched text
	Weight float64 `json:"weight"`
	Start  int     `json:"start"` // byte offsets in the classified text
	End    int     `json:"end"`
	Note   string  `json:"note,omitempty"`
}

// Phrase is a value with the text it was read from and the rule that read it.
type Phrase struct {
	Value string `json:"value"`
	Text  string `json:"text"`
	Rule  string `json:"rule,omitempty"`
}

// OutageExplanation gives, for one outage, where its service was named and
// the phrases behind its start, duration and cause.
type OutageExplanation struct {
	Service      string       `json:"service"`
	Kind         string       `json:"kind"`
	Rule         string       `json:"rule,omitempty"` // gazetteer line, or the cue that found the name
	Mentions     []string     `json:"mentions"`
	Rank         float64      `json:"rank"` // how much the text is about it; the highest is the main outage
	Start        *Phrase      `json:"start,omitempty"`
	Duration     *Phrase      `json:"duration,omitempty"`
	Cause        []Phrase     `json:"cause,omitempty"`
	CausesDenied []Phrase     `json:"causes_denied,omitempty"`
	Choices      []SlotChoice `json:"choices,omitempty"` // the candidates of each slot, with their features and scores
	Notes        []string     `json:"notes,omitempty"`
}

// SlotChoice is the model's choice for one slot (service, start,
// duration, cause) of an outage: every candidate the rules proposed.
type SlotChoice struct {
	Slot       string      `json:"slot"`
	Candidates []Candidate `json:"candidates"`
}

// Candidate is one value proposed for a slot, the phrase it was read
// from, its features and its score; Chosen marks the value kept.
type Candidate struct {
	Value        string         `json:"value"`
	Text         string         `json:"text,omitempty"`
	Score        float64        `json:"score"`
	Chosen       bool           `json:"chosen,omitempty"`
	Features     model.Features `json:"features"`
	Aliases      []string       `json:"aliases,omitempty"`       // service candidates
	Minutes      *int           `json:"minutes,omitempty"`       // duration candidates
	DurationKind string         `json:"duration_kind,omitempty"` // duration candidates
}

// WriteText writes the explanation for a person to read.
func (e *Explanation) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("classifier: %s\n", e.Version)
	p("language:   %s (confidence %.2f, by %s)\n", e.Language.Lang, e.Language.Confidence, e.Language.Method)
	if e.Published != nil {
		p("published:  %s from %q (%s)\n", e.Published.Value, e.Published.Text, e.Published.Rule)
	}
	verdict := "not an outage report"
	if e.IsOutage {
		verdict = "OUTAGE REPORT"
	}
	gate := ""
	if e.Gated {
		gate = ", gated: see the notes"
	}
	p("score:      %.2f (an outage report from %.2f%s): %s\n", e.Score, e.Margin, gate, verdict)
	p("evidence:   %s\n", featureList(e.Evidence))
	for _, n := range e.Notes {
		p("note:       %s\n", n)
	}
	if len(e.Fired) > 0 {
		p("rules fired:\n")
		for _, f := range e.Fired {
			note := ""
			if f.Note != "" {
				note = "  (" + f.Note + ")"
			}
			p("  %+6.2f  %-9s %-22s %q%s\n", f.Weight, f.Class, f.Rule, f.Text, note)
		}
	}
	for i, o := range e.Outages {
		role := "secondary"
		if i == 0 {
			role = "main"
		}
		p("outage %d (%s, rank %.1f): %s [%s] %s\n", i+1, role, o.Rank, o.Service, o.Kind, o.Rule)
		p("  named as: %s\n", quoteList(o.Mentions))
		if o.Start != nil {
			p("  start:    %s from %q (%s)\n", o.Start.Value, o.Start.Text, o.Start.Rule)
		}
		if o.Duration != nil {
			p("  duration: %s from %q (%s)\n", o.Duration.Value, o.Duration.Text, o.Duration.Rule)
		}
		for _, c := range o.Cause {
			p("  cause:    %s from %q (%s)\n", c.Value, c.Text, c.Rule)
		}
		for _, c := range o.CausesDenied {
			p("  denied:   %s from %q (%s)\n", c.Value, c.Text, c.Rule)
		}
		for _, n := range o.Notes {
			p("  note:     %s\n", n)
		}
		for _, ch := range o.Choices {
			writeChoice(bw, ch)
		}
	}
	return bw.Flush()
}

// writeChoice writes a slot's candidates, best score first.
func writeChoice(w io.Writer, ch SlotChoice) {
	fmt.Fprintf(w, "  %s candidates:\n", ch.Slot)
	order := make([]int, len(ch.Candidates))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return ch.Candidates[order[a]].Score > ch.Candidates[order[b]].Score })
	for _, i := range order {
		c := ch.Candidates[i]
		mark := " "
		if c.Chosen {
			mark = "*"
		}
		text := ""
		if c.Text != "" {
			text = " " + strconv.Quote(c.Text)
		}
		fmt.Fprintf(w, "   %s %+7.3f %s%s  [%s]\n", mark, c.Score, c.Value, text, featureList(c.Features))
	}
}

// featureList writes features as "name" (value 1) or "name=value".
func featureList(fs model.Features) string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(f.Name)
		if f.Value != 1 {
			fmt.Fprintf(&b, "=%.2f", f.Value)
		}
	}
	return b.String()
}

func quoteList(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += strconv.Quote(s)
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }
