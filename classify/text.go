package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text with its byte offsets in the text.
type token struct {
	norm       string // folded form (see fold)
	start, end int    // byte offsets in the original text
	arabic     bool   // written in Arabic script
	upper      bool   // first letter is an upper-case letter
	sent       int    // sentence index
	para       int    // paragraph index
}

// tokenize splits text into words (letters, digits and marks), folding each
// one for matching, and numbers sentences and paragraphs. A paragraph ends
// at a line break; a sentence ends at . ! ? ؟ ; । (danda) or a line break.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/6)
	sent, para := 0, 0
	pendingSent, pendingPara := false, false
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) {
					// keep decimal numbers and abbreviations like "3.5" together
					if (r2 == '.' || r2 == ',') && j+s2 < len(text) {
						r3, _ := utf8.DecodeRuneInString(text[j+s2:])
						if unicode.IsDigit(r3) && j > i && isDigitByte(text[j-1]) {
							j += s2
							continue
						}
					}
					break
				}
				j += s2
			}
			if pendingPara {
				para++
				sent++
			} else if pendingSent {
				sent++
			}
			pendingSent, pendingPara = false, false
			w := text[i:j]
			first, _ := utf8.DecodeRuneInString(w)
			toks = append(toks, token{
				norm:   fold(w),
				start:  i,
				end:    j,
				arabic: isArabicRune(first),
				upper:  unicode.IsUpper(first),
				sent:   sent,
				para:   para,
			})
			i = j
			continue
		}
		switch r {
		case '\n', '\r', '\u2029':
			pendingPara = true
		case '!', '?', '؟', ';', '؛', '|', '•', '…', '।':
			pendingSent = true
		case '.':
			// "GitHub.com", "3.5": a dot inside a word does not end a sentence.
			if i+size >= len(text) || !isWordRune(rune(text[i+size])) {
				pendingSent = true
			}
		}
		i += size
	}
	return toks
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func isWordRune(r rune) bool {
	if r == '\u0640' { // tatweel
		return true
	}
	// Mc: the vowel signs of Indic scripts (Devanagari "ि") are part of the word.
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || r == '&'
}

func isArabicRune(r rune) bool {
	return (r >= 0x0600 && r <= 0x06FF) || (r >= 0x0750 && r <= 0x077F) || (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF)
}

// fold lower-cases a word, strips Latin accents and Arabic diacritics and
// tatweel, and unifies Arabic letter variants (hamza forms of alef, alef
// maqsura, Persian yeh and keheh, taa marbuta) so that spelling variants
// match the same phrase.
func fold(w string) string {
	if isFolded(w) {
		return w // most words: nothing to change, nothing to copy
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case r < 0x80:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteRune(r)
			continue
		case r == '\u0640' || (r >= 0x064B && r <= 0x065F) || r == 0x0670:
			continue // tatweel, harakat
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			r = 'ا'
		case r == 'ى' || r == 'ی' || r == 'ې':
			r = 'ي'
		case r == 'ک':
			r = 'ك'
		case r == 'ة':
			r = 'ه'
		case r == 'ؤ':
			r = 'و'
		case r == 'ئ':
			r = 'ي'
		default:
			if f, ok := latinFold[r]; ok {
				b.WriteString(f)
				continue
			}
			r = unicode.ToLower(r)
			if f, ok := latinFold[r]; ok {
				b.WriteString(f)
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isFolded reports whether fold(w) == w because w is all ASCII without
// capitals.
func isFolded(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// latinFold maps accented Latin letters to their base letters (and the
// Cyrillic ё to е, as it is often written).
var latinFold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a",
	'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'ö': "o", 'õ': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y",
	'œ': "oe", 'æ': "ae", 'ß': "ss", 'ğ': "g", 'ş': "s", 'ı': "i",
	// Romanian (comma and cedilla forms alike), Polish, Czech and Slovak.
	'ă': "a", 'ș': "s", 'ț': "t", 'ţ': "t",
	'ą': "a", 'ę': "e", 'ł': "l", 'ś': "s", 'ć': "c", 'ń': "n", 'ź': "z", 'ż': "z",
	'č': "c", 'š': "s", 'ž': "z", 'ř': "r", 'ě': "e",
	// Cyrillic: ё is often written е.
	'ё': "е",
}

// arabicVariants returns the forms a folded Arabic word can be matched
// under: itself and the word without its leading clitics (و ف, then ب ل,
// then the article ال, or the contracted لل). Each variant keeps at least two
// letters.
func arabicVariants(w string, dst []string) []string {
	dst = append(dst[:0], w)
	add := func(s string) {
		if utf8.RuneCountInString(s) < 2 {
			return
		}
		for _, d := range dst {
			if d == s {
				return
			}
		}
		dst = append(dst, s)
	}
	stripArticle := func(s string) {
		add(s)
		if rest, ok := strings.CutPrefix(s, "ال"); ok {
			add(rest)
		}
		if rest, ok := strings.CutPrefix(s, "لل"); ok {
			add(rest)
		}
	}
	stripPrep := func(s string) {
		stripArticle(s)
		for _, p := range []string{"ب", "ل"} {
			if rest, ok := strings.CutPrefix(s, p); ok {
				stripArticle(rest)
			}
		}
	}
	stripPrep(w)
	for _, p := range []string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(w, p); ok {
			stripPrep(rest)
		}
	}
	return dst
}
