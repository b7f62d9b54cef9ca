package corpus

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// WriteTo writes a consistent copy of the store file to w, from one read
// transaction: writes committed meanwhile are not in it.
func (s *Store) WriteTo(w io.Writer) (int64, error) {
	var n int64
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	return n, err
}

// ErrBusy is returned by Snapshot when the store kept changing too fast
// for a consistent copy.
var ErrBusy = errors.New("the store kept changing during every attempt to copy it")

// Snapshot writes a consistent copy of the store file at path to w, even
// while another process holds the store open for writing (bbolt's lock
// then keeps this process from opening it). When the file is free it
// copies from a read transaction. Otherwise it copies the raw file and
// keeps the copy only when at most one transaction committed meanwhile:
// bbolt never overwrites a page reachable from the last committed
// transaction before the second transaction after it, so the copy's
// newest meta page describes a tree the copy holds whole. tmp is where the
// raw copy is staged (it must be seekable); attempts are bounded.
func Snapshot(ctx context.Context, path string, w io.Writer, tmp *os.File) (int64, error) {
	s, err := OpenStore(path, StoreOptions{ReadOnly: true, Timeout: 200 * time.Millisecond})
	if err == nil {
		defer s.Close()
		return s.WriteTo(w)
	}
	if errors.Is(err, ErrDamaged) {
		return 0, err
	}
	const attempts = 8
	for i := range attempts {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		ok, err := rawCopy(path, tmp)
		if err != nil {
			return 0, fmt.Errorf("snapshot %s: %w", path, err)
		}
		if ok {
			if _, err := tmp.Seek(0, io.SeekStart); err != nil {
				return 0, err
			}
			return io.Copy(w, tmp)
		}
		time.Sleep(time.Duration(50<<i) * time.Millisecond) // 50ms … 6.4s
	}
	return 0, fmt.Errorf("snapshot %s: %w", path, ErrBusy)
}

// rawCopy copies the file at path into tmp and reports whether the copy is
// consistent (at most one commit happened while copying).
func rawCopy(path string, tmp *os.File) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	before, err := lastTxid(f)
	if err != nil {
		return false, &DamageError{Path: path, Cause: err.Error()}
	}
	if err := tmp.Truncate(0); err != nil {
		return false, err
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return false, err
	}
	if _, err := io.Copy(tmp, io.NewSectionReader(f, 0, 1<<62)); err != nil {
		return false, err
	}
	after, err := lastTxid(f)
	if err != nil {
		return false, &DamageError{Path: path, Cause: err.Error()}
	}
	return after <= before+1, nil
}

// bbolt's meta page: a 16-byte page header, then magic, version, page
// size, flags (4 bytes each), the root bucket (16), the free-list page,
// the high-water page, the transaction id and an FNV-64a checksum of the
// 56 bytes before it (8 bytes each), in the machine's byte order
// (little-endian on every platform this runs on).
const (
	boltMagic    = 0xED0CDAED
	metaOffset   = 16
	metaTxid     = metaOffset + 48
	metaChecksum = metaOffset + 56
)

// lastTxid returns the id of the last committed transaction: the larger
// txid of the two meta pages whose checksum holds.
func lastTxid(f *os.File) (uint64, error) {
	head := make([]byte, 4096)
	if _, err := f.ReadAt(head, 0); err != nil {
		return 0, fmt.Errorf("read meta page: %w", err)
	}
	pageSize := int64(binary.LittleEndian.Uint32(head[metaOffset+8:]))
	if pageSize < 512 || pageSize > 1<<20 {
		pageSize = 4096
	}
	var best uint64
	found := false
	for i := int64(0); i < 2; i++ {
		page := make([]byte, metaChecksum+8)
		if _, err := f.ReadAt(page, i*pageSize); err != nil {
			continue
		}
		if binary.LittleEndian.Uint32(page[metaOffset:]) != boltMagic {
			continue
		}
		h := fnv.New64a()
		h.Write(page[metaOffset:metaChecksum])
		if !bytes.Equal(h.Sum(nil), reverse(page[metaChecksum:metaChecksum+8])) {
			continue
		}
		if tx := binary.LittleEndian.Uint64(page[metaTxid:]); !found || tx > best {
			best, found = tx, true
		}
	}
	if !found {
		return 0, errors.New("no valid meta page")
	}
	return best, nil
}

// reverse returns b's bytes in reverse order (a little-endian number as
// the big-endian bytes hash.Sum gives).
func reverse(b []byte) []byte {
	out := make([]byte, len(b))
	for i := range b {
		out[len(b)-1-i] = b[i]
	}
	return out
}
