package crawl

import (
	"bytes"
)

// stripRawText returns page without the text of its <style> elements and
// of its <script> elements other than JSON-LD: about half the bytes of a
// news page, which no stage reads (extraction, listing detection and
// metadata skip them) but which the HTML tokenizer reads byte by byte and
// copies into the tree. The elements themselves stay, empty, so the tree
// is otherwise the one html.Parse builds from page.
//
// It follows the HTML tokenizer's rules for tags, attributes, comments and
// raw text, and errs on the side of leaving text in: inside <svg> and
// <math> (where <style> and <script> are not raw text) nothing is cut, and
// from a script that holds "<!--" (whose end follows the byzantine escape
// rules) on, nothing more is cut. It returns page itself when nothing is
// cut.
func stripRawText(page []byte) []byte {
	s := rawStripper{page: page}
	s.run()
	if s.out == nil {
		return page
	}
	return append(s.out, page[s.copied:]...)
}

type rawStripper struct {
	page    []byte
	out     []byte // nil until something is cut
	copied  int    // page[:copied] is in out
	foreign int    // depth of <svg> and <math> elements
}

// rawTextTags are the elements whose text the tokenizer reads as raw text
// (or escapable raw text) up to their end tag.
var rawTextTags = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true,
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
}

func (s *rawStripper) run() {
	p := s.page
	for i := 0; ; {
		k := bytes.IndexByte(p[i:], '<')
		if k < 0 || i+k+1 >= len(p) {
			return
		}
		i += k + 1
		c := p[i]
		switch {
		case isASCIILetter(c):
			t, ok := scanTag(p, i)
			if !ok {
				return
			}
			i = t.end
			if i = s.startTag(t); i < 0 {
				return
			}
		case c == '/':
			if i+1 < len(p) && isASCIILetter(p[i+1]) {
				t, ok := scanTag(p, i+1)
				if !ok {
					return
				}
				if s.foreign > 0 && (t.name == "svg" || t.name == "math") {
					s.foreign--
				}
				i = t.end
			} else if j := bytes.IndexByte(p[i:], '>'); j >= 0 {
				i += j + 1
			} else {
				return
			}
		case c == '!':
			i = s.skipDeclaration(i + 1)
			if i < 0 {
				return
			}
		case c == '?':
			j := bytes.IndexByte(p[i:], '>')
			if j < 0 {
				return
			}
			i += j + 1
		}
	}
}

// startTag handles the start tag t and returns where the data goes on, or
// -1 when nothing more may be cut.
func (s *rawStripper) startTag(t tagScan) int {
	p, i := s.page, t.end
	if t.name == "svg" && s.foreign == 0 && !t.selfClosing {
		if end, ok := svgEnd(p, i); ok {
			s.cut(i, end)
			return end
		}
	}
	if s.foreign > 0 || t.name == "svg" || t.name == "math" {
		if (t.name == "svg" || t.name == "math") && !t.selfClosing {
			s.foreign++
		}
		return i // foreign content: tags all the way down
	}
	if t.name == "plaintext" {
		return -1
	}
	if !rawTextTags[t.name] {
		return i
	}
	end := rawEnd(p, i, t.name)
	if end < 0 {
		return -1
	}
	if t.name == "script" && bytes.Contains(p[i:end], []byte("<!--")) {
		return -1 // escaped script data: its end is not simply the next </script
	}
	if t.name == "style" || (t.name == "script" && !bytes.Contains(bytes.ToLower(t.typ), []byte("ld+json"))) {
		s.cut(i, end)
	}
	return end
}

// cut leaves page[from:to] out.
func (s *rawStripper) cut(from, to int) {
	if s.out == nil {
		s.out = make([]byte, 0, len(s.page))
	}
	s.out = append(s.out, s.page[s.copied:from]...)
	s.copied = to
}

// svgShapes are the SVG elements an inline picture may hold for its
// content to be cut: shapes, groups, definitions and paint servers, all
// without text, links or anything a stage reads.
var svgShapes = map[string]bool{
	"g": true, "path": true, "circle": true, "rect": true, "ellipse": true, "line": true,
	"polyline": true, "polygon": true, "defs": true, "use": true, "symbol": true,
	"clippath": true, "mask": true, "lineargradient": true, "radialgradient": true, "stop": true,
	"pattern": true,
}

