package crawl

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The body extractor follows the readability family of algorithms (score
// paragraphs by length and punctuation, propagate the score to xAncestors,
// pick the best container, gather related siblings, then clean the
// container conditionally) with trafilatura-like boilerplate hints. The
// document is never modified: removals are decisions recorded per node.

// Substrings of class/id values. All values are lower-cased first.
var (
	// unlikelyHints mark containers that are almost never article text.
	unlikelyHints = []string{
		"-ad-", "ad-slot", "ad_slot", "adslot", "ad-container", "ad-wrapper", "adsbygoogle", "advert",
		"ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cookie", "consent",
		"cover-wrap", "disqus", "gdpr", "footer", "header", "legends", "menu", "masthead",
		"related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social",
		"sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
		"newsletter", "subscribe", "paywall", "share", "sharing", "outbrain", "taboola",
		"recommend", "most-read", "mostread", "most-popular", "trending", "promo", "toolbar",
		"navbar", "topbar", "signup", "sign-up", "modal", "teaser-list", "read-more", "readmore",
		"more-stories", "author-bio", "tags", "byline", "print-only", "screen-reader", "sr-only",
		"visually-hidden", "visuallyhidden", "caption", "credit", "widget", "donate", "jump-link",
		"inline-link", "embed-", "player", "skip-link",
		// French theme vocabulary for the same widgets ("en savoir plus",
		// "lire aussi", "voir aussi", "partager", "réseaux sociaux").
		"savoir-plus", "savoir_plus", "savoirplus", "lire-aussi", "lire_aussi", "lireaussi",
		"voir-aussi", "voir_aussi", "voiraussi", "partage", "reseaux-sociaux", "reseaux_sociaux",
	}
	// likelyHints rescue a container from the unlikely list.
	likelyHints = []string{"and", "article", "body", "column", "content", "main", "shadow", "post", "story", "entry", "text"}
	// rescueStop lists hints that no likely hint can rescue.
	rescueStop = []string{
		"comment", "cookie", "consent", "newsletter", "share", "sharing", "social", "related",
		"recommend", "outbrain", "taboola", "paywall", "sidebar", "footer", "caption", "byline",
		"breadcrumb", "sr-only", "screen-reader", "visually-hidden", "visuallyhidden", "promo", "advert",
		"author-bio", "most-read", "more-stories", "read-more", "readmore", "subscribe", "signup",
		"tags", "credit", "savoir-plus", "savoir_plus", "savoirplus", "lire-aussi", "lire_aussi",
		"lireaussi", "voir-aussi", "voir_aussi", "voiraussi", "partage", "reseaux-sociaux", "reseaux_sociaux",
	}
	positiveHints = []string{"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story", "prose"}
	negativeHints = []string{
		"-ad-", "banner", "combx", "comment", "com-", "contact", "foot", "footer",
		"footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
		"share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool",
		"widget", "cookie", "newsletter", "social", "caption", "byline", "credit", "author",
	}
)

// boilerRoles are ARIA roles of non-article landmarks.
var boilerRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"menu": true, "menubar": true, "dialog": true, "alertdialog": true, "alert": true,
	"search": true, "toolbar": true, "tablist": true,
}

// classKey is an element's class and id attributes, as written.
type classKey struct{ class, id string }

// classInfo is the cached verdict on one class+id string.
type classInfo struct {
	unlikely bool
	weight   int
}

// nodeStat holds per-element statistics computed bottom-up.
type nodeStat struct {
	text    int // non-space runes of text
	link    int // non-space runes inside links
	commas  int
	p       int
	img     int
	li      int
	input   int
	embed   int
	heading int // non-space runes inside headings
	liText  int // non-space runes inside list items
	score   float64
	scored  bool
	removed bool
}

// bodyExtractor holds the state of one body extraction.
type bodyExtractor struct {
	stats       map[*html.Node]*nodeStat
	classCache  map[classKey]classInfo
	stripUnlike bool
	weightClass bool
	cleanCond   bool
	candidates  []*html.Node
	body        *html.Node
}

