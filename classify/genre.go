package classify

import (
	"strings"
	"time"
	"unicode"

	"outages/classify/model"
	"outages/classify/rules"
	"outages/corpus"
)

// Texts that name an outage without reporting one: the outage is denied
// or only rumoured, it happens in a film or a series, it is years old and
// the news is a fine, a ruling or an anniversary, it is one vehicle's
// breakdown, or the text is a security advisory. The lexicon classes
// below (data/lexicon.tsv, section "genres that name an outage without
// reporting one") and the age of the years a reporting sentence names
// become detection features the model weighs; the denial of the outage
// words themselves feeds the denial gate.
const (
	// classNegation denies the outage words after it in its clause
	// ("aucune panne", "no outage", "لا يوجد أي عطل", "ما يتم تداوله عن
	// انقطاع"); its weight is how many words may stand between.
	classNegation = "negation"
	// classNormal says the service works normally ("fonctionne
	// normalement", "running normally", "يعمل بشكل طبيعي"): evidence of a
	// denial, unless its sentence is about the service being back or about
	// the rest of a network (classNormalCancel, the "back" cues).
	classNormal       = "normal"
	classNormalCancel = "normalcancel"
	classFiction      = "fiction"  // a film, series, book or review
	classLegal        = "legal"    // a fine, a court ruling, a regulator's sanction
	classRetro        = "retro"    // years after, an anniversary, a look back
	classSecurity     = "security" // a vulnerability, a patch, an advisory
	classVehicle      = "vehicle"  // one vehicle's mechanical breakdown
	classSports       = "sports"   // a match, a team, a season: "blackout" and "panne" as metaphors
)

var genreClasses = map[string]bool{
	classNegation: true, classNormal: true, classNormalCancel: true,
	classFiction: true, classLegal: true, classRetro: true, classSecurity: true, classVehicle: true, classSports: true,
}

// genreNeg are the counter-evidence classes that become neg.<class>
// detection features.
var genreNeg = []string{classFiction, classLegal, classRetro, classSecurity, classVehicle, classSports}

// oldOutageDays is how long before the publication the latest day a year
// can mean must be for the year to date an old outage.
const oldOutageDays = 120

// genreEvidence is what the genre classes found in one text.
type genreEvidence struct {
	deniedTrig  []float64 // outage words near a subject in a denial's scope: no report evidence
	titleDenial []hit     // the title's denied outage words ("X denies internet cut", "Non, il n'y a pas eu de panne")
	titleSaid   bool      // an outage word of the title is not denied
	denialTitle bool      // the title denies an outage, not a cause, and reports none (denialTitle)
	normal      []float64 // "works normally": denial evidence
	oldYears    float64   // share of the reporting sentences that name only years long before publication
}

// weighGenre adds the genre evidence to ev: outage words in a denial's
// scope leave the report evidence (without joining the denial evidence: a
// denied cause often stands in a real report, "X denies a cyberattack"),
// "works normally" joins the denial evidence, the genre classes become
// counter-evidence, and the years named by the reporting sentences are
// compared with the publication day.
func (an *analysis) weighGenre(ev *evidence, published string) {
	ev.trig = ev.trig[:0]
	titleEnd := an.titleEnd()
	for i, h := range an.lex {
		e := an.ds.lex[h.owner]
		switch {
		case e.class == classTrigger && an.active[i] && an.withSubject[i]:
			if an.triggerDenied(h) {
				ev.genre.deniedTrig = append(ev.genre.deniedTrig, e.weight)
				if h.from < titleEnd {
					ev.genre.titleDenial = append(ev.genre.titleDenial, h)
				}
				an.noteFired(h, "near a subject, but denied (a negation, denial or rumour before it)")
			} else {
				ev.trig = append(ev.trig, e.weight)
				ev.genre.titleSaid = ev.genre.titleSaid || h.from < titleEnd
			}
		case e.class == classNormal && !an.normalCancelled(an.d.toks[h.from].sent) && !an.asideNormal(h.from):
			ev.genre.normal = append(ev.genre.normal, e.weight)
			an.fired = append(an.fired, an.firedOf(h, ""))
		case contains(genreNeg, e.class):
			ev.neg[e.class] = append(ev.neg[e.class], e.weight)
			an.fired = append(an.fired, an.firedOf(h, ""))
		}
	}
	ev.genre.oldYears = an.oldYearShare(published)
}

// denialTitle reports whether the title denies an outage and reports
// none: its denied outage words are not causes ("MTN dismisses claims of
// nationwide network outage", "«موبيليس» تنفي وجود عطل"; not "SFR exclut
// une cyberattaque", a denied cause), and none of its outage words stands
// outside a denial.
func (an *analysis) denialTitle(g genreEvidence) bool {
	if len(g.titleDenial) == 0 || g.titleSaid {
		return false
	}
	for _, h := range g.titleDenial {
		if !an.causeAt(h) {
			return true
		}
	}
	return false
}

// causeAt reports whether outage word h lies in a cause phrase of the
// rule engine ("cyberattaque", "hack"): a cause, not the outage. A
// shutdown's phrase ("قطع الإنترنت خلال الامتحانات") names the outage
// itself.
func (an *analysis) causeAt(h hit) bool {
	d := an.d
	start, end := d.toks[h.from].start, d.toks[h.to-1].end
	for _, e := range an.exprs {
		if e.Kind == rules.KindCause && e.Cause != corpus.CauseGovernment && e.Start < end && start < e.End {
			return true
		}
	}
	return false
}

