package index

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Scorch persists and merges segments in background goroutines. When one
// of those writes fails (a full disk, a read-only file system) scorch
// retries at once, forever, and the batch's persisted callback never runs:
// a writer waiting for it would spin without end. Scorch reports each
// failure only to a callback looked up by name in a registry that is
// global by design (scorch.RegistryAsyncErrorCallbacks), so the package
// registers one callback, once, and routes each failure by the index path
// to the partition being written. These two variables are the package's
// only process-wide state; Bleve leaves no other way.
const asyncErrorCallback = "outages/index.partition"

var (
	registerAsync sync.Once
	asyncRoutes   sync.Map // scorch store path → *partition
)

// registerAsyncErrors installs the callback; every Bleve open in this
// package calls it first, so the registry is written before it is read.
func registerAsyncErrors() {
	registerAsync.Do(func() {
		scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = func(err error, path string) {
			for _, p := range []string{path, filepath.Dir(path)} {
				if v, ok := asyncRoutes.Load(p); ok {
					v.(*partition).fail(err)
					return
				}
			}
		}
	})
}

// route sends the background failures of the scorch index at p.path to p.
func (p *partition) route()   { asyncRoutes.Store(filepath.Join(p.path, "store"), p) }
func (p *partition) unroute() { asyncRoutes.Delete(filepath.Join(p.path, "store")) }

// failure is the first background write failure of a writer's
// partitions: failed is closed once err is set.
type failure struct {
	once   sync.Once
	failed chan struct{}
	err    error
}

// fail records the partition's background failure as the writer's, when
// it is the first.
func (p *partition) fail(err error) {
	p.failure.once.Do(func() {
		p.failure.err = asyncCause(p.path, err)
		close(p.failure.failed)
	})
}

// get returns the failure, or nil.
func (f *failure) get() error {
	select {
	case <-f.failed:
		return f.err
	default:
		return nil
	}
}

// diskErrnos are the write failures told apart in scorch's messages, which
// carry the cause only as text.
var diskErrnos = []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT, syscall.EROFS, syscall.EIO, syscall.EFBIG}

// asyncCause turns scorch's text into an error naming the partition's
// directory, wrapping the system error when the text names one (so that
// errors.Is(err, syscall.ENOSPC) holds).
func asyncCause(dir string, err error) error {
	msg := err.Error()
	var se *scorch.ScorchError
	if errors.As(err, &se) {
		msg = se.ErrMsg
	}
	for _, e := range diskErrnos {
		if strings.Contains(msg, e.Error()) {
			return &fs.PathError{Op: "write", Path: dir, Err: e}
		}
	}
	return fmt.Errorf("index: background write in %s: %s", dir, msg)
}
