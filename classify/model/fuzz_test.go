package model

import (
	"bytes"
	"testing"
)

// FuzzRead: any bytes either fail with an error or read into weights that
// write and read back to the same file.
func FuzzRead(f *testing.F) {
	f.Add([]byte("# c\ndetect\tbias\t-1.5\ncause\tcue.because\t2\n"))
	f.Add([]byte("start\tx\t1e309\n"))
	f.Add([]byte("cause\tx\t1\ncause\tx\t2\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		w, err := Read("f.tsv", b)
		if err != nil {
			return
		}
		var one, two bytes.Buffer
		if err := w.Write(&one, "h"); err != nil {
			t.Fatal(err)
		}
		w2, err := Read("f.tsv", one.Bytes())
		if err != nil {
			t.Fatalf("written weights do not read back: %v\n%s", err, one.String())
		}
		w2.Write(&two, "h")
		if one.String() != two.String() {
			t.Fatalf("round trip differs:\n%s\n---\n%s", one.String(), two.String())
		}
	})
}