func (e *bodyExtractor) classOf(n *html.Node) classInfo {
	cls, id := xAttr(n, "class"), xAttr(n, "id")
	if cls == "" && id == "" {
		return classInfo{}
	}
	key := classKey{cls, id}
	if ci, ok := e.classCache[key]; ok {
		return ci
	}
	var ci classInfo
	lc, li := strings.ToLower(cls), strings.ToLower(id)
	mc, mi := hintsIn(lc), hintsIn(li)
	// No hint holds a space, so the hints in "class id" are those in
	// class and those in id.
	if both := mc | mi; both&hintUnlikely != 0 && (both&hintLikely == 0 || both&hintRescueStop != 0) {
		ci.unlikely = true
		// "ad" as a whole class token ("ad", "ads", "ad-unit").
	} else if hasAdToken(lc) || hasAdToken(li) || hasHiddenToken(lc) {
		ci.unlikely = true
	}
	for _, m := range []uint8{mc, mi} {
		if m&hintNegative != 0 {
			ci.weight -= 25
		}
		if m&hintPositive != 0 {
			ci.weight += 25
		}
	}
	e.classCache[key] = ci
	return ci
}

// hasAdToken reports whether a class list contains an advertising token.
func hasAdToken(s string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '_' || r == '-' }) {
		switch f {
		case "ad", "ads", "adv", "advertisement", "advertising", "dfp", "gpt", "pub", "publicite", "sponsored":
			return true
		}
	}
	return false
}

// hasHiddenToken reports whether a class list hides its element. Only
// whole tokens count: "field--label-hidden" (a hidden label),
// "overflow-hidden" or "hidden-xs" (hidden on small screens) mark
// visible content.
func hasHiddenToken(s string) bool {
	for _, f := range strings.Fields(s) {
		switch f {
		case "hidden", "is-hidden", "u-hidden", "js-hidden", "hide", "d-none", "invisible", "element-invisible":
			return true
		}
	}
	return false
}

// The hint lists, as bits of hintsIn's answer.
const (
	hintUnlikely uint8 = 1 << iota
	hintLikely
	hintRescueStop
	hintNegative
	hintPositive
)

// hintNeedle is one hint string with the lists that hold it.
type hintNeedle struct {
	s     string
	lists uint8
}

// hintsByByte indexes every hint of the five lists by its first byte.
var hintsByByte = func() (t [256][]hintNeedle) {
	lists := map[string]uint8{}
	var order []string
	for bit, l := range [][]string{unlikelyHints, likelyHints, rescueStop, negativeHints, positiveHints} {
		for _, h := range l {
			if _, ok := lists[h]; !ok {
				order = append(order, h)
			}
			lists[h] |= 1 << bit
		}
	}
	for _, h := range order {
		t[h[0]] = append(t[h[0]], hintNeedle{h, lists[h]})
	}
	return t
}()

// hintsIn returns the lists that have a hint in s: bit hintX is set when
// xContainsAny(s, xHints) would be true. One pass over s instead of a
// search for each of the ~190 hints.
func hintsIn(s string) uint8 {
	var m uint8
	for i := 0; i < len(s); i++ {
		for _, n := range hintsByByte[s[i]] {
			if m&n.lists != n.lists && strings.HasPrefix(s[i:], n.s) {
				m |= n.lists
			}
		}
	}
	return m
}

func xContainsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// xHidden reports whether n is declared invisible.
func xHidden(n *html.Node) bool {
	if xHasAttr(n, "hidden") || xAttr(n, "aria-hidden") == "true" {
		return true
	}
	if st := xAttr(n, "style"); st != "" {
		st = strings.ToLower(strings.ReplaceAll(st, " ", ""))
		if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
			return true
		}
	}
	return false
}

// removable reports whether n is boilerplate to drop before scoring.
func (e *bodyExtractor) removable(n *html.Node) bool {
	if xSkipAtoms[n.DataAtom] {
		return true
	}
	switch n.DataAtom {
	case atom.Body, atom.Html:
		return false
	case atom.Figcaption:
		return true
	case atom.Nav:
		return true
	case atom.Footer, atom.Aside:
		if e.stripUnlike {
			return true
		}
	case atom.Header:
		if e.stripUnlike {
			return true
		}
	}
	if xHidden(n) {
		return true
	}
	if r := xAttr(n, "role"); r != "" && boilerRoles[r] {
		return true
	}
	if e.stripUnlike && n.DataAtom != atom.A {
		if e.classOf(n).unlikely {
			return true
		}
	}
	return false
}