// svgEnd returns where the content of an <svg> element that starts at i
// ends (at its "</svg"), when that content is only whitespace and
// svgShapes elements without an itemprop or an author-like class: nothing
// a stage reads (extraction, listing detection and metadata skip <svg>
// but look for those), and nothing that makes the parser leave the SVG.
// ok is false otherwise, and nothing is cut.
func svgEnd(p []byte, i int) (end int, ok bool) {
	depth := 1
	for {
		k := bytes.IndexByte(p[i:], '<')
		if k < 0 || len(bytes.Trim(p[i:i+k], " \t\n\r\f")) > 0 || i+k+1 >= len(p) {
			return 0, false
		}
		lt := i + k
		i = lt + 1
		switch c := p[i]; {
		case c == '!':
			if !bytes.HasPrefix(p[i:], []byte("!--")) {
				return 0, false
			}
			if i = commentEnd(p, i+3); i < 0 {
				return 0, false
			}
		case c == '/' && i+1 < len(p) && isASCIILetter(p[i+1]):
			t, ok := scanSVGTag(p, i+1)
			if !ok {
				return 0, false
			}
			if t.name == "svg" {
				if depth--; depth == 0 {
					return lt, true
				}
			}
			i = t.end
		case isASCIILetter(c):
			t, ok := scanSVGTag(p, i)
			if !ok {
				return 0, false
			}
			if t.name == "svg" && !t.selfClosing {
				depth++
			}
			i = t.end
		default:
			return 0, false
		}
	}
}

// scanSVGTag reads a tag inside an <svg> as scanTag does, and fails on
// any tag but svg and svgShapes, and on an itemprop attribute or an
// author-like class (see mayNameAuthor).
func scanSVGTag(p []byte, i int) (t tagScan, ok bool) {
	start := i
	for i < len(p) && !isTagSpace(p[i]) && p[i] != '/' && p[i] != '>' {
		i++
	}
	name := p[start:i]
	if !svgShapes[string(name)] && string(name) != "svg" { // as most are written: no copy
		name = bytes.ToLower(name)
		if !svgShapes[string(name)] && string(name) != "svg" {
			return t, false
		}
	}
	t, ok = scanTag(p, start)
	t.name = string(name)
	return t, ok && !t.suspect
}

// rawEnd returns where the raw text starting at i ends: at the next
// "</name" (any case) followed by a space, "/" or ">"; -1 without one.
func rawEnd(p []byte, i int, name string) int {
	for {
		k := bytes.Index(p[i:], []byte("</"))
		if k < 0 {
			return -1
		}
		j := i + k + 2
		if j+len(name) < len(p) && asciiEqualFold(p[j:j+len(name)], name) {
			switch p[j+len(name)] {
			case ' ', '\n', '\r', '\t', '\f', '/', '>':
				return i + k
			}
		}
		i = j
	}
}

// skipDeclaration skips a "<!" comment, doctype or CDATA section from i
// (after the "!") as the tokenizer reads it, and returns where the data
// goes on, -1 at the end of the page.
func (s *rawStripper) skipDeclaration(i int) int {
	p := s.page
	switch {
	case bytes.HasPrefix(p[i:], []byte("--")):
		return commentEnd(p, i+2)
	case s.foreign > 0 && bytes.HasPrefix(p[i:], []byte("[CDATA[")):
		if k := bytes.Index(p[i:], []byte("]]>")); k >= 0 {
			return i + k + 3
		}
		return -1
	}
	if k := bytes.IndexByte(p[i:], '>'); k >= 0 {
		return i + k + 1
	}
	return -1
}

