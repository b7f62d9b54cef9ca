package classify

import (
	"sort"
	"strings"
	"time"

	"outages/classify/rules"
)

// textScope is what every slot's candidates are read against in one
// text: the analysis, the rule engine's expressions, the cue words, the
// publication day and which sentences belong to which outage.
type textScope struct {
	an      *analysis
	d       *doc
	exprs   []rules.Expr
	cs      *cueSet
	ci      *cueIndex
	pub     time.Time // zero when unknown
	main    *outageGroup
	owned   map[int]bool // sentences naming a secondary outage
	mainReg map[int]bool // the main outage's sentences
	endChar map[int]rune // per sentence: the punctuation ending it

	trigBySent map[int][]hit        // active outage words per sentence, built on first use
	older      map[int]bool         // sentences whose days all lie before the week of publication, built on first use
	names      map[[2]string]string // feature names built (see name)
	pubNames   map[string]string    // per day: its pub. feature (see pubFeature)
}

func (c *Classifier) newTextScope(an *analysis, exprs []rules.Expr, published string, outs []*outageGroup) *textScope {
	ts := &textScope{an: an, d: an.d, exprs: exprs, cs: c.cues(an), ci: an.ci, main: outs[0]}
	ts.pub, _ = time.Parse("2006-01-02", published)
	ts.owned = map[int]bool{}
	for _, g := range outs[1:] {
		if g.countryOf != "" && ts.main.countryOf == "" {
			continue // a country-wide cut read from generic words does not take a named service's sentences
		}
		if g.derived {
			continue // nor does a name read from the text's capitals
		}
		if g.strong == 0 {
			continue // nor does a service only said hit, with no outage word (outageGroup.hit)
		}
		if u := utilityOf[g.cand.kind]; u != "" && ts.main.countryOf != "" && utilityOf[ts.main.cand.kind] == u {
			continue // nor does the operator of the network whose cut is the main outage: what it says of its cause is said of the cut
		}
		for s := range g.sents {
			ts.owned[s] = true
		}
	}
	// The main outage also owns the sentences with an outage word that
	// name no other outage, and the title.
	ts.mainReg = map[int]bool{}
	for s := range ts.main.sents {
		ts.mainReg[s] = true
	}
	for s := range an.triggerSent {
		if !ts.owned[s] {
			ts.mainReg[s] = true
		}
	}
	for _, t := range ts.d.toks {
		if t.para > 0 {
			break
		}
		ts.mainReg[t.sent] = true
	}
	ts.endChar = an.endChar
	return ts
}

// sentenceEnds returns, per sentence, the first punctuation mark after
// its last word (0 when none).
func sentenceEnds(d *doc) map[int]rune {
	out := map[int]rune{}
	for k, t := range d.toks {
		if k+1 < len(d.toks) && d.toks[k+1].sent == t.sent {
			continue
		}
		end := len(d.text)
		if k+1 < len(d.toks) {
			end = d.toks[k+1].start
		}
		rest := strings.TrimLeft(d.text[t.end:end], " \t\"'»”’)")
		for _, r := range rest {
			out[t.sent] = r
			break
		}
	}
	return out
}

// question reports whether sentence s ends with a question mark.
func (ts *textScope) question(s int) bool { r := ts.endChar[s]; return r == '?' || r == '؟' }

// sentOf is the sentence of a byte offset.
func (ts *textScope) sentOf(byteOff int) int {
	d := ts.d
	i := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].end > byteOff })
	if i >= len(d.toks) {
		if len(d.toks) == 0 {
			return 0
		}
		return d.toks[len(d.toks)-1].sent
	}
	return d.toks[i].sent
}

// outageScope is where one outage is said: its sentences, its region and
// the paragraphs naming it.
type outageScope struct {
	g      *outageGroup
	gi     int // 0 for the main outage
	region map[int]bool
	paras  map[int]bool
}

func (ts *textScope) outageScope(g *outageGroup, gi int) *outageScope {
	os := &outageScope{g: g, gi: gi, region: g.sents, paras: map[int]bool{}}
	if gi == 0 {
		os.region = ts.mainReg
	}
	for _, m := range g.mentions {
		if gi > 0 || !ts.owned[m.sent] {
			os.paras[ts.d.toks[m.from].para] = true
		}
	}
	return os
}

// Closeness of an expression to an outage (see prio).
const (
	prioHot    = 0  // in a sentence naming the outage with an outage word
	prioRegion = 1  // in the outage's region
	prioPara   = 2  // elsewhere in a paragraph naming it
	prioFar    = 99 // anywhere else
)

// prioNames are the feature names of the closeness of an expression.
var prioNames = map[int]string{prioHot: "prio.hot", prioRegion: "prio.region", prioPara: "prio.para", prioFar: "prio.far"}

// prio says how closely an expression is tied to the outage.
func (ts *textScope) prio(os *outageScope, e rules.Expr) int {
	s := ts.sentOf(e.Start)
	switch {
	case os.g.hotSents[s]:
		return prioHot
	case os.region[s]:
		return prioRegion
	}
	if k := ts.d.tokAt(e.Start); k < len(ts.d.toks) && os.paras[ts.d.toks[k].para] && (os.gi > 0 || !ts.owned[s]) {
		return prioPara
	}
	return prioFar
}

// inRegion reports whether sentence s may tell the outage's cause.
func (ts *textScope) inRegion(os *outageScope, s int) bool {
	return os.region[s] || (os.gi == 0 && !ts.owned[s])
}