// computeStats walks the tree bottom-up, recording statistics for every
// kept element and marking removed ones.
func (e *bodyExtractor) computeStats(n *html.Node, depth int, inLink, inHeading, inLi bool) *nodeStat {
	st := &nodeStat{}
	if depth > xMaxDepth {
		return st
	}
	if n.Type == html.ElementNode {
		if e.removable(n) {
			st.removed = true
			e.stats[n] = st
			return st
		}
		switch n.DataAtom {
		case atom.A:
			inLink = true
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			inHeading = true
		case atom.Li:
			inLi = true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			k, commas := xCountText(c.Data)
			st.text += k
			st.commas += commas
			if inLink {
				st.link += k
			}
			if inHeading {
				st.heading += k
			}
			if inLi {
				st.liText += k
			}
		case html.ElementNode:
			cs := e.computeStats(c, depth+1, inLink, inHeading, inLi)
			if cs.removed {
				continue
			}
			st.text += cs.text
			st.link += cs.link
			st.commas += cs.commas
			st.p += cs.p
			st.img += cs.img
			st.li += cs.li
			st.input += cs.input
			st.embed += cs.embed
			st.heading += cs.heading
			st.liText += cs.liText
			switch c.DataAtom {
			case atom.P:
				st.p++
			case atom.Img, atom.Picture:
				st.img++
			case atom.Li:
				st.li++
			case atom.Input, atom.Select, atom.Textarea, atom.Button:
				st.input++
			case atom.Object, atom.Embed, atom.Iframe, atom.Video, atom.Audio:
				st.embed++
			}
		}
	}
	if n.Type == html.ElementNode {
		e.stats[n] = st
	}
	return st
}

// xCountText counts the non-space runes and commas of s.
func xCountText(s string) (runes, commas int) {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' {
				continue
			}
			if r == ',' {
				commas++
			}
			runes++
			continue
		}
		if xIsSpace(r) || xInvisible(r) {
			continue
		}
		if r == '،' || r == '，' || r == '、' {
			commas++
		}
		runes++
	}
	return runes, commas
}

func (e *bodyExtractor) stat(n *html.Node) *nodeStat {
	if st, ok := e.stats[n]; ok {
		return st
	}
	return &nodeStat{removed: true}
}

func (e *bodyExtractor) linkDensity(n *html.Node) float64 {
	st := e.stat(n)
	if st.text == 0 {
		return 0
	}
	return float64(st.link) / float64(st.text)
}

// weight is the class/id weight of n (0 when class weighting is off).
func (e *bodyExtractor) weight(n *html.Node) int {
	if !e.weightClass {
		return 0
	}
	return e.classOf(n).weight
}

// initScore gives a candidate its starting score.
func (e *bodyExtractor) initScore(n *html.Node, st *nodeStat) {
	st.scored = true
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Main, atom.Section:
		st.score += 5
	case atom.Pre, atom.Td, atom.Blockquote:
		st.score += 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		st.score -= 3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		st.score -= 5
	}
	st.score += float64(e.weight(n))
	if n.DataAtom == atom.Article || xAttr(n, "itemprop") == "articleBody" {
		st.score += 10
	}
	e.candidates = append(e.candidates, n)
}

// hasBlockChild reports whether n has a kept block-level descendant.
func (e *bodyExtractor) hasBlockChild(n *html.Node, depth int) bool {
	if depth > 8 {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || e.stat(c).removed {
			continue
		}
		if xIsBlock(c) || e.hasBlockChild(c, depth+1) {
			return true
		}
	}
	return false
}

// inlineTextLen is the text of n outside its block children.
func (e *bodyExtractor) inlineText(n *html.Node) (runes, commas int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			r, k := xCountText(c.Data)
			runes += r
			commas += k
		case html.ElementNode:
			if e.stat(c).removed || xIsBlock(c) {
				continue
			}
			st := e.stat(c)
			runes += st.text
			commas += st.commas
		}
	}
	return runes, commas
}

