package extraction

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"outages/crawl"
)

// ExtractFunc extracts one page. raw is the page's bytes as stored on disk
// (gunzipped, not charset-decoded); the function decodes the charset and
// extracts. pageURL is the page's URL from the gold data ("" if unknown).
type ExtractFunc func(raw []byte, pageURL string) (*crawl.Page, error)

// maxPageBytes bounds one decompressed page.
const maxPageBytes = 64 << 20

// readGzip returns the decompressed content of a .gz file.
func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer zr.Close()
	b, err := io.ReadAll(io.LimitReader(zr, maxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(b) > maxPageBytes {
		return nil, fmt.Errorf("read %s: page larger than %d bytes", path, maxPageBytes)
	}
	return b, nil
}

// readJSON decodes a JSON file into v.
func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("decode %s: %w", path, err)
	}
	return nil
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// runPage reads one gold page and extracts it. A failed extraction is
// reported in the returned error string, not as a scorer error: the
// benchmark counts a crash as an empty output.
func runPage(dir, file, pageURL string, f ExtractFunc) (page *crawl.Page, extractErr string, err error) {
	raw, err := readGzip(filepath.Join(dir, file))
	if err != nil {
		return nil, "", err
	}
	p, xerr := f(raw, pageURL)
	if xerr != nil {
		return nil, xerr.Error(), nil
	}
	if p == nil {
		return nil, "nil page", nil
	}
	return p, "", nil
}
