package index

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
)

// ErrDamaged is wrapped by the errors of an index directory whose files
// do not say what they should (a garbled CURRENT, an unreadable meta).
var ErrDamaged = errors.New("index is damaged")

// DamageError names the damaged file and what was found.
type DamageError struct {
	Path  string
	Cause string
}

func (e *DamageError) Error() string { return fmt.Sprintf("%s is damaged (%s)", e.Path, e.Cause) }

// Unwrap lets errors.Is(err, ErrDamaged) hold.
func (e *DamageError) Unwrap() error { return ErrDamaged }

// Verify checks the published generation: CURRENT names a generation whose
// meta decodes, whose partitions open, and whose documents are as many as
// its meta says. It returns the meta (when readable) and every problem
// found; ErrNoIndex alone when nothing is published.
func Verify(dir string) (Meta, []error) {
	name, err := readCurrent(dir)
	if err != nil {
		return Meta{}, []error{err}
	}
	m, err := verifyGeneration(dir, name)
	if err != nil {
		return m.Meta, []error{err}
	}
	return m.Meta, nil
}

// verifyGeneration reads a generation's meta and counts its documents.
func verifyGeneration(dir, name string) (genMeta, error) {
	genDir := filepath.Join(dir, name)
	if _, err := os.Stat(genDir); err != nil {
		return genMeta{}, &DamageError{Path: filepath.Join(dir, currentFile), Cause: fmt.Sprintf("it names %s, which is not there", name)}
	}
	m, err := readGenMeta(genDir)
	if err != nil {
		return m, &DamageError{Path: filepath.Join(genDir, metaFile), Cause: err.Error()}
	}
	var docs uint64
	for _, p := range m.Partitions {
		path := partDir(genDir, p)
		n, err := countDocs(path)
		if err != nil {
			return m, &DamageError{Path: path, Cause: err.Error()}
		}
		docs += n
	}
	if docs != m.Docs {
		return m, &DamageError{Path: genDir, Cause: fmt.Sprintf("it holds %d articles, its meta says %d", docs, m.Docs)}
	}
	return m, nil
}

// countDocs opens a partition read-only and counts its documents; a panic
// of a damaged segment is an error.
func countDocs(path string) (n uint64, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true})
	if err != nil {
		return 0, err
	}
	defer idx.Close()
	return idx.DocCount()
}

// Republish points CURRENT at the newest generation that verifies and
// returns its meta. It returns ErrNoIndex when no generation verifies.
// The caller holds the data directory's writer lock.
func Republish(dir string) (Meta, error) {
	names, err := listGenerations(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return Meta{}, ErrNoIndex
	}
	if err != nil {
		return Meta{}, fmt.Errorf("index: list %s: %w", dir, err)
	}
	for i := len(names) - 1; i >= 0; i-- {
		m, err := verifyGeneration(dir, names[i])
		if err != nil || m.SchemaVersion != SchemaVersion {
			continue
		}
		if err := writeFileAtomic(filepath.Join(dir, currentFile), []byte(names[i]+"\n")); err != nil {
			return Meta{}, fmt.Errorf("index: publish %s: %w", names[i], err)
		}
		return m.Meta, nil
	}
	return Meta{}, ErrNoIndex
}