// scoreParagraphs walks the kept tree and scores paragraph-like elements.
func (e *bodyExtractor) scoreParagraphs(n *html.Node, depth int) {
	if depth > xMaxDepth {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		st := e.stat(c)
		if st.removed {
			continue
		}
		switch c.DataAtom {
		case atom.P, atom.Pre, atom.Td, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote:
			e.scoreUnit(c, c.Parent, st.text, st.commas)
			if c.DataAtom == atom.Td || c.DataAtom == atom.Blockquote {
				e.scoreParagraphs(c, depth+1)
			}
			continue
		case atom.Div, atom.Section, atom.Article, atom.Span, atom.Font, atom.Center:
			if c.DataAtom != atom.Span && c.DataAtom != atom.Font && !e.hasBlockChild(c, 0) {
				e.scoreUnit(c, c.Parent, st.text, st.commas)
				continue
			}
			if c.DataAtom != atom.Span && c.DataAtom != atom.Font {
				if r, k := e.inlineText(c); r > 0 {
					e.scoreUnit(c, c, r, k)
				}
			}
		}
		e.scoreParagraphs(c, depth+1)
	}
}

// scoreUnit scores one paragraph of length runes and adds the score to
// the ancestors of the paragraph starting at first.
func (e *bodyExtractor) scoreUnit(p, first *html.Node, runes, commas int) {
	if runes < 25 || first == nil {
		return
	}
	score := 1 + float64(commas) + float64(min(runes/100, 3))
	level := 0
	for a := first; a != nil && a.Type == html.ElementNode && level < 5; a = a.Parent {
		if a.Parent == nil || a.Parent.Type == html.DocumentNode {
			break
		}
		st := e.stat(a)
		if st.removed {
			break
		}
		if !st.scored {
			e.initScore(a, st)
		}
		div := 1.0
		switch level {
		case 0:
		case 1:
			div = 2
		default:
			div = float64(level * 3)
		}
		st.score += score / div
		level++
	}
}

// pick chooses the main container and its related siblings.
func (e *bodyExtractor) pick() []*html.Node {
	for _, c := range e.candidates {
		st := e.stat(c)
		st.score *= 1 - e.linkDensity(c)
	}
	sort.SliceStable(e.candidates, func(i, j int) bool {
		return e.stat(e.candidates[i]).score > e.stat(e.candidates[j]).score
	})
	var top *html.Node
	if len(e.candidates) > 0 {
		top = e.candidates[0]
	}
	if top == nil || top.DataAtom == atom.Body {
		if e.body == nil {
			return nil
		}
		return []*html.Node{e.body}
	}
	top = e.sharedAncestor(top)
	top = e.climb(top)
	if top.Parent == nil || top.Parent.Type != html.ElementNode {
		return []*html.Node{top}
	}
	return e.gatherSiblings(top)
}

// sharedAncestor moves top up to the common ancestor of several strong
// candidates: the article is split into sections.
func (e *bodyExtractor) sharedAncestor(top *html.Node) *html.Node {
	topScore := e.stat(top).score
	var alt [][]*html.Node
	for _, c := range e.candidates[1:min(len(e.candidates), 5)] {
		if topScore > 0 && e.stat(c).score/topScore >= 0.75 {
			alt = append(alt, xAncestors(c, 0))
		}
	}
	if len(alt) >= 3 {
		for p := top.Parent; p != nil && p.DataAtom != atom.Body && p.Type == html.ElementNode; p = p.Parent {
			count := 0
			for _, list := range alt {
				for _, a := range list {
					if a == p {
						count++
						break
					}
				}
			}
			if count >= 3 {
				top = p
				break
			}
		}
	}
	return top
}

