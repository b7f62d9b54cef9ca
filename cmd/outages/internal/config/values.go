package config

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// keysOf returns the keys of m.
func keysOf[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	return names
}

// clip shortens s for quoting in a message.
func clip(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}

func parseDuration(v string, dst *time.Duration) error {
	d, err := time.ParseDuration(v)
	if err != nil {
		if _, nerr := strconv.ParseFloat(v, 64); nerr == nil && v != "0" {
			return fmt.Errorf("invalid duration %q (missing unit: e.g. %ss)", clip(v), v)
		}
		return fmt.Errorf("invalid duration %q", clip(v))
	}
	*dst = d
	return nil
}

var sizeRE = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)$`)

// parseSize reads a byte count with an optional binary unit: B, KB, MB,
// GB (1 KB = 1024 bytes; KiB, MiB, GiB and K, M, G are synonyms).
func parseSize(v string, dst *int64) error {
	m := sizeRE.FindStringSubmatch(v)
	if m == nil {
		return fmt.Errorf("invalid size %q (want a number with an optional unit B, KB, MB or GB)", clip(v))
	}
	var unit float64
	switch strings.ToLower(m[2]) {
	case "", "b":
		unit = 1
	case "k", "kb", "kib":
		unit = 1 << 10
	case "m", "mb", "mib":
		unit = 1 << 20
	case "g", "gb", "gib":
		unit = 1 << 30
	default:
		return fmt.Errorf("invalid size %q: unknown unit %q (want B, KB, MB or GB)", clip(v), m[2])
	}
	f, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return fmt.Errorf("invalid size %q", clip(v))
	}
	f *= unit
	if f >= math.MaxInt64 {
		return fmt.Errorf("invalid size %q: too large", clip(v))
	}
	if f != math.Trunc(f) {
		return fmt.Errorf("invalid size %q: not a whole number of bytes", clip(v))
	}
	*dst = int64(f)
	return nil
}

// suggest returns the name in names closest to key when it is close enough
// to be a likely typo, or "".
func suggest(key string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		d := editDistance(key, n)
		if d < bestD || (d == bestD && best != "" && n < best) {
			best, bestD = n, d
		}
	}
	if best == "" || bestD > 2 || bestD*3 > len(best)+1 {
		return ""
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of adjacent letters.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return math.MaxInt32
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
