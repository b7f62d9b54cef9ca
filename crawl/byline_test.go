package crawl

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// sharedPages loads the shared evaluation pages of the given folders,
// none when they are absent.
func sharedPages(t testing.TB, dirs ...string) [][]byte {
	var pages [][]byte
	for _, d := range dirs {
		files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "eval", d, "*.html.gz"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			page, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, page)
		}
	}
	return pages
}

// bylineOriginal is the byline regexp as it was written before it was
// built from bylineLabelAlts: the two must stay the same.
const bylineOriginal = `(?i)(publié|mis en ligne|posté|\bpublished|\bposted|\bfirst published|\bpublication|\bon\b|\ble\b|نشر|تم النشر|بتاريخ|الموافق|\bupdated|\bupdate\b|mis à jour|modifié|actualisé|\blast modified|آخر تحديث|تحديث)[^\p{L}\p{N}]{0,6}(?:le|on|في|:)?\s*((?:[\p{L}]+\.?,?\s+)?(?:\d{1,4}[\p{L}.,/\-\s]{1,14}\d{1,4}(?:[/.\-]\d{2,4})?))`

func TestBylineRegexpUnchanged(t *testing.T) {
	if bylineRe.String() != bylineOriginal {
		t.Fatalf("bylineRe = %s", bylineRe)
	}
}

// bylineCases are lines where the anchored search may differ from the
// regexp's own: word boundaries before and after labels, case folding
// ("ſ", "É"), matches next to each other, several per line, Arabic.
var bylineCases = []string{
	"Publié le 12 mars 2024 à 10h30",
	"PUBLIÉ LE 12/03/2024, MIS À JOUR LE 13/03/2024",
	"Poſted 3 May 2023",
	"Posted on May 3, 2023 | Updated on May 4, 2023 at 10:00",
	"xon 12 mai 2024",
	"mon 12 mai 2024",
	"on12 05 2024",
	"Updated: 2024-05-07 Updated: 2024-05-08 Updated: 2024-05-09 Updated: 2024-05-10 Updated: 2024-05-11",
	"repubished on 1 2",
	"_le 12 mai 2024",
	"9le 12 mai 2024",
	"é le 12 mai 2024",
	"نشر في 12 مايو 2024",
	"آخر تحديث: 2024/05/12 - 10:30",
	"تم النشر بتاريخ 12-05-2024",
	"the update 12 of 2024",
	"first published on Tuesday 7 May 2024, last modified on 8 May 2024",
	"le le le le 1 2 le 3 4",
	"publication publication 2024 05",
	"actualisé, modifié le 3.4.2024",
	"on on 1/2 on 3/4 on 5/6 on 7/8 on 9/10",
	"\xffon 1 2",
	"on\xff 1 2",
	"",
	"on",
}

func TestBylineMatches(t *testing.T) {
	lines := append([]string(nil), bylineCases...)
	for _, p := range sharedPages(t, "extraction", "pubdate") {
		root, err := html.Parse(bytes.NewReader(p))
		if err != nil {
			t.Fatal(err)
		}
		if body := xFindFirst(root, atom.Body, 0); body != nil {
			var sb strings.Builder
			bylineText(&sb, body, 0)
			for _, l := range strings.Split(sb.String(), "\n") {
				if len(l) <= 400 && hasDigit(l) { // as findBylines reads them
					lines = append(lines, xNormDigits(l))
				}
			}
		}
	}
	for _, line := range lines {
		for _, n := range []int{1, 4, -1} {
			want := bylineRe.FindAllStringSubmatch(line, n)
			if got := bylineMatches(line, n); !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("bylineMatches(%q, %d) = %q, want %q", line, n, got, want)
			}
		}
	}
}

func FuzzBylineMatches(f *testing.F) {
	for _, c := range bylineCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, line string) {
		want := bylineRe.FindAllStringSubmatch(line, 4)
		if got := bylineMatches(line, 4); !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("bylineMatches(%q) = %q, want %q", line, got, want)
		}
	})
}
