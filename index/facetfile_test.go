package index

import (
	"encoding/binary"
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestCopyUint32s: the one-copy read of a saved table's numbers and the
// number-by-number one agree, at every alignment of the input.
func TestCopyUint32s(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 3, 1000} {
		want := make([]uint32, n)
		for i := range want {
			want[i] = rng.Uint32()
		}
		for off := range 8 {
			raw := make([]byte, off, off+4*n+3)
			for _, v := range want {
				raw = binary.LittleEndian.AppendUint32(raw, v)
			}
			raw = append(raw, 0xaa, 0xbb, 0xcc) // bytes past the numbers stay unread
			b := raw[off:]
			copies := map[string]func([]uint32, []byte){"copyLittleEndian": copyLittleEndian}
			if littleEndian() {
				copies["copyNative"] = copyNative
			}
			for name, copyFn := range copies {
				got := make([]uint32, n)
				copyFn(got, b)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s of %d numbers at offset %d: got %v, want %v", name, n, off, head(got), head(want))
				}
			}
		}
	}
}

func head(ns []uint32) []uint32 { return ns[:min(len(ns), 4)] }

// testTable is a small valid facet table.
func testTable() *facetTable {
	return &facetTable{
		terms:  []string{"lang:fr", "lang:en", "cause:power", "kind:telecom"},
		starts: []uint32{0, 2, 2, 5},
		ids:    []uint32{0, 2, 1, 3, 2},
	}
}

// TestDecodeFacetTable: a table decodes as it was encoded wherever it lies
// in memory, and every cut or stale copy of it is refused with an error.
func TestDecodeFacetTable(t *testing.T) {
	const key = "seg1.zap:5:5;"
	want := testTable()
	enc := encodeFacetTable(key, want)
	for off := range 4 {
		raw := append(make([]byte, off), enc...)[off:]
		got, err := decodeFacetTable(raw, key)
		if err != nil {
			t.Fatalf("offset %d: %v", off, err)
		}
		if !reflect.DeepEqual(got.terms, want.terms) || !reflect.DeepEqual(got.starts, want.starts) || !reflect.DeepEqual(got.ids, want.ids) {
			t.Errorf("offset %d: got %v %v %v, want %v %v %v", off, got.terms, got.starts, got.ids, want.terms, want.starts, want.ids)
		}
	}
	for n := range len(enc) {
		if _, err := decodeFacetTable(enc[:n], key); err == nil {
			t.Errorf("the first %d of %d bytes decoded without error", n, len(enc))
		}
	}
	if _, err := decodeFacetTable(enc, "seg2.zap:5:5;"); err == nil {
		t.Error("a table of another snapshot decoded without error")
	}
}

// FuzzDecodeFacetTable: any input decodes to a table that passes check,
// or to an error; never a panic.
func FuzzDecodeFacetTable(f *testing.F) {
	const key = "k"
	f.Add(encodeFacetTable(key, testTable()))
	f.Add(encodeFacetTable(key, &facetTable{}))
	f.Fuzz(func(t *testing.T, raw []byte) {
		tb, err := decodeFacetTable(raw, key)
		if err != nil {
			return
		}
		if err := tb.check(); err != nil {
			t.Fatalf("decoded a table that fails check: %v", err)
		}
	})
}
