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
// at a line break; a sentence ends at . (not inside a word or after an
// abbreviation) ! ? ؟ ; ؛ | • … । (danda) or a line break.
func tokenize(text string) []token { return new(docBufs).tokenize(text) }

// tokenize is tokenize reusing b's slices: the tokens are valid until b's
// next use.
func (b *docBufs) tokenize(text string) []token {
	toks := grow(b.toks[:0], len(text)/6)
	buf := grow(b.folded[:0], len(text))    // folded forms of the words that fold changes
	ends := grow(b.foldEnds[:0], cap(toks)) // per token: end of its folded form in buf, or -1
	defer func() { b.toks, b.folded, b.foldEnds = toks, buf, ends }()
	var at textPos
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			at.mark(r, text, i, toks)
			i += size
			continue
		}
		j := wordEnd(text, i, i+size)
		at.word()
		w := text[i:j]
		first, _ := utf8.DecodeRuneInString(w)
		norm := w
		if isFolded(w) {
			ends = append(ends, -1)
		} else {
			buf = appendFold(buf, w)
			ends = append(ends, int32(len(buf)))
			norm = ""
		}
		toks = append(toks, token{
			norm:   norm,
			start:  i,
			end:    j,
			arabic: isArabicRune(first),
			upper:  unicode.IsUpper(first),
			sent:   at.sent,
			para:   at.para,
		})
		i = j
	}
	setFolded(toks, string(buf), ends)
	return toks
}

// wordEnd returns the end of the word that starts at i and whose first
// rune ends at j: it runs on over word runes, and over a dot or comma
// between digits ("3.5", "1,000").
func wordEnd(text string, i, j int) int {
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isWordRune(r) {
			// keep decimal numbers and abbreviations like "3.5" together
			if (r == '.' || r == ',') && j+size < len(text) {
				next, _ := utf8.DecodeRuneInString(text[j+size:])
				if unicode.IsDigit(next) && j > i && isDigitByte(text[j-1]) {
					j += size
					continue
				}
			}
			break
		}
		j += size
	}
	return j
}

// textPos numbers the sentences and paragraphs of a text as tokenize
// reads it: a break seen between two words starts a new sentence (and
// paragraph) at the next word.
type textPos struct {
	sent, para               int
	pendingSent, pendingPara bool
}

// word moves to the sentence and paragraph of a word that starts.
func (p *textPos) word() {
	if p.pendingPara {
		p.para++
		p.sent++
	} else if p.pendingSent {
		p.sent++
	}
	p.pendingSent, p.pendingPara = false, false
}

// mark notes the break that r, a rune outside words at text[i] after the
// tokens toks, makes: a line break ends a paragraph; . ! ? ؟ ; ؛ | • …
// and । end a sentence, a dot only outside a word and after no
// abbreviation.
func (p *textPos) mark(r rune, text string, i int, toks []token) {
	switch r {
	case '\n', '\r', '\u2029':
		p.pendingPara = true
	case '!', '?', '؟', ';', '؛', '|', '•', '…', '।':
		p.pendingSent = true
	case '.':
		// "GitHub.com", "3.5": a dot inside a word does not end a
		// sentence, nor one after an abbreviation ("Rogers
		// Communications Inc. has", "St. Mary's"). A dot is one byte;
		// what follows it may be a quote, a dash or a no-break space of
		// several ("tombé.» Puis", "down.” Then").
		if next, _ := utf8.DecodeRuneInString(text[i+1:]); (i+1 >= len(text) || !isWordRune(next)) && !abbrevDot(toks, text, i) {
			p.pendingSent = true
		}
	}
}

// abbreviations are the words (folded) whose dot does not end a sentence.
var abbreviations = map[string]bool{
	"inc": true, "ltd": true, "corp": true, "co": true, "plc": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "st": true, "jr": true, "sr": true, "mt": true, "vs": true, "mme": true, "mlle": true, "cie": true,
}

// abbrevDot reports whether the dot at text[i] closes an abbreviation
// (the word before it is one).
func abbrevDot(toks []token, text string, i int) bool {
	n := len(toks)
	if n == 0 || toks[n-1].end != i || toks[n-1].end-toks[n-1].start > 4 {
		return false
	}
	return abbreviations[strings.ToLower(text[toks[n-1].start:i])] // the token's form is folded later
}

// setFolded gives the tokens whose folded form differs from the text
// their forms, which follow one another in folded.
func setFolded(toks []token, folded string, ends []int32) {
	from := 0
	for k, e := range ends {
		if e >= 0 {
			toks[k].norm = folded[from:e]
			from = int(e)
		}
	}
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '&'
	}
	if r >= 0x0620 && r <= 0x065F {
		return true // Arabic letters, tatweel and harakat
	}
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
	return string(appendFold(make([]byte, 0, len(w)), w))
}

// appendFold appends the folded form of w (see fold) to b.
func appendFold(b []byte, w string) []byte {
	for _, r := range w {
		switch {
		case r < 0x80:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = utf8.AppendRune(b, r)
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
		case r >= 0x0600 && r <= 0x06FF:
			// other Arabic letters: no case, no accents
		default:
			if f, ok := foldLatin(r); ok {
				b = append(b, f...)
				continue
			}
			r = unicode.ToLower(r)
			if f, ok := foldLatin(r); ok {
				b = append(b, f...)
				continue
			}
		}
		b = utf8.AppendRune(b, r)
	}
	return b
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

// latinFoldMax is above every letter of latinFold: no rune after it is
// looked up.
const latinFoldMax = 0x451 // ё

// foldLatin is latinFold[r], looked up only for runes that may be there.
func foldLatin(r rune) (string, bool) {
	if r > latinFoldMax {
		return "", false
	}
	f, ok := latinFold[r]
	return f, ok
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

// arabicVariantsMax is room for the variants of one Arabic word: at most
// 18 (itself, then three forms with each of five clitic prefixes stripped),
// most words have one to four.
const arabicVariantsMax = 18

// arabicVariants returns the forms a folded Arabic word can be matched
// under: itself and the word without its leading clitics (و ف, then ب ل,
// then the article ال, or the contracted لل). Each variant keeps at least two
// letters.
func arabicVariants(w string, dst []string) []string {
	dst = append(dst[:0], w)
	dst = stripPrep(dst, w)
	for _, p := range [...]string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(w, p); ok {
			dst = stripPrep(dst, rest)
		}
	}
	return dst
}

// stripPrep adds s and s without a leading ب or ل to dst, each with and
// without its article (see stripArticle).
func stripPrep(dst []string, s string) []string {
	dst = stripArticle(dst, s)
	for _, p := range [...]string{"ب", "ل"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			dst = stripArticle(dst, rest)
		}
	}
	return dst
}

// stripArticle adds s and s without a leading ال or لل to dst.
func stripArticle(dst []string, s string) []string {
	dst = addVariant(dst, s)
	if rest, ok := strings.CutPrefix(s, "ال"); ok {
		dst = addVariant(dst, rest)
	}
	if rest, ok := strings.CutPrefix(s, "لل"); ok {
		dst = addVariant(dst, rest)
	}
	return dst
}

// addVariant appends s to dst unless it is shorter than two letters or
// already there.
func addVariant(dst []string, s string) []string {
	if utf8.RuneCountInString(s) < 2 {
		return dst
	}
	for _, d := range dst {
		if d == s {
			return dst
		}
	}
	return append(dst, s)
}
