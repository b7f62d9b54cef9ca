package crawl

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestHintsIn checks hintsIn against a search for each hint, over the
// class and id values of the shared pages and made-up values.
func TestHintsIn(t *testing.T) {
	values := []string{"", "ad", "-ad-", "main-content", "article-body sidebar", "comment-list", "post_footer",
		"xx-ad-yy", "sharing-tools", "sr-only", "lireaussi", "contentinfo", "pagination pager", "Entry", "é-ad-é"}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			values = append(values, strings.ToLower(xAttr(n, "class")), strings.ToLower(xAttr(n, "id")))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, p := range sharedPages(t, "extraction") {
		root, err := html.Parse(bytes.NewReader(p))
		if err != nil {
			t.Fatal(err)
		}
		walk(root)
	}
	lists := []struct {
		bit   uint8
		hints []string
	}{
		{hintUnlikely, unlikelyHints}, {hintLikely, likelyHints}, {hintRescueStop, rescueStop},
		{hintNegative, negativeHints}, {hintPositive, positiveHints},
	}
	for _, v := range values {
		m := hintsIn(v)
		for _, l := range lists {
			if got, want := m&l.bit != 0, xContainsAny(v, l.hints); got != want {
				t.Errorf("hintsIn(%q) has list %b: %v, want %v", v, l.bit, got, want)
			}
		}
	}
	t.Logf("%d values", len(values))
}
