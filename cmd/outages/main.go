package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"
)

// version is the release of the outages command.
const version = "0.1.0"

// Exit statuses.
const (
	exitOK          = 0
	exitFailed      = 1
	exitUsage       = 2
	exitPartial     = 3 // finished, but some pages failed
	exitInterrupted = 130
)

func main() {
	tuneGC(os.Getenv("GOGC"))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// gcPercent is the garbage collector's target when GOGC is not set: the
// heap may grow to three times the live data between collections instead
// of twice. A crawl allocates a page's parse tree and drops it a moment
// later, so the collector's marking was ~15% of the CPU time of `outages
// run` at Go's default of 100; at 200 it is about half of that, for
// ~60-120 MiB more peak memory on 1,000 pages (BENCHMARKS.md).
const gcPercent = 200

// tuneGC sets the collector's target to gcPercent unless the user chose
// one with GOGC (goenv is its value).
func tuneGC(goenv string) {
	if goenv == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// regroupGCPercent is the collector's target while events are regrouped,
// when the one in force is higher: the regrouping holds every outage
// article's grouping data at once, and allocates little that dies young,
// so at gcPercent the heap grew to three times that (at a million
// articles, gigabytes) for little CPU saved.
const regroupGCPercent = 50

// lowerGC sets the collector's target to percent when the one in force is
// higher (or off), and returns what restores it.
func lowerGC(percent int) (restore func()) {
	prev := debug.SetGCPercent(percent)
	if prev >= 0 && prev <= percent {
		debug.SetGCPercent(prev)
	}
	return func() { debug.SetGCPercent(prev) }
}

// app is what every subcommand is given: its streams.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one subcommand: a name, its help, and a constructor that binds
// the subcommand's options to a flag set and returns the action to run.
type command struct {
	name     string
	summary  string
	usage    string // arguments, e.g. "[flags] QUERY"
	examples string
	setup    func(fs *flag.FlagSet) func(ctx context.Context, a *app, args []string) error
}

func commands() []command {
	return []command{
		runCommand(), searchCommand(), eventsCommand(), exportCommand(), statsCommand(), reindexCommand(),
		checkCommand(), backupCommand(), restoreCommand(), configCommand(), reportCommand(),
		extractCommand(), explainCommand(), tagCommand(), evalCommand(), trainCommand(), completionCommand(),
	}
}

// run is the whole program; tests call it too.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	a := &app{stdin: os.Stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		writeMainHelp(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 {
			return run(ctx, []string{args[1], "--help"}, stdout, stderr)
		}
		writeMainHelp(stdout)
		return exitOK
	case "-version", "--version", "version":
		fmt.Fprintf(stdout, "outages %s%s\n", version, buildInfo())
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		fs := flag.NewFlagSet("outages "+c.name, flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		action := c.setup(fs)
		rest, err := parseInterspersed(fs, args[1:])
		if errors.Is(err, flag.ErrHelp) {
			writeCommandHelp(stdout, c, fs)
			return exitOK
		}
		if err != nil {
			fmt.Fprintf(stderr, "outages %s: %v%s\nRun 'outages %s --help' for usage.\n", c.name, err, excludeHint(c, err), c.name)
			return exitUsage
		}
		return exitCode(ctx, stderr, c.name, action(ctx, a, rest))
	}
	fmt.Fprintf(stderr, "outages: unknown command %q\nRun 'outages --help' for the list of commands.\n", args[0])
	return exitUsage
}

// parseInterspersed parses flags that may come before, between or after the
// positional arguments ("outages search panne --lang fr"). Everything after
// "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	head, tail := args, []string(nil)
	for i, a := range args {
		if a == "--" {
			head, tail = args[:i], args[i+1:]
			break
		}
	}
	var pos []string
	for {
		if err := fs.Parse(head); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return append(pos, tail...), nil
		}
		pos, head = append(pos, rest[0]), rest[1:]
	}
}

// excludeHint explains, for a command taking a QUERY, that an unknown
// "-word" was read as a flag: "outages search panne -orange".
func excludeHint(c command, err error) string {
	if !strings.Contains(c.usage, "QUERY") || !strings.Contains(err.Error(), "flag provided but not defined: -") {
		return ""
	}
	return "\n(to exclude a word from the query, quote the query: 'panne -orange', or write: panne AND NOT orange)"
}

// usageError is a problem with the command line or the configuration: exit 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// partialError says the command finished but some items failed: exit 3.
type partialError struct{ msg string }

func (e *partialError) Error() string { return e.msg }

func exitCode(ctx context.Context, stderr io.Writer, name string, err error) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	var pe *partialError
	switch {
	case errors.As(err, &pe):
		fmt.Fprintf(stderr, "outages %s: %v\n", name, err)
		return exitPartial
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		fmt.Fprintf(stderr, "outages %s: interrupted\n", name)
		return exitInterrupted
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "outages %s: %v\nRun 'outages %s --help' for usage.\n", name, err, name)
		return exitUsage
	default:
		if msg, ok := diskMessage(err); ok {
			fmt.Fprintf(stderr, "outages: %s\n", msg)
			return exitFailed
		}
		if msg, ok := damageMessage(err); ok {
			fmt.Fprintf(stderr, "outages %s: %s\n", name, msg)
			return exitFailed
		}
		fmt.Fprintf(stderr, "outages %s: %v\n", name, err)
		return exitFailed
	}
}

func writeMainHelp(w io.Writer) {
	fmt.Fprintf(w, `outages %s: a searchable record of service outages from French, Arabic and English news.

Usage: outages COMMAND [flags] [arguments]

Commands:
`, version)
	width := 9
	for _, c := range commands() {
		width = max(width, len(c.name))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-*s %s\n", width, c.name, c.summary)
	}
	fmt.Fprint(w, `
Every command takes --data DIR (default $OUTAGES_DATA or ./outages-data) and --help.

Examples:
  outages run                              # crawl the bundled sample corpus into ./outages-data
  outages run --config /etc/outages/outages.toml   # the nightly job
  outages search panne --lang fr
  outages export --format csv --excel -o outages.csv
`)
}

func writeCommandHelp(w io.Writer, c command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "outages %s: %s\n\nUsage: outages %s %s\n\nFlags:\n", c.name, c.summary, c.name, c.usage)
	var lines []string
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		arg := "--" + f.Name
		if name != "" {
			arg += " " + name
		}
		line := fmt.Sprintf("  %-26s %s", arg, usage)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "[]" {
			line += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		lines = append(lines, line)
	})
	sort.Strings(lines)
	fmt.Fprintln(w, strings.Join(lines, "\n"))
	if c.examples != "" {
		fmt.Fprintf(w, "\nExamples:\n%s\n", strings.TrimRight(c.examples, "\n"))
	}
}

func buildInfo() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" {
		return " (" + bi.GoVersion + ")"
	}
	return " (" + rev + modified + ", " + bi.GoVersion + ")"
}

// stringList is a repeatable string flag; commas also separate values.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}