// climb moves top up while its parent scores better, then to the parent
// it is the only child of.
func (e *bodyExtractor) climb(top *html.Node) *html.Node {
	st := e.stat(top)
	if !st.scored {
		e.initScore(top, st)
	}

	// Move up while the parent scores better.
	last := st.score
	threshold := last / 3
	for p := top.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom != atom.Body; p = p.Parent {
		ps := e.stat(p)
		if !ps.scored {
			continue
		}
		if ps.score < threshold {
			break
		}
		if ps.score > last {
			top = p
			break
		}
		last = ps.score
	}
	// An only child stands for its parent.
	for p := top.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom != atom.Body && e.keptChildren(p) == 1; p = p.Parent {
		top = p
	}
	return top
}

// gatherSiblings returns top with the siblings that look like more of the
// same article, and a lede found before it.
func (e *bodyExtractor) gatherSiblings(top *html.Node) []*html.Node {
	tst := e.stat(top)
	sibThreshold := max(10, tst.score*0.2)
	cls := xAttr(top, "class")
	// A lede found outside top's parent comes first; one inside a
	// preceding sibling of top is kept unless the whole sibling is.
	var out []*html.Node
	lede, holder := e.precedingLede(top)
	if lede != nil && holder.Parent != top.Parent {
		out = append(out, lede)
	}
	before := true
	for s := top.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s == top {
			out = append(out, s)
			before = false
			continue
		}
		if s.Type != html.ElementNode {
			continue
		}
		ss := e.stat(s)
		if ss.removed {
			continue
		}
		if before && e.siblingLede(s) {
			out = append(out, s)
			continue
		}
		if s == holder && !(ss.scored && ss.score >= sibThreshold) {
			out = append(out, lede)
			continue
		}
		bonus := 0.0
		if cls != "" && xAttr(s, "class") == cls {
			bonus = tst.score * 0.2
		}
		if ss.scored && ss.score+bonus >= sibThreshold {
			out = append(out, s)
			continue
		}
		if s.DataAtom == atom.P {
			ld := e.linkDensity(s)
			txt := xNodeText(s)
			n := utf8.RuneCountInString(txt)
			if n > 80 && ld < 0.25 {
				out = append(out, s)
			} else if n < 80 && n > 0 && ld == 0 && xEndsSentence(txt) {
				out = append(out, s)
			}
		}
	}
	return out
}

func xEndsSentence(s string) bool {
	return strings.Contains(s, ". ") || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

func (e *bodyExtractor) keptChildren(n *html.Node) int {
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !e.stat(c).removed {
			k++
		} else if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			k++
		}
	}
	return k
}

func xAncestors(n *html.Node, xMaxDepth int) []*html.Node {
	var out []*html.Node
	for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		out = append(out, p)
		if xMaxDepth > 0 && len(out) == xMaxDepth {
			break
		}
	}
	return out
}

// dropInContent decides, inside the chosen container, whether to drop n
// (readability's conditional cleaning).
func (e *bodyExtractor) dropInContent(n *html.Node) bool {
	st := e.stat(n)
	if st.removed {
		return true
	}
	switch n.DataAtom {
	case atom.H1:
		// The title; an unclosed <h1> that swallowed the page is kept.
		return st.text < 300
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if e.weight(n) < 0 {
			return true
		}
		return e.linkDensity(n) > 0.5
	case atom.Figure:
		// A figure with little text is an image with its caption.
		return st.text < 200
	case atom.Form, atom.Fieldset, atom.Table, atom.Ul, atom.Ol, atom.Div, atom.Section, atom.Dl:
	default:
		return false
	}
	if !e.cleanCond {
		return false
	}
	w := e.weight(n)
	if float64(w)+st.score < 0 && st.scored {
		return true
	}
	if st.commas >= 10 {
		return false
	}
	isList := n.DataAtom == atom.Ul || n.DataAtom == atom.Ol
	if !isList && st.text > 0 && float64(st.liText)/float64(st.text) > 0.9 {
		isList = true
	}
	ld := e.linkDensity(n)
	li := st.li - 100
	headingDensity := 0.0
	if st.text > 0 {
		headingDensity = float64(st.heading) / float64(st.text)
	}
	inFigure := xHasAncestor(n, atom.Figure)
	switch {
	case st.img > 1 && float64(st.p)/float64(st.img) < 0.5 && !inFigure:
		return true
	case !isList && li > st.p:
		return true
	case st.input > st.p/3:
		return true
	case !isList && headingDensity < 0.9 && st.text < 25 && (st.img == 0 || st.img > 2) && !inFigure:
		return true
	case !isList && w < 25 && ld > 0.2:
		return true
	case w >= 25 && ld > 0.5:
		return true
	case isList && ld > 0.5:
		return true
	case (st.embed == 1 && st.text < 75) || st.embed > 1:
		return true
	}
	return false
}

