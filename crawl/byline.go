package crawl

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bylineLabelAlts are the labels of a dated byline, as alternatives of
// bylineRe (with their \b word boundaries).
var bylineLabelAlts = []string{
	`publié`, `mis en ligne`, `posté`, `\bpublished`, `\bposted`, `\bfirst published`, `\bpublication`,
	`\bon\b`, `\ble\b`, `نشر`, `تم النشر`, `بتاريخ`, `الموافق`, `\bupdated`, `\bupdate\b`, `mis à jour`,
	`modifié`, `actualisé`, `\blast modified`, `آخر تحديث`, `تحديث`,
}

// bylineDate is what follows a label in bylineRe: a short date.
const bylineDate = `[^\p{L}\p{N}]{0,6}(?:le|on|في|:)?\s*((?:[\p{L}]+\.?,?\s+)?(?:\d{1,4}[\p{L}.,/\-\s]{1,14}\d{1,4}(?:[/.\-]\d{2,4})?))`

// bylineRe finds a labelled publication or update date in visible text:
// group 1 is the label, group 2 the date.
var bylineRe = regexp.MustCompile(`(?i)(` + strings.Join(bylineLabelAlts, "|") + `)` + bylineDate)

// bylineAt is bylineRe anchored at the start of its input; bylineAfter
// is anchored one character earlier, which it consumes, so that the \b
// of a label sees the character before it.
var (
	bylineAt    = regexp.MustCompile(`(?i)^(` + strings.Join(bylineLabelAlts, "|") + `)` + bylineDate)
	bylineAfter = regexp.MustCompile(`(?i)^(?s:.)(` + strings.Join(bylineLabelAlts, "|") + `)` + bylineDate)
)

// bylineWords are the labels without their \b, to find where a match may
// start; bylineFirst holds their first letters in every case.
var (
	bylineWords = func() []string {
		out := make([]string, len(bylineLabelAlts))
		for i, l := range bylineLabelAlts {
			out[i] = strings.ReplaceAll(l, `\b`, "")
		}
		return out
	}()
	bylineFirst = func() map[rune]bool {
		out := map[rune]bool{}
		for _, w := range bylineWords {
			r, _ := utf8.DecodeRuneInString(w)
			out[r] = true
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				out[f] = true
			}
		}
		return out
	}()
)

// bylineMatches returns what bylineRe.FindAllStringSubmatch(line, n)
// returns, faster: a match starts with a label, so the regexp is tried,
// anchored, only where a label's words begin (compared with the same case
// folding as the regexp's (?i)), instead of at every position of the line.
func bylineMatches(line string, n int) [][]string {
	var out [][]string
	for p := 0; p < len(line) && (n < 0 || len(out) < n); {
		r, size := utf8.DecodeRuneInString(line[p:])
		if !bylineFirst[r] || !bylineWordAt(line[p:]) {
			p += size
			continue
		}
		var m []int
		if p == 0 {
			m = bylineAt.FindStringSubmatchIndex(line)
		} else {
			_, prev := utf8.DecodeLastRuneInString(line[:p])
			if m = bylineAfter.FindStringSubmatchIndex(line[p-prev:]); m != nil {
				for i := range m {
					if m[i] >= 0 {
						m[i] += p - prev
					}
				}
				m[0] = p
			}
		}
		if m == nil {
			p += size
			continue
		}
		out = append(out, []string{line[m[0]:m[1]], line[m[2]:m[3]], line[m[4]:m[5]]})
		p = m[1]
	}
	return out
}

// bylineWordAt reports whether s starts with one of bylineWords, any case.
func bylineWordAt(s string) bool {
	for _, w := range bylineWords {
		if hasFoldPrefix(s, w) {
			return true
		}
	}
	return false
}

// hasFoldPrefix reports whether s starts with prefix under simple Unicode
// case folding, as a regexp's (?i) compares (so "ſ" matches "s").
func hasFoldPrefix(s, prefix string) bool {
	for _, pr := range prefix {
		if s == "" {
			return false
		}
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if r != pr && (r < utf8.RuneSelf && pr < utf8.RuneSelf && r|0x20 != pr|0x20 || !foldEqual(r, pr)) {
			return false
		}
	}
	return true
}

// foldEqual reports whether a and b are in the same simple case-folding
// orbit.
func foldEqual(a, b rune) bool {
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}
