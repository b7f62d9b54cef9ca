package rules

import (
	"unicode"
	"unicode/utf8"
)

// token is one word, number or punctuation mark of the normalised text.
// Start and End are byte offsets into the ORIGINAL text.
type token struct {
	s          string // normalised form
	start, end int    // offsets in the original text
	space      bool   // whitespace (or the start of text) precedes it
	kind       byte   // 'a' letters, '0' digits, '.' punctuation
}

// foldRune maps one rune to its matching form: lower case, Latin accents
// removed, Arabic letter variants unified, Arabic-Indic digits to ASCII.
// It returns -1 for runes dropped from matching (harakat, tatweel).
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		switch {
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		case r == '`':
			return '\''
		}
		return r
	}
	if r >= 0x0621 && r <= 0x064A {
		// Arabic letters: only a few variants change
		switch r {
		case 'أ', 'إ', 'آ':
			return 'ا'
		case 'ى':
			return 'ي'
		case 'ة':
			return 'ه'
		case 0x0640:
			return -1 // tatweel
		}
		return r
	}
	switch {
	case r >= '0' && r <= '9':
		return r
	case r >= 0x0660 && r <= 0x0669:
		return '0' + (r - 0x0660)
	case r >= 0x06F0 && r <= 0x06F9:
		return '0' + (r - 0x06F0)
	case r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0640:
		return -1 // harakat, superscript alef, tatweel
	case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ':
		return 'ا'
	case r == 'ى':
		return 'ي'
	case r == 'ة':
		return 'ه'
	case r == '،', r == '٫':
		return ','
	case r == '؛':
		return ';'
	case r == '؟':
		return '?'
	case r == '’', r == '‘', r == 'ʼ', r == '`', r == '´':
		return '\''
	case r == '–', r == '—', r == '‑', r == '‐', r == '−':
		return '-'
	case r == '«', r == '»', r == '“', r == '”':
		return '"'
	case r == 0xA0, r == 0x202F, r == 0x2009, r == 0x200B, r == 0x200E, r == 0x200F, r == 0x200C, r == 0x200D:
		return ' '
	}
	if r < 0x80 {
		return unicode.ToLower(r)
	}
	switch r {
	case 'à', 'â', 'ä', 'á', 'ã', 'À', 'Â', 'Ä', 'Á':
		return 'a'
	case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë':
		return 'e'
	case 'î', 'ï', 'í', 'Î', 'Ï':
		return 'i'
	case 'ô', 'ö', 'ó', 'Ô', 'Ö':
		return 'o'
	case 'ù', 'û', 'ü', 'ú', 'Ù', 'Û', 'Ü':
		return 'u'
	case 'ç', 'Ç':
		return 'c'
	case 'œ', 'Œ':
		return 'o' // and tokenize adds the 'e': "cœur" → "coeur"
	}
	return unicode.ToLower(r)
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// tokenize splits text into tokens of folded runes. Letters and digits form
// separate tokens ("14h30" is 14, h, 30); every other non-space rune is a
// token of its own. It runs in one pass over the text; the folded forms of
// all tokens share one string.
func tokenize(text string) []token { return new(scanBufs).tokenize(text) }

// tokenize is tokenize reusing b's slices; the tokens are valid until b's
// next use.
func (b *scanBufs) tokenize(text string) []token {
	toks := grow(b.toks[:0], len(text)/4+1)
	buf := grow(b.folded[:0], len(text))
	ends := grow(b.foldEnds[:0], cap(toks)) // end of each token's folded form in buf
	defer func() { b.toks, b.folded, b.foldEnds = toks, buf, ends }()
	cur := token{}
	inTok := false
	space := true
	flush := func(end int) {
		if inTok {
			cur.end = end
			toks = append(toks, cur)
			ends = append(ends, len(buf))
			inTok = false
		}
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n <= 1 {
			flush(i)
			space = true
			i += n
			if n == 0 {
				i++
			}
			continue
		}
		f := foldRune(r)
		if f == -1 {
			// dropped rune: stays inside the current token
			i += n
			if inTok {
				cur.end = i
			}
			continue
		}
		k := foldedKind(f)
		if k == ' ' {
			flush(i)
			space = true
			i += n
			continue
		}
		if inTok && (cur.kind != k || k == '.') {
			flush(i)
		}
		if !inTok {
			cur = token{start: i, space: space, kind: k}
			inTok = true
			space = false
		}
		buf = utf8.AppendRune(buf, f)
		if r == 'œ' || r == 'Œ' {
			buf = append(buf, 'e') // "cœur" matches "coeur"
		}
		i += n
	}
	flush(len(text))
	setFolded(toks, ends, string(buf))
	toks = dropElision(toks)
	return toks
}

// foldedKind is the kind of token a rune folded by foldRune belongs to:
// 'a' a letter, '0' a digit, ' ' a space or control, '.' anything else.
func foldedKind(f rune) byte {
	switch {
	case f < utf8.RuneSelf:
		return asciiKind(f)
	case f >= 0x0621 && f <= 0x064A && f != 0x0640:
		return 'a' // Arabic letters
	case f >= '0' && f <= '9':
		return '0'
	case isLetter(f):
		return 'a'
	case unicode.IsSpace(f) || unicode.IsControl(f):
		return ' '
	}
	return '.'
}

// setFolded gives each token its folded form, a slice of folded: token k's
// ends at ends[k] and starts where the one before it ends.
func setFolded(toks []token, ends []int, folded string) {
	from := 0
	for k := range toks {
		toks[k].s = folded[from:ends[k]]
		from = ends[k]
	}
}

// grow returns s with room for n elements, keeping its length.
func grow[T any](s []T, n int) []T {
	if cap(s)-len(s) < n {
		return append(s[:len(s):len(s)], make([]T, n)...)[:len(s)]
	}
	return s
}

// asciiKind is the kind of token an ASCII rune folded by foldRune starts:
// 'a', '0', '.', or ' ' for a space or control rune that separates tokens.
func asciiKind(f rune) byte {
	switch {
	case f >= '0' && f <= '9':
		return '0'
	case f >= 'a' && f <= 'z':
		return 'a'
	case f == ' ' || f < 0x20 || f == 0x7f:
		return ' '
	}
	return '.'
}

// dropElision removes the apostrophe of an elided one-letter word ("d'",
// "l'", "o'clock") so that "d'octobre" reads as "d octobre". Rule phrases
// go through the same tokenizer, so they keep matching.
func dropElision(toks []token) []token {
	out := toks[:0]
	for i, t := range toks {
		if elided(toks, i) {
			continue
		}
		if len(out) < i {
			out = append(out, t)
		} else {
			out = out[:i+1] // nothing dropped yet: no copy
		}
	}
	return out
}

// elided reports whether token i is the apostrophe of an elided
// one-letter word.
func elided(toks []token, i int) bool {
	t := toks[i]
	return t.s == "'" && i > 0 && i+1 < len(toks) && !t.space && !toks[i+1].space &&
		toks[i-1].kind == 'a' && utf8.RuneCountInString(toks[i-1].s) == 1 && toks[i+1].kind == 'a'
}

// foldPhrase tokenises a rule phrase the way tokenize treats text and
// returns the normalised token strings.
func foldPhrase(p string) []string {
	toks := tokenize(p)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.s
	}
	return out
}