func xHasAncestor(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return false
}

// boilerPrefixes start short teaser or credit blocks ("À lire aussi :
// <headline>", "Crédits photos : …").
var boilerPrefixes = []string{
	"à lire aussi", "a lire aussi", "lire aussi", "read more:", "read also", "related:", "see also:",
	"crédits photo", "crédit photo", "credits photo", "photo credit", "image credit", "اقرأ أيضا", "اقرأ أيضاً",
	"voir aussi :", "image illustrative", "photo d'illustration", "photo d’illustration", "illustration :",
	"crédit :", "crédits :", "crédit image", "crédits image", "photo :", "image :", "مصدر الصورة", "الصورة:", "صورة:",
}

// boilerLine reports whether a rendered block is a typical widget label.
func boilerLine(s string) bool {
	if n := utf8.RuneCountInString(s); n <= 200 {
		ls := strings.ToLower(s)
		for _, p := range boilerPrefixes {
			if strings.HasPrefix(ls, p) {
				return true
			}
		}
	}
	if utf8.RuneCountInString(s) > 60 {
		return false
	}
	l := strings.ToLower(strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }))
	switch l {
	case "advertisement", "advertisements", "ad", "sponsored", "sponsored content", "publicité", "publicite",
		"إعلان", "اعلان", "share", "share this", "share this article", "share this story", "partager",
		"partager cet article", "read more", "lire aussi", "lire la suite", "à lire aussi", "a lire aussi",
		"continue reading", "related", "related articles", "related stories", "comments", "commentaires",
		"اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "شارك", "تابعونا", "story continues below advertisement",
		"article continues below advertisement", "scroll to continue with content", "skip advertisement":
		return true
	}
	return false
}

// extractBody returns the article text under root.
func extractBody(root *html.Node) string {
	body := xFindFirst(root, atom.Body, 0)
	if body == nil {
		body = root
	}
	best := ""
	bestLen := 0
	attempts := [][3]bool{{true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}}
	classes := make(map[classKey]classInfo, 64) // classOf does not depend on the attempt
	for _, a := range attempts {
		e := &bodyExtractor{
			stats:       make(map[*html.Node]*nodeStat, 1024),
			classCache:  classes,
			stripUnlike: a[0], weightClass: a[1], cleanCond: a[2],
			body: body,
		}
		e.computeStats(body, 0, false, false, false)
		e.scoreParagraphs(body, 0)
		nodes := e.pick()
		var chars, link int
		for _, n := range nodes {
			st := e.stat(n)
			chars += st.text
			link += st.link
		}
		if chars == 0 || float64(link) > 0.6*float64(chars) {
			// Only links (menus, link lists): no article here.
			continue
		}
		text := e.render(nodes)
		n := utf8.RuneCountInString(text)
		if n > bestLen {
			best, bestLen = text, n
		}
		if n >= 500 {
			return text
		}
	}
	return best
}

func (e *bodyExtractor) render(nodes []*html.Node) string {
	var b xTextBuilder
	for _, n := range nodes {
		b.flush()
		if n.Type == html.ElementNode && e.stat(n).removed {
			continue
		}
		b.render(n, func(c *html.Node) bool {
			if c == n {
				return false
			}
			return e.dropInContent(c)
		}, 0)
	}
	b.flush()
	return strings.Join(trimChrome(b.blocks, b.kinds), "\n\n")
}

// xFindFirst returns the first element with atom a under n (depth-first).
func xFindFirst(n *html.Node, a atom.Atom, depth int) *html.Node {
	if depth > xMaxDepth {
		return nil
	}
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := xFindFirst(c, a, depth+1); f != nil {
			return f
		}
	}
	return nil
}
