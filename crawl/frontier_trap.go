package crawl

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Crawler-trap bounds.
const (
	trapMaxURLLen       = 2048 // bytes of a canonical URL
	trapMaxSegments     = 16   // path segments
	trapMaxSegmentRepls = 2    // occurrences of one path segment (…/a/b/a/b/a/…)
	trapMaxPage         = 30   // page number in pagination parameters or /page/N
	trapMaxVariants     = 100  // distinct query strings of one path (per run)
	trapMinYear         = 1990 // calendar pages outside [trapMinYear, current year + 1]
)

// paginationKeys are query parameters that number listing pages.
var paginationKeys = map[string]bool{
	"page": true, "paged": true, "pg": true, "pagenum": true, "pageno": true,
	"pagina": true, "page_num": true, "pagenumber": true,
}

// trap returns why the canonical URL u looks like a crawler trap, or "".
// It counts query-string variants, so it is called once per new URL.
func (f *frontier) trap(u string) string {
	if len(u) > trapMaxURLLen {
		return fmt.Sprintf("URL longer than %d bytes", trapMaxURLLen)
	}
	pu, err := url.Parse(u)
	if err != nil || pu.Scheme == "file" {
		return ""
	}
	segs := strings.FieldsFunc(pu.Path, func(r rune) bool { return r == '/' })
	if len(segs) > trapMaxSegments {
		return fmt.Sprintf("more than %d path segments", trapMaxSegments)
	}
	count := map[string]int{}
	maxYear := f.now().Year() + 1
	for i, s := range segs {
		count[s]++
		if count[s] > trapMaxSegmentRepls {
			return fmt.Sprintf("path segment %q repeated", s)
		}
		if n, ok := number(s); ok {
			if i > 0 && strings.EqualFold(segs[i-1], "page") && n > trapMaxPage {
				return fmt.Sprintf("pagination beyond page %d", trapMaxPage)
			}
			if len(s) == 4 && (n < trapMinYear || n > maxYear) && n >= 1000 {
				return fmt.Sprintf("calendar year %d out of range", n)
			}
		}
	}
	if pu.RawQuery == "" {
		return ""
	}
	q, _ := url.ParseQuery(pu.RawQuery)
	for k, vs := range q {
		lk := strings.ToLower(k)
		for _, v := range vs {
			n, ok := number(v)
			if !ok {
				continue
			}
			if paginationKeys[lk] && n > trapMaxPage {
				return fmt.Sprintf("pagination beyond page %d", trapMaxPage)
			}
			if (lk == "year" || lk == "y") && (n < trapMinYear || n > maxYear) {
				return fmt.Sprintf("calendar year %d out of range", n)
			}
		}
	}
	key := pu.Scheme + "://" + pu.Host + pu.EscapedPath()
	f.variants[key]++
	if f.variants[key] > trapMaxVariants {
		return fmt.Sprintf("more than %d query variants of %s", trapMaxVariants, key)
	}
	return ""
}

func number(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}
