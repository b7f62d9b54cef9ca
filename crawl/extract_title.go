package crawl

import (
	"strings"
	"unicode/utf8"
)

// titleSeparators split a page title from the site name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " / ", " : "}

// findTitle picks the article title: og:title, a JSON-LD headline, the
// page's <h1>, then <title>, each without the site-name suffix or prefix.
func findTitle(m *pageMeta, siteName string) string {
	raw := m.title
	h1 := ""
	if len(m.h1) > 0 {
		h1 = m.h1[0]
		// With several <h1>, the site logo often comes first: prefer one
		// that the <title> contains.
		for _, h := range m.h1 {
			if raw != "" && strings.Contains(strings.ToLower(raw), strings.ToLower(h)) && utf8.RuneCountInString(h) > 10 {
				h1 = h
				break
			}
		}
	}
	for _, c := range []string{m.meta["og:title"], m.meta["twitter:title"], m.ld.headline} {
		if c = xCollapse(c); c != "" {
			return stripSiteName(c, siteName)
		}
	}
	if h1 != "" && (raw == "" || len(m.h1) == 1 || strings.Contains(strings.ToLower(raw), strings.ToLower(h1))) {
		return h1
	}
	if raw != "" {
		return stripSiteName(raw, siteName)
	}
	return h1
}

// stripSiteName removes a site-name suffix (or prefix) such as " - Le Monde"
// or "Site | " from a title.
func stripSiteName(title, siteName string) string {
	title = xCollapse(title)
	site := strings.ToLower(xCollapse(siteName))
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if head == "" || tail == "" {
			continue
		}
		if site != "" && xSameSite(tail, site) {
			return head
		}
		// Prefix form: "Site | Title".
		j := strings.Index(title, sep)
		first, rest := strings.TrimSpace(title[:j]), strings.TrimSpace(title[j+len(sep):])
		if site != "" && xSameSite(first, site) && rest != "" {
			return rest
		}
		// Without a known site name: a short tail after a much longer
		// head is the site name.
		if sep != " : " && sep != " / " && xWords(tail) <= 4 && xWords(head) >= 2*xWords(tail) && xWords(head) >= 3 {
			return head
		}
	}
	return title
}

func xSameSite(part, site string) bool {
	p := strings.ToLower(part)
	if p == site || strings.Contains(p, site) || strings.Contains(site, p) {
		return true
	}
	// "lemonde.fr" vs "Le Monde".
	ns := strings.ReplaceAll(site, " ", "")
	np := strings.ReplaceAll(p, " ", "")
	return strings.Contains(np, ns) || strings.Contains(ns, np)
}

func xWords(s string) int { return len(strings.Fields(s)) }
