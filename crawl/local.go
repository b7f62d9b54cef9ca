package crawl

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"outages/corpus"
)

// local handles a local file or folder job.
func (w *worker) local(ctx context.Context, j *job) *result {
	fi, err := os.Stat(j.local)
	if err != nil {
		return w.fail(j, ReasonNotFound, fmt.Errorf("read %s: %w", j.local, err))
	}
	if fi.IsDir() {
		return w.localDir(ctx, j)
	}
	if !fi.Mode().IsRegular() {
		return w.fail(j, ReasonNotFound, fmt.Errorf("read %s: not a regular file", j.local))
	}
	if j.src.Kind == KindJSONL || (j.src.Kind == KindDetect && isJSONLPath(j.local)) {
		return w.jsonFile(ctx, j)
	}
	return w.localPage(ctx, j, fi)
}

// localDir lists the pages and article record files of a folder (see
// localFiles) as links one level deeper.
func (w *worker) localDir(ctx context.Context, j *job) *result {
	files, err := localFiles(ctx, j.local, j.src.Kind)
	if err != nil {
		if ctx.Err() != nil {
			return &result{job: j}
		}
		return w.fail(j, ReasonNotFound, fmt.Errorf("read folder %s: %w", j.local, err))
	}
	r := &result{job: j}
	for _, p := range files {
		kind := jobFile
		if isJSONLPath(p) {
			kind = jobJSON
		}
		r.links = append(r.links, link{url: fileURL(p), local: p, kind: kind, depth: j.depth + 1})
	}
	return r
}

// localPage reads a local HTML file, fi its description, and extracts it
// as a page; its size and modification time are its ETag, and a file
// whose ETag the store holds is not read again.
func (w *worker) localPage(ctx context.Context, j *job, fi fs.FileInfo) *result {
	etag := fmt.Sprintf(`"%d-%d"`, fi.Size(), fi.ModTime().UnixNano())
	lastMod := fi.ModTime().UTC().Format(http.TimeFormat)
	if w.notModified(j, etag) {
		r := w.newResult(j)
		r.pr.Reason = ReasonNotModified
		return r
	}
	raw, failed := w.readLocal(j, fi)
	if failed != nil {
		return failed
	}
	r := w.newResult(j)
	r.fetched = true
	r.pr.Bytes = int64(len(raw))
	switch sniffContent("", raw) {
	case contentBinary:
		r.pr.Reason, r.pr.Err = ReasonNotHTML, fmt.Errorf("%s: binary content", j.local)
		return r
	case contentEmpty:
		r.pr.Reason, r.pr.Err = ReasonEmpty, fmt.Errorf("%s: empty file", j.local)
		return r
	}
	meta := corpus.Fetch{
		URL:          j.url,
		FinalURL:     j.url,
		ETag:         etag,
		LastModified: lastMod,
		FetchedAt:    time.Now().UTC(),
	}
	return w.page(ctx, j, r, raw, meta)
}

// notModified reports whether the store holds the job's page with this
// ETag; when the lookup fails it logs a warning and reports false, so
// that the file is read.
func (w *worker) notModified(j *job, etag string) bool {
	if w.v == nil {
		return false
	}
	old, _, ok, err := w.v.Validators(j.url)
	if err != nil {
		w.c.log.Warn("validators lookup failed; reading the file", "url", j.url, "err", err)
		return false
	}
	return ok && old == etag
}

// readLocal reads a local file, fi its description, of at most
// MaxBodyBytes. When it cannot, it returns the finished result: too large,
// or not found.
func (w *worker) readLocal(j *job, fi fs.FileInfo) ([]byte, *result) {
	if fi.Size() > w.c.opts.MaxBodyBytes {
		r := w.newResult(j)
		r.pr.Reason, r.pr.Err = ReasonTooLarge, fmt.Errorf("read %s: %d bytes > %d: %w", j.local, fi.Size(), w.c.opts.MaxBodyBytes, errTooLarge)
		return nil, r
	}
	f, err := os.Open(j.local)
	if err != nil {
		return nil, w.fail(j, ReasonNotFound, fmt.Errorf("read %s: %w", j.local, err))
	}
	raw, err := readLimitedSize(f, w.c.opts.MaxBodyBytes, fi.Size())
	_ = f.Close()
	if err != nil {
		reason := ReasonNotFound
		if errors.Is(err, errTooLarge) {
			reason = ReasonTooLarge
		}
		return nil, w.fail(j, reason, fmt.Errorf("read %s: %w", j.local, err))
	}
	return raw, nil
}

// localFiles lists the files of a folder source (hidden folders skipped),
// sorted: .html, .htm and .xhtml pages for kind file, article record
// files (.jsonl, .ndjson, .json) for kind jsonl, both when the kind is to
// be detected.
func localFiles(ctx context.Context, dir, kind string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		html := false
		switch strings.ToLower(filepath.Ext(p)) {
		case ".html", ".htm", ".xhtml":
			html = true
		}
		switch {
		case html && kind != KindJSONL, isJSONLPath(p) && kind != KindFile:
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}
