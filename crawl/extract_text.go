package crawl

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// xMaxDepth bounds every recursive walk over the DOM so that pathological
// documents finish in bounded time and stack. Deeper content is ignored.
const xMaxDepth = 400

// xBlockAtoms are the elements that start a new text block when rendered.
var xBlockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.Aside: true, atom.Header: true, atom.Footer: true,
	atom.Nav: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Ul: true, atom.Ol: true, atom.Li: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Table: true, atom.Tr: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Caption: true, atom.Blockquote: true, atom.Pre: true, atom.Figure: true,
	atom.Figcaption: true, atom.Form: true, atom.Fieldset: true, atom.Hr: true,
	atom.Address: true, atom.Details: true, atom.Summary: true, atom.Center: true,
	atom.Body: true, atom.Html: true, atom.Option: true, atom.Legend: true,
}

// xIsBlock reports whether n renders as a block of its own.
func xIsBlock(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if n.DataAtom == 0 {
		// Unknown (custom) elements: treat as blocks so words never glue
		// across them; most custom elements are layout containers.
		return true
	}
	return xBlockAtoms[n.DataAtom]
}

// xAttr returns the value of the attribute key of n, or "".
func xAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// xHasAttr reports whether n carries the attribute key.
func xHasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// blockKind tells what element a rendered block comes from.
type blockKind uint8

const (
	blockText    blockKind = iota
	blockHeading           // <h1>…<h6>
	blockItem              // <li>, <dt>, <dd>
)

// xTextBuilder renders nodes into blocks of whitespace-collapsed text.
type xTextBuilder struct {
	blocks []string
	kinds  []blockKind // kinds[i] is the kind of blocks[i]
	kind   blockKind   // kind of the block being built
	cur    strings.Builder
	space  bool // a space is pending before the next word
	pre    int  // depth inside <pre>
}

// text appends raw text, collapsing whitespace (except inside <pre>).
func (b *xTextBuilder) text(s string) {
	if b.pre > 0 {
		if b.cur.Len() == 0 {
			s = strings.TrimLeft(s, "\r\n")
		}
		b.cur.WriteString(s)
		return
	}
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if xIsSpace(r) {
			b.space = true
		} else if xInvisible(r) {
			// Soft hyphens and word joiners only hint at line breaking.
		} else {
			if b.space && b.cur.Len() > 0 {
				last, _ := utf8.DecodeLastRuneInString(b.cur.String())
				if last != '\n' {
					b.cur.WriteByte(' ')
				}
			}
			b.space = false
			if r == utf8.RuneError && size == 1 {
				b.cur.WriteRune(utf8.RuneError)
			} else {
				b.cur.WriteString(s[:size])
			}
		}
		s = s[size:]
	}
}

// lineBreak ends the current line without ending the block (<br>); a
// second <br> in a row ends the block, as "<br><br>" separates paragraphs
// on older pages.
func (b *xTextBuilder) lineBreak() {
	if b.cur.Len() > 0 {
		s := b.cur.String()
		if strings.HasSuffix(s, "\n") {
			b.flush()
		} else {
			b.cur.WriteByte('\n')
		}
	}
	b.space = false
}

// flush ends the current block.
func (b *xTextBuilder) flush() {
	s := strings.TrimSpace(b.cur.String())
	if s != "" {
		b.blocks = append(b.blocks, s)
		b.kinds = append(b.kinds, b.kind)
	}
	b.cur.Reset()
	b.space = false
}

// String returns the blocks separated by blank lines.
func (b *xTextBuilder) String() string {
	b.flush()
	return strings.Join(b.blocks, "\n\n")
}

// xInvisibleChars are format characters that render as nothing inside a
// word: the soft hyphen (U+00AD, a hyphenation hint that typesetting
// plugins insert between syllables) and the word joiner (U+2060).
const xInvisibleChars = "\u00ad\u2060"

// xInvisible reports whether r is one of xInvisibleChars.
func xInvisible(r rune) bool { return r == '\u00ad' || r == '\u2060' }

// xStripInvisible removes xInvisibleChars from s.
func xStripInvisible(s string) string {
	if !strings.ContainsAny(s, xInvisibleChars) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if xInvisible(r) {
			return -1
		}
		return r
	}, s)
}

// xIsSpace reports whether r is whitespace for rendering purposes
// (including the no-break space, which sites use as a separator).
func xIsSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// xSkipAtoms never contribute text.
var xSkipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Select: true, atom.Textarea: true,
	atom.Button: true, atom.Input: true, atom.Head: true, atom.Title: true,
	atom.Audio: true, atom.Video: true, atom.Map: true, atom.Link: true, atom.Meta: true,
}

// render appends the text of n to b, skipping nodes for which skip is true.
func (b *xTextBuilder) render(n *html.Node, skip func(*html.Node) bool, depth int) {
	if depth > xMaxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		b.text(n.Data)
		return
	case html.ElementNode:
		if xSkipAtoms[n.DataAtom] || (skip != nil && skip(n)) {
			// A skipped element still separates the words around it.
			if xIsBlock(n) {
				b.flush()
			} else {
				b.space = true
			}
			return
		}
		if n.DataAtom == atom.Br {
			b.lineBreak()
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	block := xIsBlock(n)
	if block {
		b.flush()
	}
	if n.DataAtom == atom.Pre {
		b.pre++
	}
	outer := b.kind
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		b.kind = blockHeading
	case atom.Li, atom.Dt, atom.Dd:
		b.kind = blockItem
	}
	cell := n.DataAtom == atom.Td || n.DataAtom == atom.Th
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.render(c, skip, depth+1)
	}
	if n.DataAtom == atom.Pre {
		b.pre--
	}
	if block {
		b.flush()
	} else if cell {
		b.space = true
	}
	b.kind = outer
}

// xNodeText returns the whitespace-collapsed text of n on one line.
func xNodeText(n *html.Node) string {
	var sb strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		xCollectText(&sb, c, 1)
	}
	return strings.Join(strings.FieldsFunc(xStripInvisible(sb.String()), xIsSpace), " ")
}

func xCollectText(sb *strings.Builder, n *html.Node, depth int) {
	if depth > xMaxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		sb.WriteString(n.Data)
		return
	case html.ElementNode:
		if xSkipAtoms[n.DataAtom] {
			return
		}
		if n.DataAtom == atom.Br || xIsBlock(n) {
			sb.WriteByte(' ')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		xCollectText(sb, c, depth+1)
	}
	if xIsBlock(n) {
		sb.WriteByte(' ')
	}
}

// xCollapse collapses runs of whitespace into one space and trims.
func xCollapse(s string) string {
	return strings.Join(strings.FieldsFunc(xStripInvisible(s), xIsSpace), " ")
}
