package export

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// DefaultBulkBytes is the largest bulk file BulkWriter writes: 10 MB
// (decimal, so the files stay under a "10 MB" request limit however it is
// counted).
const DefaultBulkBytes = 10_000_000

// BulkOptions configure a BulkWriter.
type BulkOptions struct {
	Dir      string // folder of the bulk-NNNN.ndjson files (created if absent)
	Index    string // the _index of every action
	MaxBytes int    // largest file; 0: DefaultBulkBytes
}

// BulkWriter writes documents as OpenSearch/Elasticsearch _bulk request
// bodies: files Dir/bulk-0001.ndjson, bulk-0002.ndjson, … each of at most
// MaxBytes, made of pairs of lines {"index":{"_index":…,"_id":…}} and the
// document source, every line ending with "\n". A pair is never split
// across two files; a single pair larger than MaxBytes gets a file of its
// own. Each file is written under a temporary name and renamed when
// complete. A BulkWriter is not safe for concurrent use.
type BulkWriter struct {
	opts  BulkOptions
	f     *os.File
	bw    *bufio.Writer
	size  int
	files []string
	docs  int
	err   error
}

// NewBulkWriter creates opts.Dir if needed and removes the bulk files of an
// earlier export in it, so that the folder holds exactly this export.
func NewBulkWriter(opts BulkOptions) (*BulkWriter, error) {
	if opts.Dir == "" || opts.Index == "" {
		return nil, errors.New("export: bulk files need a folder and an index name")
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultBulkBytes
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("export %s: %w", opts.Dir, err)
	}
	old, err := filepath.Glob(filepath.Join(opts.Dir, "bulk-*.ndjson"))
	if err != nil {
		return nil, err
	}
	for _, p := range old {
		if err := os.Remove(p); err != nil {
			return nil, fmt.Errorf("export: remove old %s: %w", p, err)
		}
	}
	return &BulkWriter{opts: opts}, nil
}

// bulkAction is the action/metadata line of one document.
type bulkAction struct {
	Index struct {
		Index string `json:"_index"`
		ID    string `json:"_id"`
	} `json:"index"`
}

// Add writes the document source (one line of JSON, no line break) with
// the stable id.
func (w *BulkWriter) Add(id string, source []byte) error {
	if w.err != nil {
		return w.err
	}
	if id == "" {
		return errors.New("export: bulk document without an id")
	}
	var act bulkAction
	act.Index.Index, act.Index.ID = w.opts.Index, id
	line, err := json.Marshal(act)
	if err != nil {
		return err
	}
	n := len(line) + 1 + len(source) + 1
	if w.f != nil && w.size+n > w.opts.MaxBytes {
		w.err = w.finish()
	}
	if w.err == nil && w.f == nil {
		w.err = w.open()
	}
	if w.err != nil {
		return w.err
	}
	w.bw.Write(line)
	w.bw.WriteByte('\n')
	w.bw.Write(source)
	w.bw.WriteByte('\n') // errors stay in bw and come back from Flush
	w.size += n
	w.docs++
	return nil
}

func (w *BulkWriter) name() string {
	return filepath.Join(w.opts.Dir, fmt.Sprintf("bulk-%04d.ndjson", len(w.files)+1))
}

func (w *BulkWriter) open() error {
	f, err := os.Create(w.name() + ".tmp")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	w.f, w.bw, w.size = f, bufio.NewWriterSize(f, 256<<10), 0
	return nil
}

// finish completes the current file and renames it to its final name.
func (w *BulkWriter) finish() error {
	f := w.f
	w.f = nil
	name := w.name()
	err := w.bw.Flush()
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("export %s: %w", name, err)
	}
	w.files = append(w.files, name)
	return nil
}

// Close completes the last file and returns the files written, in order.
func (w *BulkWriter) Close() ([]string, error) {
	if w.f != nil {
		if err := w.finish(); err != nil && w.err == nil {
			w.err = err
		}
	}
	return w.files, w.err
}

// Abort removes every file written, the completed ones too: a failed
// export leaves no partial set of bulk files to load by mistake.
func (w *BulkWriter) Abort() {
	if w.f != nil {
		w.f.Close()
		os.Remove(w.f.Name())
		w.f = nil
	}
	for _, p := range w.files {
		os.Remove(p)
	}
	w.files = nil
}

// Docs returns the number of documents written.
func (w *BulkWriter) Docs() int { return w.docs }
