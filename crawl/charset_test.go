package crawl

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

const (
	frenchText = "<p>La fibre optique a été coupée près de la gare, privant de réseau des milliers d'abonnés pendant deux journées entières. Les équipes techniques ont rétabli le service à l'aube.</p>"
	arabicText = "<p>انقطعت خدمة الإنترنت في عدة مدن بعد عطل في الكابل البحري، وقالت الشركة إن الفرق الفنية تعمل على إصلاح الخلل في أسرع وقت ممكن.</p>"
)

func TestDecodeHTML(t *testing.T) {
	tests := []struct {
		name        string
		raw         []byte
		contentType string
		wantCharset string
		wantText    string
	}{
		{
			name:        "latin1 declared in header only",
			raw:         encode(t, charmap.ISO8859_1, "<html><body>"+frenchText+"</body></html>"),
			contentType: "text/html; charset=ISO-8859-1",
			wantCharset: "windows-1252",
			wantText:    "a été coupée",
		},
		{
			name:        "windows-1256 declared in meta only",
			raw:         encode(t, charmap.Windows1256, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body>`+arabicText+"</body></html>"),
			contentType: "text/html",
			wantCharset: "windows-1256",
			wantText:    "انقطعت خدمة الإنترنت",
		},
		{
			name:        "meta charset attribute",
			raw:         encode(t, charmap.ISO8859_6, `<html><head><meta charset="iso-8859-6"></head><body>`+arabicText+"</body></html>"),
			wantCharset: "iso-8859-6",
			wantText:    "الكابل البحري",
		},
		{
			name:        "utf-8 undeclared",
			raw:         []byte("<html><body>" + frenchText + arabicText + "</body></html>"),
			contentType: "text/html",
			wantCharset: "utf-8",
			wantText:    "rétabli le service",
		},
		{
			name:        "windows-1256 undeclared is sniffed",
			raw:         encode(t, charmap.Windows1256, "<html><body>"+strings.Repeat(arabicText, 3)+"</body></html>"),
			wantCharset: "windows-1256",
			wantText:    "الفرق الفنية",
		},
		{
			name:     "windows-1252 undeclared is sniffed",
			raw:      encode(t, charmap.Windows1252, "<html><body>"+strings.Repeat(frenchText, 3)+"</body></html>"),
			wantText: "privant de réseau",
		},
		{
			name:        "utf-8 BOM wins over header",
			raw:         append([]byte("\xef\xbb\xbf"), []byte("<p>déjà</p>")...),
			contentType: "text/html; charset=windows-1252",
			wantCharset: "utf-8",
			wantText:    "déjà",
		},
		{
			name:        "declared utf-8 with invalid bytes is repaired",
			raw:         []byte("<p>ok \xff\xfe bytes \xc3</p>"),
			contentType: "text/html; charset=utf-8",
			wantCharset: "utf-8",
			wantText:    "ok \uFFFD",
		},
		{
			name:        "unknown declared charset falls back to detection",
			raw:         []byte("<p>réseau</p>"),
			contentType: "text/html; charset=x-unknown-thing",
			wantCharset: "utf-8",
			wantText:    "réseau",
		},
		{
			name:        "empty",
			raw:         nil,
			wantCharset: "utf-8",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs, err := DecodeHTML(tt.raw, tt.contentType)
			if err != nil {
				t.Fatalf("DecodeHTML: %v", err)
			}
			if !utf8.Valid(got) {
				t.Fatalf("result is not valid UTF-8: %q", got)
			}
			if tt.wantCharset != "" && cs != tt.wantCharset {
				t.Errorf("charset = %q, want %q", cs, tt.wantCharset)
			}
			if !bytes.Contains(got, []byte(tt.wantText)) {
				t.Errorf("decoded text %q does not contain %q", got, tt.wantText)
			}
		})
	}
}

func FuzzDecodeHTML(f *testing.F) {
	f.Add([]byte("<meta charset=windows-1256><p>\xc7\xe1\xda\xd1\xc8\xed\xc9</p>"), "text/html")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "")
	f.Add([]byte("<p>caf\xe9</p>"), "text/html; charset=iso-8859-1")
	f.Add([]byte("\xef\xbb\xbf<p>\xe2\x82</p>"), "text/html; charset=\"utf-16\"")
	f.Fuzz(func(t *testing.T, raw []byte, ct string) {
		got, cs, err := DecodeHTML(raw, ct)
		if err != nil {
			return
		}
		if cs == "" {
			t.Fatal("empty charset name")
		}
		if !utf8.Valid(got) {
			t.Fatalf("invalid UTF-8 out of %q (%s)", raw, cs)
		}
		if bytes.IndexByte(got, 0) >= 0 {
			t.Fatalf("NUL byte in output of %q", raw)
		}
	})
}
