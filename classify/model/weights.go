package model

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Read parses a weights file: one "slot<TAB>feature<TAB>weight" line per
// weight; blank lines and lines starting with # are skipped. name is used
// in errors ("weights.tsv:12: ...").
func Read(name string, b []byte) (*Weights, error) {
	w := NewWeights()
	seen := map[[2]string]int{}
	for i, line := range strings.Split(string(b), "\n") {
		n := i + 1
		line = strings.TrimRight(line, "\r")
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		cols := strings.Split(t, "\t")
		if len(cols) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 tab-separated columns (slot, feature, weight), got %d", name, n, len(cols))
		}
		slot, feat := strings.TrimSpace(cols[0]), strings.TrimSpace(cols[1])
		if !knownSlot(slot) {
			return nil, fmt.Errorf("%s:%d: unknown slot %q (want one of %s)", name, n, slot, strings.Join(slots, ", "))
		}
		if feat == "" || strings.ContainsAny(feat, " \t") {
			return nil, fmt.Errorf("%s:%d: bad feature name %q", name, n, feat)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(cols[2]), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%s:%d: bad weight %q: want a finite number", name, n, cols[2])
		}
		k := [2]string{slot, feat}
		if prev, dup := seen[k]; dup {
			return nil, fmt.Errorf("%s:%d: %s %s already weighted on line %d", name, n, slot, feat, prev)
		}
		seen[k] = n
		w.Set(slot, feat, v)
	}
	return w, nil
}

// Write writes the weights in the format Read reads, slots in a fixed
// order and features sorted, so that equal weights give equal files.
// Weights that round to 0 are left out.
func (w *Weights) Write(out io.Writer, header string) error {
	bw := bufio.NewWriter(out)
	for _, l := range strings.Split(strings.TrimSpace(header), "\n") {
		if l != "" {
			fmt.Fprintf(bw, "# %s\n", l)
		}
	}
	fmt.Fprintln(bw, "# slot\tfeature\tweight")
	for _, s := range slots {
		for _, f := range w.features(s) {
			v := w.w[s][f]
			txt := strconv.FormatFloat(v, 'f', 4, 64)
			if txt == "0.0000" || txt == "-0.0000" {
				continue
			}
			fmt.Fprintf(bw, "%s\t%s\t%s\n", s, f, txt)
		}
	}
	return bw.Flush()
}
