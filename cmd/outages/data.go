package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"outages/cmd/outages/internal/config"
	"outages/corpus"
)

// The data directory's layout.
const (
	lockFile   = "LOCK"      // held by the one writer (run, reindex)
	storeFile  = "corpus.db" // the article store
	indexDir   = "index"     // index generations
	sampleDir  = "sample"    // the bundled sample corpus, written out for crawling
	reportsDir = "reports"   // last-run.json
)

// dataOptions are the flags every command that touches the data directory has.
type dataOptions struct {
	data    string
	config  string
	contact string // --contact, for the commands that crawl
}

func (o *dataOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.data, "data", "", "data `DIR`: corpus store, crawl state and index (default $OUTAGES_DATA or ./outages-data)")
	fs.StringVar(&o.config, "config", "", "config `FILE` (sources, politeness, data directory); see README")
}

// load returns the configuration: defaults, then the config file, then the
// environment and flags, validated.
func (o *dataOptions) load() (config.Config, error) {
	cfg := config.Default()
	if o.config != "" {
		f, err := os.Open(o.config)
		if err != nil {
			return cfg, usagef("config: %v", err)
		}
		defer f.Close()
		cfg, err = config.Parse(f, o.config, cfg)
		if err != nil {
			return cfg, &usageError{msg: err.Error()}
		}
	}
	switch {
	case o.data != "":
		cfg.Data = o.data
	case cfg.Line("data") > 0:
		// the config file chose it
	case os.Getenv("OUTAGES_DATA") != "":
		cfg.Data = os.Getenv("OUTAGES_DATA")
	}
	if cfg.Data == "" {
		cfg.Data = "outages-data"
	}
	contact := o.contact
	if contact == "" {
		contact = os.Getenv("OUTAGES_CONTACT")
	}
	if contact != "" {
		ua, err := config.WithContact(cfg.UserAgent, contact)
		if err != nil {
			return cfg, usagef("--contact: %v", err)
		}
		cfg.UserAgent = ua
	}
	if err := cfg.Validate(); err != nil {
		return cfg, &usageError{msg: err.Error()}
	}
	return cfg, nil
}

// dirLock is an exclusive lock on a data directory, held by the one process
// that writes it. The kernel drops it when the process dies, however it dies.
type dirLock struct{ f *os.File }

func lockDataDir(dir string) (*dirLock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("data directory %s: %w", dir, err)
	}
	path := filepath.Join(dir, lockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			who := strings.TrimSpace(string(holder))
			if who == "" {
				who = "another process"
			}
			return nil, fmt.Errorf("data directory %s is in use by another outages run or reindex (%s); try again when it has finished", dir, who)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if err := f.Truncate(0); err == nil {
		fmt.Fprintf(f, "pid %d, started %s\n", os.Getpid(), time.Now().Format(time.RFC3339))
	}
	return &dirLock{f: f}, nil
}

func (l *dirLock) release() {
	l.f.Truncate(0)
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}

// openStore opens the store for writing and walks its pages first, so that
// a damaged store stops the command before it crawls or writes anything
// (BenchmarkScan: 75 ms for 100,000 articles) — unless the file is as the
// last walk, or the last run that wrote it, left it whole (storeWhole): the
// walk reads every page of the file, which then counts in the process's
// memory (3.3 GB at a million articles, where the nightly run reads a few
// megabytes of it).
func openStore(dir string) (*corpus.Store, error) {
	whole := storeWhole(dir) // before opening: opening for writing writes to the file
	s, err := corpus.OpenStore(filepath.Join(dir, storeFile), corpus.StoreOptions{})
	if err != nil {
		return nil, err
	}
	if whole {
		return s, nil
	}
	if err := s.Scan(context.Background()); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// storeStamp returns the size and modification time of the data
// directory's store ("" when it cannot be read): any write to the file (a
// run, a damaging copy or dd) changes it.
func storeStamp(dir string) string {
	fi, err := os.Stat(filepath.Join(dir, storeFile))
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d %d\n", fi.Size(), fi.ModTime().UnixNano())
}

// storeWhole reports whether the store is as a walk that found it whole
// (scanStore, openStore), or a run that opened it whole and met no damage
// (closeStore), last left it.
func storeWhole(dir string) bool {
	stamp := storeStamp(dir)
	b, err := os.ReadFile(filepath.Join(dir, scannedFile))
	return stamp != "" && err == nil && string(b) == stamp
}

// closeStore closes a store opened by openStore. When the command
// finished (err, its outcome, is nil or only says that some pages failed),
// the file is whole: openStore found it so, and the command changed it only
// through the store's transactions. So its size and modification time are
// recorded, and the next command need not walk it.
func closeStore(dir string, s *corpus.Store, err error) {
	var partial *partialError
	if cerr := s.Close(); cerr != nil || (err != nil && !errors.As(err, &partial)) {
		return
	}
	if stamp := storeStamp(dir); stamp != "" {
		writeStamp(filepath.Join(dir, scannedFile), stamp)
	}
}

// writeSample writes the bundled sample corpus under dir/sample, leaving
// files whose content is already right untouched (so their modification
// time, which the crawler uses as a validator, stays the same).
func writeSample(dir string) (string, error) {
	out := filepath.Join(dir, sampleDir)
	sample := corpus.Sample()
	err := fs.WalkDir(sample, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		want, err := fs.ReadFile(sample, p)
		if err != nil {
			return err
		}
		dst := filepath.Join(out, filepath.FromSlash(p))
		if have, err := os.ReadFile(dst); err == nil && bytes.Equal(have, want) {
			return nil
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return writeFileAtomic(dst, want)
	})
	if err != nil {
		return "", fmt.Errorf("write sample corpus to %s: %w", out, err)
	}
	return out, nil
}

// writeFileAtomic writes data to a temporary file and renames it over path.
// Errors name path.
func writeFileAtomic(path string, data []byte) error {
	return writeAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeAtomic streams write's output, buffered, to a temporary file that is
// synced and renamed over path: readers see the old file or the whole new
// one. Errors name path.
func writeAtomic(path string, write func(io.Writer) error) error {
	return onTarget(path, writeTempRename(path, write))
}

func writeTempRename(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
