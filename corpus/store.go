package corpus

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Bucket names of the store file.
var (
	bucketArticles = []byte("articles") // id → Article JSON
	bucketText     = []byte("text")     // TextHash → id
	bucketFetch    = []byte("fetch")    // Fetch.URL → fetchRecord JSON
	bucketSeq      = []byte("seq")      // big-endian seq → id (the latest write of each article)
)

// StoreOptions configure Open.
type StoreOptions struct {
	// ReadOnly opens the store for reading only; it may share the file with
	// other readers but waits for a writer to close it.
	ReadOnly bool
	// Timeout bounds the wait for the file lock (default 5s).
	Timeout time.Duration
	// NoSync skips fsync after each transaction. A killed process loses
	// nothing (the OS still has the pages); a machine crash may. Tests and
	// benchmarks only.
	NoSync bool
}

// Store keeps every stored article, the fetch validators of its page and
// an ordered log of changes, in one transactional file (bbolt). Every Put is
// atomic: an article and its validators are written together or not at all,
// so a run killed at any moment leaves the store consistent.
type Store struct {
	db   *bolt.DB
	path string
}

// PutResult says what Put did.
type PutResult int

const (
	// Unchanged: the same text and classification were already stored; only
	// the fetch validators were refreshed. The index need not be touched.
	Unchanged PutResult = iota
	// Added: a new article.
	Added
	// Updated: the article existed and its text or classification changed.
	Updated
)

func (r PutResult) String() string {
	switch r {
	case Added:
		return "added"
	case Updated:
		return "updated"
	default:
		return "unchanged"
	}
}

