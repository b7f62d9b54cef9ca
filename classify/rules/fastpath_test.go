package rules

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// TestTagReusesNoState tags texts of different lengths and languages one
// after another and from several goroutines at once: the slices a scan
// leaves to the next one must not change any answer.
func TestTagReusesNoState(t *testing.T) {
	tg := tagger(t)
	texts := []struct{ lang, text string }{
		{"fr", strings.Repeat("Panne du réseau mardi 12 mars de 9h à 11h30, rétabli après deux heures. ", 20)},
		{"en", "Down since Monday at 3 pm for about 4 hours, caused by a fibre cut."},
		{"ar", "انقطعت الكهرباء يوم الأحد لمدة ثلاث ساعات بسبب عطل فني."},
		{"fr", "Publié le 22 juin 2012 à 10h54. Coupure d'électricité hier soir."},
		{"en", ""},
	}
	want := make([][]Expr, len(texts))
	for i, x := range texts {
		want[i] = tg.Tag(x.text, x.lang, refDay)
	}
	check := func(t *testing.T, round int) {
		for k := range texts {
			i := (k + round) % len(texts)
			if got := tg.Tag(texts[i].text, texts[i].lang, refDay); !reflect.DeepEqual(got, want[i]) {
				t.Errorf("round %d, text %d: Tag gives\n%+v\nwant\n%+v", round, i, got, want[i])
			}
		}
	}
	t.Run("sequential", func(t *testing.T) {
		for round := range 5 {
			check(t, round)
		}
	})
	t.Run("concurrent", func(t *testing.T) {
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Go(func() { check(t, g) })
		}
		wg.Wait()
	})
}

// TestFoldRuneArabic checks the fast path of Arabic letters against the
// general rules: unchanged letters, unified variants, dropped tatweel.
func TestFoldRuneArabic(t *testing.T) {
	for r := rune(0x0600); r <= 0x06FF; r++ {
		want := r
		switch {
		case r >= 0x0660 && r <= 0x0669:
			want = '0' + r - 0x0660
		case r >= 0x06F0 && r <= 0x06F9:
			want = '0' + r - 0x06F0
		case r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0640:
			want = -1
		case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ':
			want = 'ا'
		case r == 'ى':
			want = 'ي'
		case r == 'ة':
			want = 'ه'
		case r == '،', r == '٫':
			want = ','
		case r == '؛':
			want = ';'
		case r == '؟':
			want = '?'
		}
		if got := foldRune(r); got != want {
			t.Errorf("foldRune(%U) = %U, want %U", r, got, want)
		}
	}
}

// TestFormatsMatchFmt checks the hand-written number formats against fmt.
func TestFormatsMatchFmt(t *testing.T) {
	for _, n := range []int{-12, -1, 0, 1, 9, 10, 59, 99, 100, 999, 1000, 2024, 9999, 10000, 123456} {
		for _, w := range []int{2, 4} {
			if got, want := string(appendPadded(nil, n, w)), fmt.Sprintf("%0*d", w, n); got != want {
				t.Errorf("appendPadded(%d, %d) = %q, want %q", n, w, got, want)
			}
		}
	}
	for _, hm := range [][2]int{{0, 0}, {9, 5}, {23, 59}, {24, 0}, {100, 7}} {
		if got, want := hhmm(hm[0], hm[1]), fmt.Sprintf("%02d:%02d", hm[0], hm[1]); got != want {
			t.Errorf("hhmm(%d, %d) = %q, want %q", hm[0], hm[1], got, want)
		}
	}
	dates := []dateVal{
		{y: 2024, m: 3, d: 14, grain: "day", ok: true},
		{m: 3, d: 4, grain: "day", ok: true},
		{y: 2021, grain: "year", ok: true},
		{grain: "year", ok: true},
		{y: 2020, m: 11, grain: "month", ok: true},
		{m: 1, grain: "quarter", ok: true},
		{y: 2019, m: 2, d: 3, grain: "week", ok: true},
		{y: 2019, m: 2, d: 3, grain: "day"},
	}
	for _, d := range dates {
		if got, want := d.value(), fmtValue(d); got != want {
			t.Errorf("%+v.value() = %q, want %q", d, got, want)
		}
	}
}

// fmtValue is dateVal.value written with fmt.
func fmtValue(d dateVal) string {
	if !d.ok {
		return ""
	}
	switch d.grain {
	case "year":
		return fmt.Sprintf("%04d", d.y)
	case "month", "quarter":
		if d.y == 0 {
			return fmt.Sprintf("XXXX-%02d", d.m)
		}
		return fmt.Sprintf("%04d-%02d", d.y, d.m)
	}
	if d.y == 0 {
		return fmt.Sprintf("XXXX-%02d-%02d", d.m, d.d)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
}

// TestMemosAnswerAsParsed checks that a memo gives back every kind of
// answer as the parser gave it, and parses each slot once.
func TestMemosAnswerAsParsed(t *testing.T) {
	answers := []struct {
		v   dateVal
		end int
		ok  bool
	}{
		{dateVal{y: 2024, m: 3, d: 14, grain: "day", ok: true}, 3, true},
		{dateVal{}, 1, false},                    // a plain failure
		{dateVal{}, 0, false},                    // a failure that answers another end
		{dateVal{grain: "day"}, 3, false},        // a failure with a value
		{dateVal{m: 2, grain: "month"}, 4, true}, // a success with no year
	}
	var m memos[dateVal]
	m.reset(len(answers))
	calls := make([]int, len(answers))
	for round := range 3 {
		for i, a := range answers {
			v, end, ok := m.memo(i, func() (dateVal, int, bool) { calls[i]++; return a.v, a.end, a.ok })
			if v != a.v || end != a.end || ok != a.ok {
				t.Errorf("round %d, slot %d: memo gives (%+v, %d, %v), want (%+v, %d, %v)", round, i, v, end, ok, a.v, a.end, a.ok)
			}
		}
	}
	for i, n := range calls {
		if n != 1 {
			t.Errorf("slot %d parsed %d times, want once", i, n)
		}
	}
	out := 0
	for range 2 {
		m.memo(len(answers), func() (dateVal, int, bool) { out++; return dateVal{}, 0, false })
	}
	if out != 2 {
		t.Errorf("a slot out of range parsed %d times in two calls, want 2", out)
	}
}

// TestTokenizeLigatures: the ligature œ folds to "oe", so that "cœur",
// "œuvre" and "nœud" meet rules written "coeur", "oeuvre", "noeud".
func TestTokenizeLigatures(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"lower", "cœur", "coeur"},
		{"upper", "Œuvre", "oeuvre"},
		{"inside", "nœud", "noeud"},
		{"plain", "coeur", "coeur"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tokenize(tt.text)
			if len(toks) != 1 || toks[0].s != tt.want {
				t.Errorf("tokenize(%q) = %+v, want one token %q", tt.text, toks, tt.want)
			}
		})
	}
}
