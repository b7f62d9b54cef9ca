package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"outages/classify"
	"outages/classify/model"
)

// extraFiles are the extra training files by what they train:
//   - detectOnly: outage detection only. They were written to teach what
//     is and is not an incident report (mostly hard negatives), and their
//     one author's slot labels are not trusted to weigh the slots'
//     candidates against the real news.
//   - all: every slot.
//   - cause: the choice of the cause only. Written for the causes, they
//     are reports only: with no hard negatives beside them they would
//     teach detection that everything is a report, and their service, day
//     and length labels were not the point of their writing.
//   - when: the choices of the start and of the duration only. Written
//     blind as diagnostic sets, their days and lengths are labelled like
//     the real news; their services and causes were read to write rules,
//     and trained on they lowered the held-out service and cause.
type extraFiles struct {
	detectOnly, all, cause, when []string
}

// trainsSlots are the kinds of extra file, by the name a manifest gives
// them, and the slots each trains (nil: every slot).
var trainsSlots = map[string][]string{
	"detect": {model.SlotDetect},
	"all":    nil,
	"cause":  {model.SlotCause},
	"when":   {model.SlotStart, model.SlotDuration},
}

// list returns the files of one kind.
func (f *extraFiles) list(kind string) *[]string {
	switch kind {
	case "detect":
		return &f.detectOnly
	case "cause":
		return &f.cause
	case "when":
		return &f.when
	}
	return &f.all
}

// paths are all the files, by kind.
func (f extraFiles) paths() []string {
	return slices.Concat(f.detectOnly, f.all, f.cause, f.when)
}

// extraFlags are the flags that name extra training files, for train and
// for eval's cross-validation alike.
type extraFlags struct {
	files    extraFiles
	manifest string
}

// bind binds the flags; what says what the files do ("train" or "train,
// in every cross-validation fold,").
func (x *extraFlags) bind(fs *flag.FlagSet, what string) {
	list := func(f *[]string) *stringList { return (*stringList)(f) }
	fs.Var(list(&x.files.detectOnly), "extra", "more labelled records, JSON Lines `FILE`, that "+what+" outage detection only and are never scored in cross-validation (repeatable)")
	fs.Var(list(&x.files.all), "extra-all", "more labelled records, JSON Lines `FILE`, that "+what+" every slot (detection, service, start, duration, cause) and are never scored in cross-validation (repeatable)")
	fs.Var(list(&x.files.cause), "extra-cause", "more labelled records, JSON Lines `FILE`, that "+what+" the choice of the cause only and are never scored in cross-validation: for files of reports written for the causes (repeatable)")
	fs.Var(list(&x.files.when), "extra-when", "more labelled records, JSON Lines `FILE`, that "+what+" the choices of the start and the duration only and are never scored in cross-validation (repeatable)")
	fs.StringVar(&x.manifest, "extras", "", "`FILE` listing extra training files and what each trains, one a line: path (relative to FILE) and detect, all, cause or when, tab-separated (e.g. classify/data/extras.tsv)")
}

// resolve returns the files the flags name, the manifest's after the
// flags'.
func (x *extraFlags) resolve() (extraFiles, error) {
	f := x.files
	if x.manifest == "" {
		return f, nil
	}
	r, err := os.Open(x.manifest)
	if err != nil {
		return f, usagef("--extras: %v", err)
	}
	defer r.Close()
	m, err := parseExtras(r, x.manifest, filepath.Dir(x.manifest))
	if err != nil {
		return f, err
	}
	for kind := range trainsSlots {
		*f.list(kind) = slices.Concat(*f.list(kind), *m.list(kind))
	}
	return f, nil
}

// command returns the flags as a command line's arguments.
func (x *extraFlags) command() string {
	var b strings.Builder
	for _, kf := range []struct{ flag, kind string }{{"extra", "detect"}, {"extra-all", "all"}, {"extra-cause", "cause"}, {"extra-when", "when"}} {
		for _, p := range *x.files.list(kf.kind) {
			fmt.Fprintf(&b, " --%s %s", kf.flag, p)
		}
	}
	if x.manifest != "" {
		fmt.Fprintf(&b, " --extras %s", x.manifest)
	}
	return b.String()
}

// parseExtras reads a manifest of extra training files named name: one
// file a line, its path relative to dir and the kind of training it
// gives (trainsSlots), tab-separated; '#' starts a comment line.
func parseExtras(r io.Reader, name, dir string) (extraFiles, error) {
	var f extraFiles
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 2 || strings.TrimSpace(cols[0]) == "" {
			return f, usagef("%s:%d: want 2 tab-separated columns (file, what it trains), got %q", name, n, line)
		}
		kind := strings.TrimSpace(cols[1])
		if _, ok := trainsSlots[kind]; !ok {
			return f, usagef("%s:%d: unknown kind %q (want detect, all, cause or when)", name, n, kind)
		}
		p := strings.TrimSpace(cols[0])
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		*f.list(kind) = append(*f.list(kind), p)
	}
	if err := sc.Err(); err != nil {
		return f, fmt.Errorf("read %s: %w", name, err)
	}
	return f, nil
}

// extraExamples reads the extra training texts of each kind of file and
// returns their examples and how many texts they hold.
func extraExamples(cls *classify.Classifier, f extraFiles) ([]map[string][]model.Group, int, error) {
	var ex []map[string][]model.Group
	n := 0
	for _, kind := range []string{"detect", "all", "cause", "when"} {
		recs, err := readGolds(*f.list(kind))
		if err != nil {
			return nil, 0, err
		}
		ex = append(ex, onlySlots(examplesOf(cls, recs), trainsSlots[kind])...)
		n += len(recs)
	}
	return ex, n, nil
}

// onlySlots keeps the examples of some slots of extra texts (extraFiles
// says why a kind of file trains some slots only); nil keeps all.
func onlySlots(ex []map[string][]model.Group, slots []string) []map[string][]model.Group {
	if slots == nil {
		return ex
	}
	out := make([]map[string][]model.Group, 0, len(ex))
	for _, m := range ex {
		keep := map[string][]model.Group{}
		for _, s := range slots {
			if g, ok := m[s]; ok {
				keep[s] = g
			}
		}
		if len(keep) > 0 {
			out = append(out, keep)
		}
	}
	return out
}
