package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrNoIndex is returned by Open and ReadMeta when no generation has been
// published in the directory yet.
var ErrNoIndex = errors.New("no index yet")

// Meta describes a published generation.
type Meta struct {
	SchemaVersion int       `json:"schema_version"`
	Watermark     uint64    `json:"watermark"`  // highest corpus Seq the generation holds (set by the caller)
	Classifier    string    `json:"classifier"` // version of the rules the articles were classified with
	Docs          uint64    `json:"docs"`       // number of articles
	Created       time.Time `json:"created"`
	Generation    string    `json:"generation"` // directory name, e.g. gen-00000007
}

// genMeta is the content of a generation's meta.json.
type genMeta struct {
	Meta
	Partitions []string `json:"partitions"` // year partitions ("2024", "undated"; "2024-07" in older generations), sorted
}

const (
	currentFile = "CURRENT"
	metaFile    = "meta.json"
	lockFile    = "LOCK"
	writerLock  = "WRITER.lock"
	genPrefix   = "gen-"
	partPrefix  = "p-"
)

func genName(n uint64) string { return fmt.Sprintf("%s%08d", genPrefix, n) }

func genNumber(name string) (uint64, bool) {
	if !strings.HasPrefix(name, genPrefix) {
		return 0, false
	}
	n, err := strconv.ParseUint(strings.TrimPrefix(name, genPrefix), 10, 64)
	return n, err == nil
}

func partDir(gen, part string) string { return filepath.Join(gen, partPrefix+part) }

// readCurrent returns the name of the published generation.
func readCurrent(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, currentFile))
	if errors.Is(err, fs.ErrNotExist) {
		return "", ErrNoIndex
	}
	if err != nil {
		return "", fmt.Errorf("index: read %s: %w", filepath.Join(dir, currentFile), err)
	}
	name := strings.TrimSpace(string(b))
	if _, ok := genNumber(name); !ok || strings.ContainsAny(name, `/\`) {
		if len(name) > 40 {
			name = name[:40] + "…"
		}
		return "", &DamageError{Path: filepath.Join(dir, currentFile), Cause: fmt.Sprintf("the pointer to the published generation holds %q, not a generation name", name)}
	}
	return name, nil
}

func readGenMeta(genDir string) (genMeta, error) {
	var m genMeta
	b, err := os.ReadFile(filepath.Join(genDir, metaFile))
	if err != nil {
		return m, fmt.Errorf("index: read meta: %w", err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("index: decode %s: %w", filepath.Join(genDir, metaFile), err)
	}
	for _, p := range m.Partitions {
		if p == "" || strings.ContainsAny(p, `/\`) || p == "." || p == ".." {
			return m, fmt.Errorf("index: %s: bad partition name %q", filepath.Join(genDir, metaFile), p)
		}
	}
	return m, nil
}

// ReadMeta returns the meta of the published generation without opening
// Bleve. It returns ErrNoIndex when none is published.
func ReadMeta(dir string) (Meta, error) {
	name, err := readCurrent(dir)
	if err != nil {
		return Meta{}, err
	}
	m, err := readGenMeta(filepath.Join(dir, name))
	if err != nil {
		return Meta{}, err
	}
	return m.Meta, nil
}

// NeedsReindex reports whether the published generation was built with
// another SchemaVersion. With no index it returns false and ErrNoIndex.
func NeedsReindex(dir string) (bool, error) {
	m, err := ReadMeta(dir)
	if err != nil {
		return false, err
	}
	return m.SchemaVersion != SchemaVersion, nil
}

// writeFileAtomic writes data to path through a synced temporary file, a
// rename and a sync of the directory.
func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// syncTree fsyncs every file and directory under root.
func syncTree(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Sync()
	})
}

// linkTree recreates the directory tree src at dst, hard-linking files.
func linkTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		return os.Link(p, target)
	})
}

// copyFile replaces dst by a private copy of src (dst may be a hard link
// to src).
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp := dst + ".copy"
	out, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}

// flock is an advisory lock on a file.
type flock struct{ f *os.File }

// tryLock opens path and takes a non-blocking shared or exclusive lock.
// It reports false (and no error) when the lock is held by someone else.
func tryLock(path string, exclusive, create bool) (*flock, bool, error) {
	flag := os.O_RDONLY
	if create {
		flag = os.O_RDWR | os.O_CREATE
	}
	f, err := os.OpenFile(path, flag, 0o644)
	if err != nil {
		return nil, false, err
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	for {
		err = syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err != syscall.EINTR {
			break
		}
	}
	if errors.Is(err, syscall.EWOULDBLOCK) {
		f.Close()
		return nil, false, nil
	}
	if err != nil {
		f.Close()
		return nil, false, err
	}
	return &flock{f: f}, true, nil
}

func (l *flock) unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close() // closing the descriptor releases the lock
	l.f = nil
	return err
}

// listGenerations returns the generation directory names under dir, sorted
// by number.
func listGenerations(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range ents {
		if _, ok := genNumber(e.Name()); ok && e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Slice(names, func(i, j int) bool {
		a, _ := genNumber(names[i])
		b, _ := genNumber(names[j])
		return a < b
	})
	return names, nil
}

// removeUnused removes every generation other than keep that no reader
// holds (readers hold a shared lock on the generation's LOCK file). It
// returns the names it removed.
func removeUnused(dir, keep string) ([]string, error) {
	names, err := listGenerations(dir)
	if err != nil {
		return nil, fmt.Errorf("index: list generations in %s: %w", dir, err)
	}
	var removed []string
	var errs []error
	for _, name := range names {
		if name == keep {
			continue
		}
		g := filepath.Join(dir, name)
		l, ok, err := tryLock(filepath.Join(g, lockFile), true, false)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("index: lock %s: %w", g, err))
			continue
		}
		if err == nil && !ok {
			continue // a reader still uses it
		}
		rerr := os.RemoveAll(g)
		l.unlock()
		if rerr != nil {
			errs = append(errs, fmt.Errorf("index: remove %s: %w", g, rerr))
			continue
		}
		removed = append(removed, name)
	}
	return removed, errors.Join(errs...)
}
