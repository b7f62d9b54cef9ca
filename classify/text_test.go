package classify

import "testing"

// TestSentenceDots: a dot ends a sentence, except inside a word or a
// number and after an abbreviation.
func TestSentenceDots(t *testing.T) {
	tests := []struct {
		name, text string
		sents      int
	}{
		{"two sentences", "Rogers went down. Users complained.", 2},
		{"company suffix", "The chief of Rogers Communications Inc. has apologised for the outage.", 1},
		{"saint", "The system at St. Mary's Hospital failed on Monday.", 1},
		{"title", "Mr. Staffieri said service was restored.", 1},
		{"domain", "GitHub.com was down for 3.5 hours.", 1},
		{"an abbreviation ending a sentence joins the next (accepted)", "The outage hit Acme Corp. Users complained.", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tokenize(tt.text)
			if got := toks[len(toks)-1].sent - toks[0].sent + 1; got != tt.sents {
				t.Errorf("%q: %d sentences, want %d", tt.text, got, tt.sents)
			}
		})
	}
}
