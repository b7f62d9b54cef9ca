package news

import (
	"bytes"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"outages/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func minutes(n int) *int { return &n }

// fixture returns hand-made gold records and predictions (invented
// sentences) whose scores are computed by hand in TestScoreFigures.
func fixture() ([]Record, map[string]Record) {
	gold := []Record{
		{ID: "g1", Lang: "fr", Published: "2024-03-15", IsOutage: true,
			Text: "Le réseau mobile Orange est resté coupé près de deux heures jeudi; SFR a aussi connu des coupures.",
			Outages: []corpus.Outage{
				{Service: "Orange", Start: "2024-03-14", DurationMin: minutes(120), DurationKind: corpus.DurationApprox, Cause: corpus.CauseNetwork},
				{Service: "SFR", Cause: corpus.CauseUnknown},
			}},
		{ID: "g2", Lang: "en", IsOutage: true,
			Text: "The social network went dark for hours on July 2 after a faulty release; Instagram stumbled too.",
			Outages: []corpus.Outage{
				{Service: "Twitter", Aliases: []string{"X"}, Start: "XXXX-07-02", DurationKind: corpus.DurationVague,
					Cause: corpus.CauseSoftwareChange, CauseAlt: []string{corpus.CauseSoftwareBug}},
				{Service: "Instagram", Cause: corpus.CauseUnknown},
			}},
		{ID: "g3", Lang: "ar", IsOutage: true,
			Text: "قطعت السلطات الإنترنت لمدة 45 دقيقة أثناء الامتحانات.",
			Outages: []corpus.Outage{
				{Service: "Internet (Egypt)", DurationMin: minutes(45), DurationKind: corpus.DurationExact, Cause: corpus.CauseGovernment},
			}},
		{ID: "g4", Lang: "en", Text: "Stock markets were down sharply on Monday."},
		{ID: "g5", Lang: "fr", Text: "Sa voiture est tombée en panne sur l'autoroute."},
		{ID: "g6", Lang: "ar", IsOutage: true,
			Text: "انقطعت شبكة زين لأكثر من نصف ساعة بسبب انقطاع الكهرباء.",
			Outages: []corpus.Outage{
				{Service: "Zain", Start: "2023-01-05", DurationMin: minutes(30), DurationKind: corpus.DurationAtLeast, Cause: corpus.CausePower},
			}},
		{ID: "g7", Lang: "en", IsOutage: true,
			Text: "Steam buckled under the sale-day rush on December 1.",
			Outages: []corpus.Outage{
				{Service: "Steam", Start: "2022-12-01", Cause: corpus.CauseOverload},
			}},
	}
	pred := map[string]Record{
		"g1": {ID: "g1", Lang: "fr", IsOutage: true, Outages: []corpus.Outage{
			{Service: " orange ", Start: "2024-03-14", DurationMin: minutes(95), DurationKind: corpus.DurationApprox,
				Cause: corpus.CauseNetwork, Evidence: corpus.Evidence{Duration: []string{"près de deux heures"}}},
			{Service: "Free"},
		}},
		"g2": {ID: "g2", Lang: "en", IsOutage: true, Outages: []corpus.Outage{
			{Service: "x", Start: "2023-07-02", DurationMin: minutes(60), DurationKind: corpus.DurationApprox,
				Cause: corpus.CauseSoftwareBug, Evidence: corpus.Evidence{Duration: []string{"for hours"}}},
			{Service: "INSTAGRAM"},
		}},
		"g3": {ID: "g3", Lang: "fr", IsOutage: true, Outages: []corpus.Outage{
			{Service: "Egypt internet", Aliases: []string{"Internet (Egypt)"}, Start: "2021-01-27",
				DurationMin: minutes(57), DurationKind: corpus.DurationExact},
		}},
		"g4": {ID: "g4", Lang: "en", IsOutage: true, Outages: []corpus.Outage{{Service: "markets"}}},
		"g5": {ID: "g5", Lang: "fr"},
		// g6 has no prediction.
		"g7": {ID: "g7", Lang: "en"},
		"zz": {ID: "zz", Lang: "en"},
	}
	return gold, pred
}

func TestScoreFigures(t *testing.T) {
	gold, pred := fixture()
	r := Score(gold, pred)
	want := map[string]float64{
		// g3 predicted fr for ar, g6 missing: 5 right of 7.
		"news.lang_accuracy": 5.0 / 7,
		// TP g1,g2,g3; FP g4; FN g6 (missing), g7; TN g5.
		// P = 3/4, R = 3/5, F1 = 2*.75*.6/(.75+.6) = .9/1.35 = 2/3.
		"news.detect_precision": 0.75,
		"news.detect_recall":    0.6,
		"news.detect_f1":        2.0 / 3,
		// fr: TP g1, TN g5 -> P = R = F1 = 1.
		"news.detect_f1.fr": 1,
		// en: TP g2, FP g4, FN g7 -> P = 1/2, R = 1/2, F1 = 1/2.
		"news.detect_f1.en": 0.5,
		// ar: TP g3, FN g6 -> P = 1, R = 1/2, F1 = 2*.5/1.5 = 2/3.
		"news.detect_f1.ar": 2.0 / 3,
		// Scored main outages: g1, g2, g3 (both true) and g6 (missing, all wrong).
		// service: g1 " orange " ok, g2 "x" is a gold alias, g3 pred alias is
		// the gold service, g6 wrong: 3/4.
		"news.service": 0.75,
		// start: g1 ok, g2 XXXX-07-02 matches 2023-07-02, g3 gold null (not
		// scored), g6 wrong: 2/3.
		"news.start": 2.0 / 3,
		// duration: g1 |95-120| = 25 <= max(30, 10) ok; g2 vague gold, 60 approx
		// wrong; g3 |57-45| = 12 > max(11.25, 10) wrong; g6 wrong: 1/4.
		"news.duration": 0.25,
		// cause: g1 ok, g2 software_bug in cause_alt ok, g3 "" = unknown
		// wrong, g6 wrong: 2/4.
		"news.cause": 0.5,
		// secondary: g1 SFR not emitted, g2 INSTAGRAM emitted: 1/2.
		"news.secondary_recall": 0.5,
	}
	got := r.Figures()
	for k, w := range want {
		g, ok := got[k]
		if !ok {
			t.Errorf("figure %s missing", k)
			continue
		}
		if math.Abs(g-w) > 1e-9 {
			t.Errorf("%s = %.4f, want %.4f", k, g, w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected figure %s", k)
		}
	}
	if r.Missing != 1 || r.Extra != 1 || r.Records != 7 {
		t.Errorf("records/missing/extra = %d/%d/%d, want 7/1/1", r.Records, r.Missing, r.Extra)
	}
	if n := r.Confusion[corpus.CauseSoftwareChange][corpus.CauseSoftwareBug]; n != 1 {
		t.Errorf("confusion software_change→software_bug = %d, want 1", n)
	}
	if n := r.Confusion[corpus.CauseGovernment][corpus.CauseUnknown]; n != 1 {
		t.Errorf("confusion government→unknown = %d, want 1", n)
	}
}

func TestScoreEmpty(t *testing.T) {
	r := Score(nil, nil)
	if f := r.Figures(); len(f) != 0 {
		t.Errorf("figures of an empty run = %v, want none", f)
	}
	var buf bytes.Buffer
	if err := r.WriteTable(&buf); err != nil {
		t.Fatal(err)
	}
}

func TestScoreNoOutagesToFind(t *testing.T) {
	// Two non-outage records, both rightly rejected: nothing to find and
	// nothing found, so detection is perfect and no field is scored.
	gold := []Record{{ID: "a", Lang: "en"}, {ID: "b", Lang: "en"}}
	pred := map[string]Record{"a": {ID: "a", Lang: "en"}, "b": {ID: "b", Lang: "en"}}
	f := Score(gold, pred).Figures()
	if f["news.detect_f1"] != 1 || f["news.detect_f1.en"] != 1 || f["news.lang_accuracy"] != 1 {
		t.Errorf("figures = %v", f)
	}
	for _, k := range []string{"news.service", "news.start", "news.duration", "news.cause", "news.secondary_recall"} {
		if _, ok := f[k]; ok {
			t.Errorf("%s present with nothing scored", k)
		}
	}
}

func TestDurationMatch(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred corpus.Outage
		want       bool
	}{
		{"exact", corpus.Outage{DurationMin: minutes(90)}, corpus.Outage{DurationMin: minutes(90)}, true},
		{"ten minutes floor", corpus.Outage{DurationMin: minutes(20)}, corpus.Outage{DurationMin: minutes(30)}, true},
		{"past ten minutes", corpus.Outage{DurationMin: minutes(20)}, corpus.Outage{DurationMin: minutes(31)}, false},
		{"quarter of 240", corpus.Outage{DurationMin: minutes(240)}, corpus.Outage{DurationMin: minutes(180)}, true},
		{"past a quarter", corpus.Outage{DurationMin: minutes(240)}, corpus.Outage{DurationMin: minutes(179)}, false},
		{"null prediction", corpus.Outage{DurationMin: minutes(60)}, corpus.Outage{}, false},
		{"vague gold null pred", corpus.Outage{DurationKind: corpus.DurationVague}, corpus.Outage{}, true},
		{"vague gold vague pred", corpus.Outage{DurationKind: corpus.DurationVague}, corpus.Outage{DurationKind: corpus.DurationVague, DurationMin: minutes(180)}, true},
		{"vague gold number", corpus.Outage{DurationKind: corpus.DurationVague}, corpus.Outage{DurationMin: minutes(180), DurationKind: corpus.DurationExact}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := durationMatch(tt.gold, tt.pred); got != tt.want {
				t.Errorf("durationMatch = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestStartMatch(t *testing.T) {
	tests := []struct {
		name, gold, pred string
		want             bool
	}{
		{"same day", "2024-03-12", "2024-03-12", true},
		{"other day", "2024-03-12", "2024-03-11", false},
		{"null prediction", "2024-03-12", "", false},
		{"yearless gold any year", "XXXX-03-12", "2019-03-12", true},
		{"yearless gold yearless pred", "XXXX-03-12", "XXXX-03-12", true},
		{"yearless gold bad year", "XXXX-03-12", "20x4-03-12", false},
		{"yearless gold other day", "XXXX-03-12", "2019-03-13", false},
		{"yearless gold short pred", "XXXX-03-12", "03-12", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := startMatch(tt.gold, tt.pred); got != tt.want {
				t.Errorf("startMatch(%q, %q) = %v, want %v", tt.gold, tt.pred, got, tt.want)
			}
		})
	}
}

func TestServiceMatch(t *testing.T) {
	gold := corpus.Outage{Service: "Google Talk", Aliases: []string{"GTalk"}}
	tests := []struct {
		name string
		pred corpus.Outage
		want bool
	}{
		{"same", corpus.Outage{Service: "Google Talk"}, true},
		{"case and spaces", corpus.Outage{Service: "  google   TALK "}, true},
		{"gold alias", corpus.Outage{Service: "gtalk"}, true},
		{"pred alias is gold service", corpus.Outage{Service: "Hangouts", Aliases: []string{"Google Talk"}}, true},
		{"pred alias is only a gold alias", corpus.Outage{Service: "Hangouts", Aliases: []string{"GTalk"}}, false},
		{"other", corpus.Outage{Service: "Google"}, false},
		{"empty", corpus.Outage{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := serviceMatch(gold, tt.pred); got != tt.want {
				t.Errorf("serviceMatch = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestReadRecords(t *testing.T) {
	good := `{"id":"a","url":"u","lang":"fr","published":null,"text":"t","is_outage":true,` +
		`"outages":[{"service":"Orange","aliases":[],"kind":"telecom","start":null,"duration_min":null,` +
		`"duration_kind":"vague","cause":"unknown","cause_alt":[],"cause_denied":[],"evidence":{"start":[],"duration":[],"cause":[]}}]}`
	tests := []struct {
		name    string
		in      string
		n       int
		wantErr string
	}{
		{"one record", good + "\n", 1, ""},
		{"no final newline", good, 1, ""},
		{"blank lines", "\n" + good + "\n\n  \n", 1, ""},
		{"empty input", "", 0, ""},
		{"byte order mark", "\ufeff" + good, 1, ""},
		{"bad json on line 2", good + "\n{\"id\": \n", 0, "line 2"},
		{"not an object", "[1,2]\n", 0, "line 1: not a JSON object"},
		{"no id", `{"lang":"fr"}`, 0, "line 1: record has no id"},
		{"duplicate id", good + "\n" + good + "\n", 0, "line 2: id \"a\" already on line 1"},
		{"two values", `{"id":"a"} {"id":"b"}`, 0, "line 1: more than one"},
		{"wrong type", `{"id":"a","is_outage":"yes"}`, 0, "line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := ReadRecords(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != tt.n {
				t.Fatalf("got %d records, want %d", len(recs), tt.n)
			}
			if tt.n == 1 {
				r := recs[0]
				if r.Published != "" || !r.IsOutage || r.Outages[0].Service != "Orange" ||
					r.Outages[0].Start != "" || r.Outages[0].DurationKind != corpus.DurationVague {
					t.Errorf("record = %+v", r)
				}
			}
		})
	}
}

func TestReadRecordsLongLine(t *testing.T) {
	text := strings.Repeat("panne ", 200000) // 1.2 MB, past bufio's buffer
	in := `{"id":"long","text":"` + text + `"}` + "\n" + `{"id":"next"}`
	recs, err := ReadRecords(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || len(recs[0].Text) != len(text) || recs[1].ID != "next" {
		t.Fatalf("got %d records", len(recs))
	}
}

func TestGolden(t *testing.T) {
	gold, pred := fixture()
	r := Score(gold, pred)
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"table", func(b *bytes.Buffer) error { return r.WriteTable(b) }},
		{"errors", func(b *bytes.Buffer) error { return r.WriteErrors(b) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from %s (run go test -update after checking):\n%s", tt.name, path, buf.String())
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteErrorsPropagate(t *testing.T) {
	gold, pred := fixture()
	r := Score(gold, pred)
	if err := r.WriteTable(failWriter{}); err == nil {
		t.Error("WriteTable ignored a write error")
	}
	if err := r.WriteErrors(failWriter{}); err == nil {
		t.Error("WriteErrors ignored a write error")
	}
}

func TestErrorsNameEveryMiss(t *testing.T) {
	gold, pred := fixture()
	r := Score(gold, pred)
	var buf bytes.Buffer
	if err := r.WriteErrors(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"g3\tlang\tar\tfr",
		"g4\tis_outage\tfalse\ttrue",
		"g2\tduration\tnull/vague\t60min/approx\t\"for hours\"",
		"g1\tsecondary\tSFR\torange; Free",
		"g6\tprediction",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("errors lack %q", want)
		}
	}
}

func FuzzReadRecords(f *testing.F) {
	f.Add(`{"id":"a","lang":"fr","is_outage":true,"outages":[{"service":"S","start":"XXXX-01-02","duration_min":5,"duration_kind":"vague","cause":"power"}]}`)
	f.Add(`{"id":"b","published":null,"outages":null}` + "\n\n" + `{"id":"c"}`)
	f.Add("{\n")
	f.Fuzz(func(t *testing.T, in string) {
		recs, err := ReadRecords(strings.NewReader(in))
		if err != nil {
			return
		}
		pred := make(map[string]Record, len(recs))
		for i, r := range recs {
			if i%2 == 0 {
				pred[r.ID] = r
			}
		}
		r := Score(recs, pred)
		for k, v := range r.Figures() {
			if math.IsNaN(v) || v < 0 || v > 1 {
				t.Fatalf("figure %s = %v", k, v)
			}
		}
		if err := r.WriteTable(&bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteErrors(&bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
	})
}
