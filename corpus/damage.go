package corpus

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// ErrDamaged is wrapped by every error that comes from a damaged store
// file: bbolt found an invalid page, a bad checksum, or a record that does
// not decode.
var ErrDamaged = errors.New("store is damaged")

// DamageError names the damaged store file and what was found.
type DamageError struct {
	Path  string
	Cause string
}

func (e *DamageError) Error() string {
	return fmt.Sprintf("%s is damaged (%s)", e.Path, e.Cause)
}

// Unwrap lets errors.Is(err, ErrDamaged) hold.
func (e *DamageError) Unwrap() error { return ErrDamaged }

// boltDamage are the errors bbolt returns for a file that is not a sound
// store.
var boltDamage = []error{berrors.ErrInvalid, berrors.ErrChecksum, berrors.ErrVersionMismatch, berrors.ErrInvalidMapping}

// damaged turns bbolt's "this file is broken" errors into a DamageError
// and leaves other errors as they are.
func damaged(path string, err error) error {
	for _, d := range boltDamage {
		if errors.Is(err, d) {
			return &DamageError{Path: path, Cause: err.Error()}
		}
	}
	return err
}

// guard runs fn and turns a panic (bbolt panics on pages it cannot read)
// into a DamageError.
func guard(path string, fn func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &DamageError{Path: path, Cause: fmt.Sprint(p)}
		}
	}()
	return damaged(path, fn())
}

// view runs a read transaction that cannot panic.
func (s *Store) view(fn func(*bolt.Tx) error) error {
	return guard(s.path, func() error { return s.db.View(fn) })
}

// update runs a write transaction that cannot panic.
func (s *Store) update(fn func(*bolt.Tx) error) error {
	return guard(s.path, func() error { return s.db.Update(fn) })
}

// batch runs a coalesced write transaction; a panic inside fn comes back
// from bbolt as an error and is reported as damage too.
func (s *Store) batch(fn func(*bolt.Tx) error) error {
	return guard(s.path, func() error {
		return s.db.Batch(func(tx *bolt.Tx) (err error) {
			defer func() {
				if p := recover(); p != nil {
					err = &DamageError{Path: s.path, Cause: fmt.Sprint(p)}
				}
			}()
			return fn(tx)
		})
	})
}

// decodeError reports a stored record that does not decode as damage.
func (s *Store) decodeError(what string, key []byte, err error) error {
	return &DamageError{Path: s.path, Cause: fmt.Sprintf("%s %q does not decode: %v", what, key, err)}
}
