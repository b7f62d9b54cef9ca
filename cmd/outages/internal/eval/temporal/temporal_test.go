package temporal

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"outages/classify/rules"
)

// fakeTag knows a few fixed answers, so the expected scores can be
// computed by hand.
func fakeTag(text, lang string, ref rules.Ref) []rules.Expr {
	n := func(v int) *int { return &v }
	whole := func(k string) rules.Expr { return rules.Expr{Kind: k, Text: text, Start: 0, End: len(text)} }
	switch text {
	case "quatre heures": // right
		e := whole(rules.KindDuration)
		e.Seconds, e.Minutes = n(14400), n(240)
		return []rules.Expr{e}
	case "vingt minutes": // wrong length
		e := whole(rules.KindDuration)
		e.Seconds, e.Minutes = n(1300), n(22)
		return []rules.Expr{e}
	case "un truc": // negative, nothing found: pass
		return nil
	case "hier": // right
		e := whole(rules.KindDate)
		e.Value = "2020-05-05"
		return []rules.Expr{e}
	case "le 3 avril 2019": // covers only "2019": too little of the text
		return []rules.Expr{{Kind: rules.KindDate, Text: "2019", Start: 11, End: 15, Value: "2019"}}
	case "vendredi": // news convention: the Friday before the Wednesday ref
		e := whole(rules.KindDate)
		e.Value = "2020-05-01"
		return []rules.Expr{e}
	case "de 9h à 10h": // right: expected end 11:00 exclusive at hour grain
		e := whole(rules.KindInterval)
		e.From, e.To = "09:00", "10:00"
		return []rules.Expr{e}
	case "avant 15h": // right: an open bound is the instant named, not an exclusive end
		e := whole(rules.KindTime)
		e.Time, e.Role = "15:00", "end"
		return []rules.Expr{e}
	case "bof": // negative with a value: fail
		e := whole(rules.KindDate)
		e.Value = "2020-05-06"
		return []rules.Expr{e}
	}
	return nil
}

func TestScoreByHand(t *testing.T) {
	rep, err := Score("testdata/vectors", fakeTag)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Cell{
		CatDuration: {Pass: 1, Total: 2},
		CatNegative: {Pass: 1, Total: 2},
		CatRelative: {Pass: 1, Total: 1},
		CatAbsolute: {Pass: 0, Total: 1},
		CatWeekday:  {Pass: 1, Total: 1},
		CatInterval: {Pass: 2, Total: 2},
	}
	for cat, w := range want {
		t.Run(cat, func(t *testing.T) {
			if got := rep.get("fr", cat); got != w {
				t.Errorf("%s: got %+v, want %+v", cat, got, w)
			}
		})
	}
	figs := rep.Figures()
	for k, v := range map[string]float64{"temporal.duration.fr": 0.5, "temporal.date.fr": 2.0 / 3.0, "temporal.negative.fr": 0.5} {
		if d := figs[k] - v; d > 1e-9 || d < -1e-9 {
			t.Errorf("%s = %v, want %v", k, figs[k], v)
		}
	}
	if len(rep.Misses) != 3 {
		t.Errorf("got %d misses, want 3: %+v", len(rep.Misses), rep.Misses)
	}
	var b bytes.Buffer
	if err := rep.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "duration") || !strings.Contains(b.String(), "1/2") {
		t.Errorf("table lacks the duration row:\n%s", b.String())
	}
	b.Reset()
	if err := rep.WriteErrors(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "vingt minutes") {
		t.Errorf("errors lack a miss:\n%s", b.String())
	}
}

func TestScoreErrors(t *testing.T) {
	tests := []struct{ name, file, content, want string }{
		{"bad json", "time-fr.jsonl", "{not json\n", "time-fr.jsonl:1"},
		{"bad name", "dates.jsonl", "{}\n", "file name"},
		{"bad ref", "time-fr.jsonl", `{"text":"x","ref":"yesterday","value":"2020-01-01T00:00:00","grain":"day"}` + "\n", "bad ref"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Score(dir, fakeTag)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
	if _, err := Score(t.TempDir(), fakeTag); err == nil {
		t.Error("no error for an empty directory")
	}
}

func TestInclusiveEnd(t *testing.T) {
	tests := []struct{ v, grain, want string }{
		{"2013-07-16T00:00:00", "day", "2013-07-15T00:00:00"},
		{"2013-02-12T11:01:00", "minute", "2013-02-12T11:00:00"},
		{"2013-02-12T17:00:00", "hour", "2013-02-12T16:00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.grain, func(t *testing.T) {
			if got := inclusiveEnd(tt.v, tt.grain); got != tt.want {
				t.Errorf("inclusiveEnd(%s, %s) = %s, want %s", tt.v, tt.grain, got, tt.want)
			}
		})
	}
}
