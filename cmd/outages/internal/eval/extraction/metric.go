package extraction

import (
	"regexp"
	"strings"
)

// tokenRe is Python's `\w+` with str semantics: letters, numbers and '_'.
var tokenRe = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// Tokenize splits text into word tokens as the benchmark does: maximal
// runs of letters, numbers and underscores, case kept.
func Tokenize(text string) []string {
	return tokenRe.FindAllString(text, -1)
}

// Shingles returns the multiset of 4-token shingles of tokens. With 1 to
// 3 tokens there is one shingle made of all of them; with none, none.
func Shingles(tokens []string) map[string]int {
	out := make(map[string]int)
	switch {
	case len(tokens) == 0:
	case len(tokens) < 4:
		out[strings.Join(tokens, "\x00")]++
	default:
		for i := 0; i+4 <= len(tokens); i++ {
			out[strings.Join(tokens[i:i+4], "\x00")]++
		}
	}
	return out
}

// Counts are one page's shingle counts.
type Counts struct {
	TP, FP, FN int
}

// CompareShingles counts true positives, false positives and false
// negatives between the gold and predicted shingle multisets.
func CompareShingles(gold, pred map[string]int) Counts {
	var c Counts
	for k, g := range gold {
		p := pred[k]
		c.TP += min(g, p)
		c.FN += max(0, g-p)
	}
	for k, p := range pred {
		c.FP += max(0, p-gold[k])
	}
	return c
}

// Precision is tp/(tp+fp); ok is false when the prediction is empty.
// When fp == fn == 0 both precision and recall are 1.
func (c Counts) Precision() (p float64, ok bool) {
	if c.TP+c.FP == 0 {
		return 0, false
	}
	if c.FP == 0 && c.FN == 0 {
		return 1, true
	}
	return float64(c.TP) / float64(c.TP+c.FP), true
}

// Recall is tp/(tp+fn); ok is false when the gold is empty.
func (c Counts) Recall() (r float64, ok bool) {
	if c.TP+c.FN == 0 {
		return 0, false
	}
	if c.FP == 0 && c.FN == 0 {
		return 1, true
	}
	return float64(c.TP) / float64(c.TP+c.FN), true
}

// Macro holds the macro-averaged scores of a set of pages.
type Macro struct {
	Precision, Recall, F1 float64
	Accuracy              float64
	Empty                 int // pages whose prediction has no token
	Pages                 int
}

// PageScore is one page's comparison.
type PageScore struct {
	Counts
	Exact bool // token sequences are equal
}

// ScorePage compares one gold and one predicted body.
func ScorePage(gold, pred string) PageScore {
	gt, pt := Tokenize(gold), Tokenize(pred)
	ps := PageScore{Counts: CompareShingles(Shingles(gt), Shingles(pt))}
	ps.Exact = len(gt) == len(pt)
	if ps.Exact {
		for i := range gt {
			if gt[i] != pt[i] {
				ps.Exact = false
				break
			}
		}
	}
	return ps
}

// Aggregate macro-averages page scores: precision over pages with a
// non-empty prediction, recall over pages with a non-empty gold, F1 as the
// harmonic mean of the two averages, accuracy over all pages.
func Aggregate(pages []PageScore) Macro {
	m := Macro{Pages: len(pages)}
	var sp, sr float64
	var np, nr, exact int
	for _, p := range pages {
		if v, ok := p.Precision(); ok {
			sp += v
			np++
		} else {
			m.Empty++
		}
		if v, ok := p.Recall(); ok {
			sr += v
			nr++
		}
		if p.Exact {
			exact++
		}
	}
	if np > 0 {
		m.Precision = sp / float64(np)
	}
	if nr > 0 {
		m.Recall = sr / float64(nr)
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	if len(pages) > 0 {
		m.Accuracy = float64(exact) / float64(len(pages))
	}
	return m
}

// normalizeSpace collapses every run of whitespace into one space and
// trims, as trafilatura's snippet scorer does.
func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
