package extraction

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"outages/crawl"
)

// shared points at the shared eval folder; the scorers run on it only when
// the flag is given: go test ./cmd/outages/internal/eval/extraction -run Shared -v -args -shared /work/shared/eval
var shared = flag.String("shared", "", "shared eval folder (with extraction/, pubdate/, extraction-multilingual/)")

// decodeExtract decodes the page's charset as a fetcher would and extracts:
// a declared charset wins; undeclared pages that are valid UTF-8 stay
// UTF-8 (DetermineEncoding would guess windows-1252 for them).
func decodeExtract(raw []byte, pageURL string) (*crawl.Page, error) {
	text := raw
	enc, name, certain := charset.DetermineEncoding(raw, "text/html")
	if name != "utf-8" && (certain || !utf8.Valid(raw)) {
		var err error
		if text, err = io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(raw))); err != nil {
			return nil, fmt.Errorf("decode %s: %w", pageURL, err)
		}
	}
	var u *url.URL
	if pageURL != "" {
		var err error
		if u, err = url.Parse(pageURL); err != nil {
			return nil, fmt.Errorf("decode %s: %w", pageURL, err)
		}
	}
	return crawl.Extract(text, u, crawl.Selectors{})
}

func TestShared(t *testing.T) {
	if *shared == "" {
		t.Skip("no -shared folder")
	}
	var out bytes.Buffer
	if dir := filepath.Join(*shared, "extraction"); exists(dir) {
		rep, err := ScoreBodies(dir, decodeExtract)
		if err != nil {
			t.Fatal(err)
		}
		rep.WriteTable(&out)
	}
	if dir := filepath.Join(*shared, "pubdate"); exists(dir) {
		rep, err := ScorePubdates(dir, decodeExtract)
		if err != nil {
			t.Fatal(err)
		}
		rep.WriteTable(&out)
	}
	if dir := filepath.Join(*shared, "extraction-multilingual"); exists(dir) {
		rep, err := ScoreSnippets(dir, decodeExtract)
		if err != nil {
			t.Fatal(err)
		}
		rep.WriteTable(&out)
	}
	t.Log("\n" + out.String())
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
