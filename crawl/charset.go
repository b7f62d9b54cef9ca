package crawl

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// metaCharset finds a charset declared by <meta charset> or
// <meta http-equiv="Content-Type" content="…; charset=…"> (lower-cased input).
var metaCharset = regexp.MustCompile(`<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// prescanLen is how much of a document is searched for a <meta> charset.
const prescanLen = 4096

// DecodeHTML converts an HTML document to UTF-8. The character set comes
// from, in order: a byte-order mark, the charset parameter of contentType
// (the HTTP Content-Type header; may be empty), a <meta charset> or
// http-equiv declaration, and otherwise detection (UTF-8 when the bytes are
// valid UTF-8, else a statistical guess among single-byte Arabic, French and
// other encodings). Invalid bytes are replaced by U+FFFD, so the result is
// always valid UTF-8. It returns the name of the character set used.
func DecodeHTML(raw []byte, contentType string) (utf8Text []byte, charsetName string, err error) {
	enc, name := detectCharset(raw, contentType)
	var out []byte
	if name == "utf-8" {
		out = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		if !utf8.Valid(out) {
			out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
		} else {
			out = bytes.Clone(out)
		}
	} else {
		out, _, err = transform.Bytes(unicode.BOMOverride(enc.NewDecoder()), raw)
		if err != nil {
			return nil, name, fmt.Errorf("decode %s: %w", name, err)
		}
		if !utf8.Valid(out) {
			out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
		}
	}
	// NUL is not allowed in HTML text and confuses downstream stages.
	if bytes.IndexByte(out, 0) >= 0 {
		out = bytes.ReplaceAll(out, []byte{0}, []byte("\uFFFD"))
	}
	return out, name, nil
}

// detectCharset picks the encoding of raw; see DecodeHTML.
func detectCharset(raw []byte, contentType string) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		return encoding.Nop, "utf-8"
	case bytes.HasPrefix(raw, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(raw, []byte("\xff\xfe")):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	}
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			if e, name := lookupCharset(params["charset"]); e != nil {
				return e, name
			}
		}
	}
	head := raw
	if len(head) > prescanLen {
		head = head[:prescanLen]
	}
	if m := metaCharset.FindSubmatch(bytes.ToLower(head)); m != nil {
		if e, name := lookupCharset(string(m[1])); e != nil {
			return e, name
		}
	}
	if utf8.Valid(raw) || mostlyValidUTF8(raw) {
		return encoding.Nop, "utf-8"
	}
	return sniffCharset(raw)
}

// lookupCharset maps a label to an encoding (WHATWG labels). A declared
// UTF-16 in a byte stream that has no BOM is treated as UTF-8, as browsers do.
func lookupCharset(label string) (encoding.Encoding, string) {
	label = strings.TrimSpace(strings.Trim(label, `"'`))
	if label == "" {
		return nil, ""
	}
	e, name := charset.Lookup(label)
	if e == nil {
		return nil, ""
	}
	if strings.HasPrefix(name, "utf-16") || name == "utf-8" {
		return encoding.Nop, "utf-8"
	}
	return e, name
}

// mostlyValidUTF8 accepts UTF-8 text with a few corrupt bytes (a truncated
// or damaged page): at least 20 multi-byte runes and at most one invalid
// byte per 50 of them.
func mostlyValidUTF8(b []byte) bool {
	var good, bad int
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			good++
		}
		b = b[n:]
	}
	return good >= 20 && bad*50 <= good
}

// sniffCharset guesses the single-byte encoding of text that is not UTF-8.
func sniffCharset(raw []byte) (encoding.Encoding, string) {
	sample := raw
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	if results, err := chardet.NewHtmlDetector().DetectAll(sample); err == nil {
		for _, r := range results {
			name := strings.ToLower(r.Charset)
			switch name {
			case "windows-1256", "iso-8859-6", "iso-8859-1", "windows-1252",
				"iso-8859-15", "windows-1250", "iso-8859-2", "windows-1251",
				"koi8-r", "iso-8859-5", "windows-1253", "iso-8859-7",
				"windows-1254", "iso-8859-9", "windows-1255", "iso-8859-8",
				"shift_jis", "euc-jp", "euc-kr", "gb18030", "big5":
				if e, n := lookupCharset(name); e != nil {
					return e, n
				}
			}
		}
	}
	e, name := charset.Lookup("windows-1252")
	return e, name
}