// firedOf describes lexicon hit h for the explanation.
func (an *analysis) firedOf(h hit, note string) Fired {
	e, d := an.ds.lex[h.owner], an.d
	return Fired{Rule: e.rule, Class: e.class, Text: d.span(h.from, h.to), Weight: e.weight, Start: d.toks[h.from].start, End: d.toks[h.to-1].end, Note: note}
}

// noteFired replaces the note of the fired outage word h.
func (an *analysis) noteFired(h hit, note string) {
	start := an.d.toks[h.from].start
	for k := range an.fired {
		if f := &an.fired[k]; f.Class == classTrigger && f.Start == start && f.Rule == an.ds.lex[h.owner].rule {
			f.Note = note
		}
	}
}

func contains(xs []string, x string) bool {
	for _, s := range xs {
		if s == x {
			return true
		}
	}
	return false
}

// triggerDenied reports whether an outage word stands in the scope of a
// negation ("pas de panne"), a denial verb ("denies … outage", "نفت …
// انقطاع") or a rumour ("ما يتم تداوله عن انقطاع") earlier in its
// sentence: no more words between than the cue allows (its weight), no
// clause break and no contrast word ("but") between.
func (an *analysis) triggerDenied(t hit) bool {
	d := an.d
	for _, h := range an.lex {
		cl := an.class(h)
		if (cl != classNegation && cl != classCauseDeny) || h.to > t.from || d.toks[h.from].sent != d.toks[t.from].sent {
			continue
		}
		if float64(t.from-h.to) > an.ds.lex[h.owner].weight {
			continue
		}
		if strings.ContainsAny(d.text[d.toks[h.to-1].end:d.toks[t.from].start], ",،:;") {
			continue
		}
		if !an.contrastBetween(h.to, t.from) {
			return true
		}
	}
	return false
}

// contrastBetween reports whether a contrast word stands in tokens [a, b).
func (an *analysis) contrastBetween(a, b int) bool {
	for _, k := range an.lex {
		if an.class(k) == classContrast && k.from >= a && k.to <= b {
			return true
		}
	}
	return false
}

// normalCancelled reports whether sentence s says the service is back or
// speaks of the rest of a network: "works normally" there denies nothing.
func (an *analysis) normalCancelled(s int) bool {
	if an.ci.inSentence("back", s) {
		return true
	}
	for _, h := range an.lex {
		if an.class(h) == classNormalCancel && an.d.toks[h.from].sent == s {
			return true
		}
	}
	return false
}

// oldYearShare returns the share of the reporting sentences (an outage
// word near a subject) that name a year and only years whose last day is
// more than oldOutageDays before the publication: a fine, a ruling or an
// anniversary of an old outage. 0 when the publication day is unknown.
func (an *analysis) oldYearShare(published string) float64 {
	pub := refOf(published).Time
	if pub.IsZero() {
		return 0
	}
	sents := map[int]bool{}
	for i, h := range an.lex {
		if an.withSubject[i] && an.active[i] {
			sents[an.d.toks[h.from].sent] = true
		}
	}
	if len(sents) == 0 {
		return 0
	}
	oldest := map[int]int{} // per sentence: 1 only old years, 2 a recent one
	for _, t := range an.d.toks {
		y, ok := yearOf(an.d.text[t.start:t.end])
		if !ok || !sents[t.sent] {
			continue
		}
		last := time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)
		if pub.Sub(last) > oldOutageDays*24*time.Hour {
			oldest[t.sent] = max(oldest[t.sent], 1)
		} else {
			oldest[t.sent] = 2
		}
	}
	n := 0
	for _, v := range oldest {
		if v == 1 {
			n++
		}
	}
	return float64(n) / float64(len(sents))
}

// yearOf reads a word of four digits (Latin or Arabic-Indic) from 1900 to
// 2099 as a year.
func yearOf(w string) (int, bool) {
	y, n := 0, 0
	for _, r := range w {
		v := digitValue(r)
		if v < 0 {
			return 0, false
		}
		y, n = y*10+v, n+1
	}
	return y, n == 4 && y >= 1900 && y < 2100
}

// digitValue is the value of a decimal digit of any script, or -1.
func digitValue(r rune) int {
	if !unicode.IsDigit(r) {
		return -1
	}
	for _, zero := range []rune{'0', '\u0660', '\u06F0'} {
		if r >= zero && r <= zero+9 {
			return int(r - zero)
		}
	}
	return -1
}

// denied reports whether the text denies the outage at least as strongly
// as it reports it ("the outage is fake news", "the service is running
// normally"), the outage words it denies ("l'opérateur dément toute
// panne") not counting as reported, or denies every outage word it says
// near a subject: a gate, whatever the model says.
func (ev evidence) denied() bool {
	if len(ev.trig) == 0 && len(ev.genre.deniedTrig) > 0 {
		return true
	}
	if ev.genre.denialTitle {
		return true // the headline denies the outage: the article reports a denial
	}
	d := decayed(append(append([]float64(nil), ev.neg[classDenial]...), ev.genre.normal...))
	return d > 0 && d >= decayed(ev.trig)
}

// genreFeatures adds the genre features: each counter-evidence class,
// the denied outage words and the share of reporting sentences dating an
// old outage.
func (ev evidence) genreFeatures(fs *model.Features) {
	for _, cl := range genreNeg {
		fs.Add("neg."+cl, min(decayed(ev.neg[cl]), 8)/4)
	}
	fs.Add("denied.trig", min(decayed(ev.genre.deniedTrig), 8)/4)
	fs.On("title.denied", len(ev.genre.titleDenial) > 0)
	fs.Add("neg.normal", min(decayed(ev.genre.normal), 8)/4)
	fs.Add("past.oldyear", ev.genre.oldYears)
}
