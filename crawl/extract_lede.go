package crawl

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Ledes (standfirsts, "chapô", "chapeau", "perex") are the short
// introductory paragraphs that many sites print between the headline and
// the article body, often in a block of their own outside the body's
// container, so the container chosen by scoring leaves them out. They are
// recovered by looking at what precedes the chosen container: the
// container's own preceding siblings, and, a few levels up, the preceding
// siblings of its ancestors (the headline block).

// ledeTokens are class/id tokens (split on space, '-' and '_') that name
// a lede block in common CMS themes and in several languages.
var ledeTokens = map[string]bool{
	"chapo": true, "chapô": true, "chapeau": true, "chapeaux": true, "standfirst": true, "lede": true,
	"lead": true, "leadin": true, "intro": true, "introduction": true, "perex": true, "sapo": true,
	"summary": true, "excerpt": true, "dek": true, "deck": true, "abstract": true, "resume": true,
	"résumé": true, "accroche": true, "subheadline": true, "description": true, "strapline": true,
}

// ledeMaxLevels is how many ancestors of the chosen container are searched
// for a preceding lede; ledeMaxSiblings bounds the siblings looked at per
// level and ledeMaxDepth how deep a preceding sibling is searched.
const (
	ledeMaxLevels   = 3
	ledeMaxSiblings = 8
	ledeMaxDepth    = 5
)

// hasLedeToken reports whether the class or id of n names a lede.
func hasLedeToken(n *html.Node) bool {
	for _, v := range []string{xAttr(n, "class"), xAttr(n, "id")} {
		if v == "" {
			continue
		}
		for _, f := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n' }) {
			if ledeTokens[f] {
				return true
			}
		}
	}
	switch strings.ToLower(xAttr(n, "itemprop")) {
	case "description", "abstract":
		return true
	}
	return false
}

// proseBlock reports whether n reads as running text: long enough, few
// links, and sentence punctuation. minRunes is the length required.
func (e *bodyExtractor) proseBlock(n *html.Node, minRunes int) bool {
	st := e.stat(n)
	if st.removed || st.text < minRunes || st.text > 3000 {
		return false
	}
	if e.linkDensity(n) >= 0.25 || st.input > 0 {
		return false
	}
	if st.heading*2 > st.text {
		return false
	}
	txt := xNodeText(n)
	return xEndsSentence(txt) || strings.ContainsAny(txt, ".!?؟。") && utf8.RuneCountInString(txt) >= 2*minRunes
}

// paragraphLike reports whether n holds only inline content or paragraphs
// (a lede or standfirst block), not a layout container.
func (e *bodyExtractor) paragraphLike(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P:
		return true
	case atom.Div, atom.Section, atom.Span, atom.Font:
	default:
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || e.stat(c).removed {
			continue
		}
		if c.DataAtom == atom.P {
			if e.hasBlockChild(c, 0) {
				return false
			}
			continue
		}
		if xIsBlock(c) || e.hasBlockChild(c, 0) {
			return false
		}
	}
	return true
}

// siblingLede reports whether s, a preceding sibling of the chosen
// container, is a lede: a paragraph-like block of prose, or a block whose
// class names a lede.
func (e *bodyExtractor) siblingLede(s *html.Node) bool {
	if e.stat(s).removed {
		return false
	}
	if hasLedeToken(s) {
		return e.proseBlock(s, 40)
	}
	return e.paragraphLike(s) && e.proseBlock(s, 100)
}

// findLede searches n (a preceding sibling of an ancestor of the chosen
// container) for a block whose class names a lede.
func (e *bodyExtractor) findLede(n *html.Node, depth int) *html.Node {
	if depth > ledeMaxDepth || n.Type != html.ElementNode || e.stat(n).removed {
		return nil
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Table, atom.Form, atom.A:
		return nil
	}
	if hasLedeToken(n) && e.proseBlock(n, 40) && !e.hasHeadline(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := e.findLede(c, depth+1); f != nil {
			return f
		}
	}
	return nil
}

// hasHeadline reports whether n contains a kept <h1>.
func (e *bodyExtractor) hasHeadline(n *html.Node) bool {
	if n.DataAtom == atom.H1 {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !e.stat(c).removed && e.hasHeadline(c) {
			return true
		}
	}
	return false
}

// precedingLede returns the first lede block found among the preceding
// siblings of top and of its ancestors (up to ledeMaxLevels levels up),
// with the preceding sibling of top's branch that holds it.
func (e *bodyExtractor) precedingLede(top *html.Node) (lede, holder *html.Node) {
	a := top
	for level := 0; level <= ledeMaxLevels && a != nil && a.Type == html.ElementNode && a.DataAtom != atom.Body; level++ {
		seen := 0
		for s := a.PrevSibling; s != nil && seen < ledeMaxSiblings; s = s.PrevSibling {
			if s.Type != html.ElementNode {
				continue
			}
			seen++
			if f := e.findLede(s, 0); f != nil {
				return f, s
			}
		}
		a = a.Parent
	}
	return nil, nil
}

// proseLine reports whether a rendered block reads as running text rather
// than a label: long, or a sentence of several words.
func proseLine(s string) bool {
	n := utf8.RuneCountInString(s)
	if n >= 80 {
		return true
	}
	return n >= 20 && len(strings.Fields(s)) >= 4 && xEndsSentence(s)
}

// trimChrome drops the rendered blocks that are page chrome rather than
// article text: widget labels (boilerLine), section headings that title
// no running text (the heading of a link list or a media box that was
// removed), and the short list items (date, print, permalink tools) that
// trail after the last paragraph of running text.
func trimChrome(blocks []string, kinds []blockKind) []string {
	lastProse := -1
	for i, s := range blocks {
		if kinds[i] != blockHeading && proseLine(s) {
			lastProse = i
		}
	}
	kept := make([]string, 0, len(blocks))
	for i, s := range blocks {
		if boilerLine(s) {
			continue
		}
		switch kinds[i] {
		case blockHeading:
			if lastProse >= 0 && !titlesProse(blocks, kinds, i) {
				continue
			}
		case blockItem:
			if lastProse >= 0 && i > lastProse && !proseLine(s) && utf8.RuneCountInString(s) < 80 {
				continue
			}
		}
		kept = append(kept, s)
	}
	return kept
}

// titlesProse reports whether the heading blocks[i] is followed by running
// text before the next heading of the page.
func titlesProse(blocks []string, kinds []blockKind, i int) bool {
	for j := i + 1; j < len(blocks); j++ {
		if kinds[j] == blockHeading {
			return false
		}
		if proseLine(blocks[j]) {
			return true
		}
	}
	return false
}