type fetchRecord struct {
	ID           string `json:"id"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// OpenStore opens (creating if needed, unless read-only) the store file at path.
func OpenStore(path string, opts StoreOptions) (*Store, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = 5 * time.Second
	}
	if !opts.ReadOnly {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
	} else if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	var db *bolt.DB
	err := guard(path, func() (err error) {
		db, err = bolt.Open(path, 0o644, &bolt.Options{
			Timeout:  opts.Timeout,
			ReadOnly: opts.ReadOnly,
			NoSync:   opts.NoSync,
		})
		return err
	})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, fmt.Errorf("open store %s: the file is locked by another process", path)
		}
		if errors.Is(err, ErrDamaged) {
			return nil, err
		}
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if !opts.ReadOnly {
		err = s.update(func(tx *bolt.Tx) error {
			for _, b := range [][]byte{bucketArticles, bucketText, bucketFetch, bucketSeq} {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			db.Close()
			if errors.Is(err, ErrDamaged) {
				return nil, err
			}
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
	}
	return s, nil
}

// Path returns the store's file name.
func (s *Store) Path() string { return s.path }

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// Put stores a: an insert or update keyed by a.ID, together with its fetch
// validators, in one transaction. It returns ErrDuplicate (wrapped, naming
// the other article) when the same text is stored under another ID. Put
// sets a.Seq when the article changed. Concurrent calls are coalesced into
// shared transactions.
func (s *Store) Put(a *Article) (PutResult, error) {
	if a.ID == "" || a.URL == "" {
		return Unchanged, fmt.Errorf("store article %q: missing id or url", a.URL)
	}
	var result PutResult
	var seq uint64
	err := s.batch(func(tx *bolt.Tx) error {
		var err error
		result, seq, err = put(tx, a)
		return err
	})
	var de *DamageError
	if errors.As(err, &de) && de.Path == "" {
		de.Path = s.path
	}
	if err != nil {
		return Unchanged, fmt.Errorf("store %s: %w", a.URL, err)
	}
	if result != Unchanged {
		a.Seq = seq
	}
	return result, nil
}

func put(tx *bolt.Tx, a *Article) (PutResult, uint64, error) {
	arts, texts := tx.Bucket(bucketArticles), tx.Bucket(bucketText)
	if a.ContentHash != "" {
		if other := texts.Get([]byte(a.ContentHash)); other != nil && string(other) != a.ID {
			return Unchanged, 0, fmt.Errorf("%w: same text as article %s", ErrDuplicate, other)
		}
	}
	result := Added
	var old Article
	if raw := arts.Get([]byte(a.ID)); raw != nil {
		if err := json.Unmarshal(raw, &old); err != nil {
			return Unchanged, 0, &DamageError{Cause: fmt.Sprintf("article %s does not decode: %v", a.ID, err)}
		}
		result = Updated
		if sameContent(&old, a) {
			result = Unchanged
		}
	}
	if err := putFetch(tx, a); err != nil {
		return Unchanged, 0, err
	}
	if result == Unchanged {
		// Keep the stored record (and its Seq) but refresh the validators.
		old.Fetch = a.Fetch
		raw, err := json.Marshal(&old)
		if err != nil {
			return Unchanged, 0, err
		}
		return Unchanged, old.Seq, arts.Put([]byte(a.ID), raw)
	}
	seqs := tx.Bucket(bucketSeq)
	if result == Updated {
		if old.Seq != 0 {
			if err := seqs.Delete(seqKey(old.Seq)); err != nil {
				return Unchanged, 0, err
			}
		}
		if old.ContentHash != "" && old.ContentHash != a.ContentHash {
			if err := texts.Delete([]byte(old.ContentHash)); err != nil {
				return Unchanged, 0, err
			}
		}
	}
	seq, err := seqs.NextSequence()
	if err != nil {
		return Unchanged, 0, err
	}
	stored := *a
	stored.Seq = seq
	raw, err := json.Marshal(&stored)
	if err != nil {
		return Unchanged, 0, err
	}
	if err := arts.Put([]byte(a.ID), raw); err != nil {
		return Unchanged, 0, err
	}
	if err := seqs.Put(seqKey(seq), []byte(a.ID)); err != nil {
		return Unchanged, 0, err
	}
	if a.ContentHash != "" {
		if err := texts.Put([]byte(a.ContentHash), []byte(a.ID)); err != nil {
			return Unchanged, 0, err
		}
	}
	return result, seq, nil
}

func putFetch(tx *bolt.Tx, a *Article) error {
	if a.Fetch.URL == "" {
		return nil
	}
	raw, err := json.Marshal(fetchRecord{ID: a.ID, ETag: a.Fetch.ETag, LastModified: a.Fetch.LastModified})
	if err != nil {
		return err
	}
	return tx.Bucket(bucketFetch).Put([]byte(a.Fetch.URL), raw)
}

// sameContent reports whether b would index exactly as a does: same page
// fields and same classification.
func sameContent(a, b *Article) bool {
	x, y := *a, *b
	x.Fetch, y.Fetch = Fetch{}, Fetch{}
	x.Seq, y.Seq = 0, 0
	ja, err1 := json.Marshal(&x)
	jb, err2 := json.Marshal(&y)
	return err1 == nil && err2 == nil && bytes.Equal(ja, jb)
}

func seqKey(seq uint64) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], seq)
	return k[:]
}

// Validators returns the ETag and Last-Modified stored with the article last
// fetched from fetchURL, for a conditional GET.
func (s *Store) Validators(fetchURL string) (etag, lastModified string, ok bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFetch)
		if b == nil {
			return nil
		}
		raw := b.Get([]byte(fetchURL))
		if raw == nil {
			return nil
		}
		var r fetchRecord
		if err := json.Unmarshal(raw, &r); err != nil {
			return s.decodeError("fetch record", []byte(fetchURL), err)
		}
		// Validators only count while their article is still stored.
		if tx.Bucket(bucketArticles).Get([]byte(r.ID)) == nil {
			return nil
		}
		etag, lastModified, ok = r.ETag, r.LastModified, true
		return nil
	})
	return etag, lastModified, ok, err
}

// Get returns the article with the given id, or nil and no error when it is
// not stored.
func (s *Store) Get(id string) (*Article, error) {
	var a *Article
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketArticles)
		if b == nil {
			return nil
		}
		raw := b.Get([]byte(id))
		if raw == nil {
			return nil
		}
		a = new(Article)
		if err := json.Unmarshal(raw, a); err != nil {
			return s.decodeError("article", []byte(id), err)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("get article %s: %w", id, err)
	}
	return a, nil
}

// LastSeq returns the sequence number of the latest change (0 when empty).
func (s *Store) LastSeq() (uint64, error) {
	var seq uint64
	err := s.view(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketSeq); b != nil {
			seq = b.Sequence()
		}
		return nil
	})
	return seq, err
}

// Count returns the number of stored articles.
func (s *Store) Count() (int, error) {
	n := 0
	err := s.view(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketArticles); b != nil {
			n = b.Stats().KeyN
		}
		return nil
	})
	return n, err
}

// Since calls fn, in order of change, for every article whose latest
// change has a sequence number above seq. It reads one consistent snapshot:
// changes made while it runs are not seen. An error from fn stops it.
func (s *Store) Since(seq uint64, fn func(*Article) error) error {
	// A panic in fn is the caller's, not damage: carry it past the guard.
	var fnPanic any
	call := func(a *Article) (err error) {
		defer func() {
			if fnPanic = recover(); fnPanic != nil {
				err = errCallerPanic
			}
		}()
		return fn(a)
	}
	err := s.view(func(tx *bolt.Tx) error {
		seqs, arts := tx.Bucket(bucketSeq), tx.Bucket(bucketArticles)
		if seqs == nil {
			return nil
		}
		c := seqs.Cursor()
		for k, id := c.Seek(seqKey(seq + 1)); k != nil; k, id = c.Next() {
			raw := arts.Get(id)
			if raw == nil {
				continue
			}
			var a Article
			if err := json.Unmarshal(raw, &a); err != nil {
				return s.decodeError("article", id, err)
			}
			if err := call(&a); err != nil {
				return err
			}
		}
		return nil
	})
	if fnPanic != nil {
		panic(fnPanic)
	}
	return err
}

var errCallerPanic = errors.New("the caller's function panicked")

// All calls fn for every stored article, in order of change.
func (s *Store) All(fn func(*Article) error) error { return s.Since(0, fn) }