// commentEnd returns where the comment whose text starts at i ends, as
// golang.org/x/net/html's readComment decides ("-->", "--!>", "<!-->").
func commentEnd(p []byte, i int) int {
	dashes, beginning := 0, true
	for ; i < len(p); i++ {
		switch p[i] {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return i + 1
			}
		case '!':
			if dashes >= 2 {
				if i++; i >= len(p) {
					return -1
				}
				if p[i] == '>' {
					return i + 1
				}
				if p[i] == '-' {
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return -1
}

// stripTags are the tag names the stripper tells apart; it needs no other.
var stripTags = []string{"iframe", "math", "noembed", "noframes", "noscript", "plaintext",
	"script", "style", "svg", "textarea", "title", "xmp"}

// tagName returns name in lower case when it is one of stripTags, else "".
func tagName(name []byte) string {
	for _, t := range stripTags {
		if len(name) == len(t) && asciiEqualFold(name, t) {
			return t
		}
	}
	return ""
}

// tagScan is what scanTag reads of a tag.
type tagScan struct {
	name        string // lower case, when one of stripTags; else ""
	typ         []byte // the value of its type attribute
	end         int    // just after its ">"
	selfClosing bool
	suspect     bool // an itemprop attribute or an author-like class
}

// scanTag reads the tag whose name starts at i as the HTML tokenizer does
// (golang.org/x/net/html readTag): a name, then attributes whose quoted
// values may hold ">". ok is false at the end of the page.
func scanTag(p []byte, i int) (t tagScan, ok bool) {
	start := i
	for i < len(p) && !isTagSpace(p[i]) && p[i] != '/' && p[i] != '>' {
		i++
	}
	t.name = tagName(p[start:i])
	unquotedEnd := -1 // where the last unquoted attribute value ended
	for {
		for i < len(p) && isTagSpace(p[i]) {
			i++
		}
		if i >= len(p) {
			return t, false
		}
		if p[i] == '>' {
			t.end = i + 1
			// "<svg/>", not "<svg a=b/>" (readStartTag's test).
			t.selfClosing = p[i-1] == '/' && unquotedEnd != i
			return t, true
		}
		if p[i] == '/' { // an empty key; its value reading takes the "/"
			i++
			continue
		}
		// The attribute key: "=" may be its first character.
		ks := i
		i++
		for i < len(p) && !isTagSpace(p[i]) && p[i] != '/' && p[i] != '>' && p[i] != '=' {
			i++
		}
		key := p[ks:i]
		var val []byte
		var quoted bool
		val, quoted, i = scanAttrValue(p, i)
		if i < 0 {
			return t, false
		}
		if val != nil && !quoted {
			unquotedEnd = i
		}
		if bytes.EqualFold(key, []byte("type")) && t.typ == nil {
			t.typ = val
		}
		if bytes.EqualFold(key, []byte("itemprop")) || (bytes.EqualFold(key, []byte("class")) && mayNameAuthor(string(val))) {
			t.suspect = true
		}
	}
}

// scanAttrValue reads an attribute's "= value" from i, if there is one, as
// readTagAttrVal does, and returns it, whether it was quoted, and where the
// tag goes on (-1 at the end of the page).
func scanAttrValue(p []byte, i int) ([]byte, bool, int) {
	for i < len(p) && isTagSpace(p[i]) {
		i++
	}
	if i >= len(p) {
		return nil, false, -1
	}
	if p[i] == '/' {
		return nil, false, i + 1
	}
	if p[i] != '=' {
		return nil, false, i
	}
	i++
	for i < len(p) && isTagSpace(p[i]) {
		i++
	}
	if i >= len(p) {
		return nil, false, -1
	}
	switch q := p[i]; q {
	case '>':
		return nil, false, i
	case '"', '\'':
		k := bytes.IndexByte(p[i+1:], q)
		if k < 0 {
			return nil, false, -1
		}
		return p[i+1 : i+1+k], true, i + 1 + k + 1
	}
	s := i
	for i < len(p) && !isTagSpace(p[i]) && p[i] != '>' {
		i++
	}
	return p[s:i], false, i
}

func isTagSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// asciiEqualFold reports whether b is name (lower-case ASCII) in any case,
// as readRawEndTag compares.
func asciiEqualFold(b []byte, name string) bool {
	for i := range len(name) {
		if b[i] != name[i] && b[i] != name[i]-('a'-'A') {
			return false
		}
	}
	return true
}
