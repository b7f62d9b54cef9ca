package index

import (
	"errors"
	"fmt"
	"math"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"
)

// Partitions are years of publication, and every hit of a query with
// Since or Until has an outage start in [since, until]: a partition in
// whose start field no value falls in that span holds no hit, and is not
// searched. One look-up in the partition's dictionary of start dates
// tells. Each partition is scored on its own statistics (no index-wide
// idf), so the hits of the others, their scores, the total and the facet
// counts are those of a search of every partition.

// searched returns what a search of c runs on: the reader's alias, an
// alias of the partitions that can hold a hit, or nil when none can.
func (r *Reader) searched(c *compiled) (bleve.Index, error) {
	parts, err := r.partitions(c)
	if err != nil || len(parts) == 0 {
		return nil, err
	}
	if len(parts) == len(r.parts) || r.allPartitions {
		return r.alias, nil
	}
	return bleve.NewIndexAlias(parts...), nil
}

// partitions returns the partitions that can hold a hit of c.
func (r *Reader) partitions(c *compiled) ([]bleve.Index, error) {
	if !c.hasStart || r.allPartitions {
		return r.parts, nil
	}
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
	if !c.startLo.IsZero() {
		lo = c.startLo.UnixNano()
	}
	if !c.startHi.IsZero() {
		hi = c.startHi.UnixNano() - 1 // the span is [startLo, startHi)
	}
	if lo > hi {
		return nil, nil
	}
	var out []bleve.Index
	for _, p := range r.parts {
		ok, err := hasStartIn(p, lo, hi)
		if err != nil {
			return nil, fmt.Errorf("index: start dates of %s: %w", p.Name(), err)
		}
		if ok {
			out = append(out, p)
		}
	}
	return out, nil
}

// hasStartIn reports whether a document of p has an outage start in
// [lo, hi] (Unix nanoseconds): Bleve indexes a date as its nanoseconds
// prefix-coded, at shift 0 exactly; those terms sort by value.
func hasStartIn(p bleve.Index, lo, hi int64) (ok bool, err error) {
	adv, err := p.Advanced()
	if err != nil {
		return false, err
	}
	ir, err := adv.Reader()
	if err != nil {
		return false, err
	}
	defer func() { err = errors.Join(err, ir.Close()) }()
	dict, err := ir.FieldDictRange(fStart, numeric.MustNewPrefixCodedInt64(lo, 0), numeric.MustNewPrefixCodedInt64(hi, 0))
	if err != nil {
		return false, err
	}
	defer func() { err = errors.Join(err, dict.Close()) }()
	e, err := dict.Next()
	return e != nil, err
}
