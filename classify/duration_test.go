package classify

import (
	"slices"
	"testing"

	"outages/classify/model"
	"outages/classify/rules"
	"outages/corpus"
)

// durationCandValues classifies text with fixed expressions and returns
// the values of the main outage's duration candidates.
func durationCandValues(t *testing.T, c *Classifier, text string, exprs []rules.Expr) []string {
	t.Helper()
	cc := withTagger(c, fakeTagger{exprs})
	cc.weights, cc.ling, cc.geo = c.weights, c.ling, c.geo
	a := &corpus.Article{Body: text, Published: "2026-03-13"}
	ex := cc.Classify(a)
	if len(ex.Outages) == 0 {
		t.Fatalf("no outage in %q", text)
	}
	var out []string
	for _, ch := range ex.Outages[0].Choices {
		if ch.Slot != model.SlotDuration {
			continue
		}
		for _, cand := range ch.Candidates {
			out = append(out, cand.Value)
		}
	}
	return out
}

// TestLengthsNotElapsed: a length after a preposition of length
// ("pendant", "for", "لمدة"), one the outage still went on after, and one
// counted from the outage ("eight days after it was shut down") are
// candidates; a length counted from another event is not.
func TestLengthsNotElapsed(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name   string
		text   string
		expr   rules.Expr
		isCand bool
	}{
		{
			name: "en for … after",
			text: "Card payments at Monzo failed for two hours after the update, customers said.",
			expr: rules.Expr{Kind: rules.KindDuration, Text: "two hours", Minutes: ip(120)}, isCand: true,
		},
		{
			name: "fr pendant … après",
			text: "Les abonnés de Free ont été privés d'internet pendant trois heures après la mise à jour.",
			expr: rules.Expr{Kind: rules.KindDuration, Text: "trois heures", Minutes: ip(180)}, isCand: true,
		},
		{
			name: "ar lemudat … baad",
			text: "انقطعت خدمة الإنترنت في تونس لمدة ساعة بعد بدء الامتحان",
			expr: rules.Expr{Kind: rules.KindDuration, Text: "ساعة", Minutes: ip(60)}, isCand: true,
		},
		{
			name: "en after the outage",
			text: "Mobile internet in Chad came back on Friday, eight days after the outage began.",
			expr: rules.Expr{Kind: rules.KindDuration, Text: "eight days", Minutes: ip(8 * 1440)}, isCand: true,
		},
		{
			name: "fr après la panne",
			text: "Le réseau de Bouygues Telecom est revenu samedi, deux jours après la panne.",
			expr: rules.Expr{Kind: rules.KindDuration, Text: "deux jours", Minutes: ip(2 * 1440)}, isCand: true,
		},
		{
			name: "ar baad … inqitaa",
			text: "عادت خدمة الإنترنت في السودان يوم الأحد، بعد خمسة أيام من انقطاع الإنترنت",
			expr: rules.Expr{Kind: rules.KindDuration, Text: "خمسة أيام", Minutes: ip(5 * 1440)}, isCand: true,
		},
		{
			name: "fr still down later",
			text: "Panne chez SFR : trois heures plus tard, le réseau SFR était toujours en panne.",
			expr: rules.Expr{Kind: rules.KindDuration, Text: "trois heures", Minutes: ip(180), DurationKind: "at_least", Still: true}, isCand: true,
		},
		{
			name: "en later, another event",
			text: "Slack went down on Monday. Two hours later, Slack published a statement about the outage.",
			expr: rules.Expr{Kind: rules.KindDuration, Text: "Two hours", Minutes: ip(120)},
		},
		{
			name: "fr plus tard, another event",
			text: "Orange a subi une panne mardi. Deux heures plus tard, Orange a publié un communiqué.",
			expr: rules.Expr{Kind: rules.KindDuration, Text: "Deux heures", Minutes: ip(120)},
		},
		{
			name: "ar baad, another event",
			text: "تعطلت خدمة واتساب يوم الاثنين، وأصدرت الشركة بيانا ساعتين بعد ذلك",
			expr: rules.Expr{Kind: rules.KindDuration, Text: "ساعتين", Minutes: ip(120)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vals := durationCandValues(t, c, tt.text, []rules.Expr{tt.expr})
			want := durationValue(tt.expr)
			if got := slices.Contains(vals, want); got != tt.isCand {
				t.Errorf("%q is a candidate: %v, want %v (candidates %q)", want, got, tt.isCand, vals)
			}
		})
	}
}

// TestTimeSpans: a start time and an end time of the outage make a length
// candidate, in either order in the text and across midnight; times with
// no end make none.
func TestTimeSpans(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name  string
		text  string
		exprs []rules.Expr
		want  string // "" when no span
	}{
		{
			name: "en end said first",
			text: "Verizon service was fully restored by 6 p.m. ET, the company said. The Verizon outage was first reported around 9:30 a.m. ET.",
			exprs: []rules.Expr{
				{Kind: rules.KindTime, Text: "by 6 p.m. ET", Time: "18:00", Zone: "ET", Role: "end"},
				{Kind: rules.KindTime, Text: "around 9:30 a.m. ET", Time: "09:30", Zone: "ET"},
			},
			want: "510 min (exact)",
		},
		{
			name: "fr across midnight",
			text: "La panne du réseau SFR a commencé vers 23 heures mercredi. La situation est revenue à la normale vers 4 heures du matin jeudi.",
			exprs: []rules.Expr{
				{Kind: rules.KindTime, Text: "vers 23 heures", Time: "23:00", Role: "start"},
				{Kind: rules.KindTime, Text: "vers 4 heures du matin", Time: "04:00"},
			},
			want: "300 min (exact)",
		},
		{
			name: "ar start and back",
			text: "بدأ انقطاع الإنترنت في الأردن عند الساعة العاشرة صباحا. وعادت الخدمة عند الساعة الواحدة ظهرا",
			exprs: []rules.Expr{
				{Kind: rules.KindTime, Text: "عند الساعة العاشرة صباحا", Time: "10:00", Role: "start"},
				{Kind: rules.KindTime, Text: "عند الساعة الواحدة ظهرا", Time: "13:00"},
			},
			want: "180 min (exact)",
		},
		{
			name: "fr no end",
			text: "Orange a été en panne à 9h30 dans tout le pays. Orange a publié un message à 11h.",
			exprs: []rules.Expr{
				{Kind: rules.KindTime, Text: "à 9h30", Time: "09:30"},
				{Kind: rules.KindTime, Text: "à 11h", Time: "11:00"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vals := durationCandValues(t, c, tt.text, tt.exprs)
			if tt.want == "" {
				if len(vals) > 0 {
					t.Errorf("candidates %q, want none", vals)
				}
				return
			}
			if !slices.Contains(vals, tt.want) {
				t.Errorf("candidates %q, want %q among them", vals, tt.want)
			}
		})
	}
}
