package main

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"outages/corpus"
	"outages/index"
)

// diskFailures are the write errors that stop a command at once, with what
// the operator should do about each.
var diskFailures = []struct {
	errno  syscall.Errno
	advice string
}{
	{syscall.ENOSPC, "free space and run again"},
	{syscall.EDQUOT, "free space or raise the disk quota, and run again"},
	{syscall.EFBIG, "the file is larger than the file system allows; move the data directory and run again"},
	{syscall.EROFS, "the file system is read-only; remount it read-write and run again"},
	{syscall.EIO, "the disk reported an I/O error; check it (dmesg, smartctl), then run 'outages check'"},
}

// onTarget reports a failed write of a temporary file as a failed write
// of the file it was to become, so that messages name the file the user
// asked for.
func onTarget(target string, err error) error {
	var pe *fs.PathError
	if err == nil || !errors.As(err, &pe) {
		return err
	}
	return &fs.PathError{Op: "write", Path: target, Err: pe.Err}
}

// keptError annotates a failed write with what stays as it was.
type keptError struct {
	kept string // e.g. "the previous index generation stays published"
	err  error
}

func (e *keptError) Error() string { return e.err.Error() }
func (e *keptError) Unwrap() error { return e.err }

// keeping wraps err (when not nil) with what a failure leaves intact.
func keeping(kept string, err error) error {
	if err == nil {
		return nil
	}
	return &keptError{kept: kept, err: err}
}

// diskMessage returns the one line said for a disk failure ("no space left
// on device writing PATH: KEPT; ADVICE"), or false when err is not one.
func diskMessage(err error) (string, bool) {
	for _, d := range diskFailures {
		if !errors.Is(err, d.errno) {
			continue
		}
		msg := d.errno.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			msg += " writing " + pe.Path
		}
		var ke *keptError
		if errors.As(err, &ke) {
			return fmt.Sprintf("%s: %s; %s", msg, ke.kept, d.advice), true
		}
		return fmt.Sprintf("%s: %s", msg, d.advice), true
	}
	return "", false
}

// damageMessage returns the line said for a damaged store or index, or
// false when err is not one.
func damageMessage(err error) (string, bool) {
	var cd *corpus.DamageError
	var id *index.DamageError
	switch {
	case errors.As(err, &cd):
		return cd.Error() + ": run 'outages check --repair'", true
	case errors.As(err, &id):
		return id.Error() + ": run 'outages check --repair'", true
	case errors.Is(err, corpus.ErrDamaged), errors.Is(err, index.ErrDamaged):
		return err.Error() + ": run 'outages check --repair'", true
	}
	return "", false
}
