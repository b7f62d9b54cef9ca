package classify

import (
	"reflect"
	"sync"
	"testing"

	"outages/corpus"
)

// TestClassifyReusesNoState classifies texts of different lengths and
// languages one after another and from several goroutines at once: the
// slices a classification leaves to the next one must change no answer.
func TestClassifyReusesNoState(t *testing.T) {
	c := newTest(t)
	texts := append(benchTexts(),
		"Panne d'électricité à Lyon mardi soir : 20 000 foyers privés de courant pendant deux heures.",
		"WhatsApp was down for three hours on Monday after a server fault, the company said.",
		"انقطعت خدمة الإنترنت في القاهرة يوم الأحد لمدة خمس ساعات بسبب عطل فني.",
		"La météo de demain : du soleil sur toute la France.",
		"",
	)
	classify := func(text string) (corpus.Article, *Explanation) {
		a := corpus.Article{Body: text, Published: "2024-05-07"}
		ex := c.Classify(&a)
		return a, ex
	}
	type result struct {
		a  corpus.Article
		ex *Explanation
	}
	want := make([]result, len(texts))
	for i, text := range texts {
		want[i].a, want[i].ex = classify(text)
	}
	check := func(t *testing.T, round int) {
		for k := range texts {
			i := (k + round) % len(texts)
			a, ex := classify(texts[i])
			if !reflect.DeepEqual(a, want[i].a) || !reflect.DeepEqual(ex, want[i].ex) {
				t.Errorf("round %d, text %d: the classification changed on a second run", round, i)
			}
		}
	}
	t.Run("sequential", func(t *testing.T) {
		for round := range 3 {
			check(t, round)
		}
	})
	t.Run("concurrent", func(t *testing.T) {
		var wg sync.WaitGroup
		for g := range 3 {
			wg.Go(func() { check(t, g) })
		}
		wg.Wait()
	})
}
