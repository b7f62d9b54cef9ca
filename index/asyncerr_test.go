package index

import (
	"context"
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// TestBackgroundWriteFailureStopsCommit injects the failure scorch reports
// when it cannot persist a segment (it then retries forever): the writer
// must stop within a bound with the system error, and the published
// generation must stay as it was.
func TestBackgroundWriteFailureStopsCommit(t *testing.T) {
	tests := []struct {
		name  string
		errno syscall.Errno
		when  string // "put": before the next batch; "commit": while Commit waits
	}{
		{"no space at put", syscall.ENOSPC, "put"},
		{"no space at commit", syscall.ENOSPC, "commit"},
		{"read-only at commit", syscall.EROFS, "commit"},
		{"io error at put", syscall.EIO, "put"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeIndex(t, dir, Options{}, art("a", "fr", "2024-07-03", "Panne", "Une panne du réseau."))
			before, err := ReadMeta(dir)
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			w, err := OpenWriter(ctx, dir, Options{BatchSize: 1})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Abort()
			if err := w.Put(ctx, art("b", "fr", "2024-07-04", "Coupure", "Une coupure.")); err != nil {
				t.Fatal(err)
			}
			p := w.parts["2024"]
			if p == nil || p.idx == nil {
				t.Fatalf("partition 2024 not open: %v", w.parts)
			}
			// What scorch's persister calls, with its own wording.
			scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback](scorch.NewScorchError("persister",
				"got err persisting snapshot: write "+filepath.Join(p.path, "store", "00000002.zap")+": "+tt.errno.Error(),
				scorch.ErrPersist), filepath.Join(p.path, "store"))
			start := time.Now()
			if tt.when == "put" {
				err = w.Put(ctx, art("c", "fr", "2024-07-05", "Arrêt", "Un arrêt."))
			} else {
				err = w.Commit(ctx, Meta{Watermark: 9})
			}
			if !errors.Is(err, tt.errno) {
				t.Fatalf("%s = %v, want %v", tt.when, err, tt.errno)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v to stop", d)
			}
			if err := w.Abort(); err != nil {
				t.Fatalf("abort: %v", err)
			}
			after, err := ReadMeta(dir)
			if err != nil || after.Generation != before.Generation || after.Docs != before.Docs {
				t.Errorf("published generation changed: %+v → %+v (%v)", before, after, err)
			}
		})
	}
}
