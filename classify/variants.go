package classify

import "slices"

// Name variants: a service is often named, in a text, longer than the
// gazetteer or the name finder knows it: with the product, unit or country
// word written after it ("Bell Mobility", "NHS 111", "Safaricom Ethiopia",
// "Carrefour marocain"),
// with its French article ("L'Écho du Rhône") or an English possessive
// ("Brannigan's"). Those forms, as written, become aliases of its outage:
// an analyst (or a labeller) may file the outage under any of them.

// maxVariantWords is how many words a name may be lengthened by.
const maxVariantWords = 2

// addVariants adds to each group's aliases the longer forms of its name
// that the text writes in its body (titles are often in title case, where
// capitals prove nothing).
func (c *Classifier) addVariants(an *analysis, outs []*outageGroup) {
	lower := lowerWords(an.d)
	stop, notName := c.data.stop[an.lang], c.data.notName[an.lang]
	country := an.countryTokens() // a country's name or adjective after the name: "Carrefour marocain"
	word := func(k int) bool {
		t := an.d.toks[k]
		if isAllDigits(t.norm) {
			return len(t.norm) >= 2 && len(t.norm) <= 4 // "NHS 111", "Microsoft 365"
		}
		if country[k] && !t.arabic {
			return true
		}
		return t.upper && !t.arabic && len(t.norm) > 1 && !lower[t.norm] && !stop[t.norm] && !notName[t.norm]
	}
	for _, g := range outs {
		if g.countryOf != "" {
			continue
		}
		for _, m := range g.mentions {
			if m.channel || m.to <= m.from || an.d.toks[m.from].para == 0 {
				continue
			}
			for _, v := range nameVariants(an.d, m, word) {
				if v != g.cand.key && !slices.Contains(g.cand.aliases, v) {
					g.cand.aliases = append(slices.Clip(g.cand.aliases), v) // never grow a gazetteer's slice
				}
			}
		}
	}
}

// nameVariants returns the longer forms of a mention written in the text:
// followed by up to maxVariantWords name words of its sentence, preceded
// by the French article l', followed by a possessive 's.
func nameVariants(d *doc, m mention, word func(k int) bool) []string {
	var out []string
	end := m.to
	for end < len(d.toks) && end-m.to < maxVariantWords && d.toks[end].sent == d.toks[m.from].sent &&
		d.gapBefore(end) == " " && word(end) {
		end++
	}
	if end > m.to {
		out = append(out, d.span(m.from, end))
	}
	if k := m.from - 1; k >= 0 && d.toks[k].norm == "l" && d.toks[k].sent == d.toks[m.from].sent && isApostrophe(d.gapBefore(m.from)) {
		out = append(out, d.span(k, m.to))
	}
	if k := m.to; k < len(d.toks) && d.toks[k].norm == "s" && isApostrophe(d.gapBefore(k)) {
		out = append(out, d.span(m.from, k+1))
	}
	return out
}

func isApostrophe(s string) bool { return s == "'" || s == "’" }

// lowerWords are the words the text also writes in lower case: common
// words, whatever their capitals elsewhere.
func lowerWords(d *doc) map[string]bool {
	lower := map[string]bool{}
	for _, t := range d.toks {
		if !t.upper && !t.arabic {
			lower[t.norm] = true
		}
	}
	return lower
}
