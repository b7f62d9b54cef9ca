package main

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"outages/corpus"
)

// completionScript writes the script for shell to a temporary file.
func completionScript(t *testing.T, shell string) string {
	t.Helper()
	code, out, errOut := outages(t, "completion", shell)
	if code != exitOK || out == "" {
		t.Fatalf("completion %s = %d: %s", shell, code, errOut)
	}
	path := filepath.Join(t.TempDir(), "outages."+shell)
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCompletionUsage(t *testing.T) {
	for _, args := range [][]string{{"completion"}, {"completion", "tcsh"}, {"completion", "bash", "zsh"}} {
		if code, _, _ := outages(t, args...); code != exitUsage {
			t.Errorf("%q = %d, want %d", args, code, exitUsage)
		}
	}
}

// TestBashCompletion drives the generated function as bash does on <TAB>.
func TestBashCompletion(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	script := completionScript(t, "bash")
	if out, err := exec.Command("bash", "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("bash -n: %v\n%s", err, out)
	}
	complete := func(t *testing.T, words ...string) []string {
		t.Helper()
		driver := `source "$1"; shift
complete -p outages || exit 9
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
_outages
printf '%s\n' "${COMPREPLY[@]}"`
		out, err := exec.Command("bash", append([]string{"-c", driver, "bash", script}, words...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("%q: %v\n%s", words, err, out)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if !strings.Contains(lines[0], "-F _outages outages") {
			t.Fatalf("complete -p: %q", lines[0])
		}
		return lines[1:]
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.conf"), nil, 0o644)
	os.Mkdir(filepath.Join(dir, "datadir"), 0o755)
	tests := []struct {
		name  string
		words []string
		want  []string
		exact bool
	}{
		{"command", []string{"outages", "se"}, []string{"search"}, true},
		{"commands", []string{"outages", ""}, []string{"run", "search", "export", "stats", "completion", "help"}, false},
		{"cause values", []string{"outages", "search", "--cause", ""}, corpus.Causes(), true},
		{"cause prefix", []string{"outages", "search", "--cause", "cy"}, []string{"cyberattack"}, true},
		{"cause after =", []string{"outages", "stats", "--cause", "=", "ca"}, []string{"cable_cut"}, true},
		{"lang", []string{"outages", "export", "--lang", ""}, []string{"fr", "ar", "en", "other"}, true},
		{"kind", []string{"outages", "search", "-kind", "t"}, []string{"telecom"}, true},
		{"format per command: search", []string{"outages", "search", "--format", ""}, []string{"table", "json", "jsonl"}, true},
		{"format per command: export", []string{"outages", "export", "--format", ""}, []string{"csv", "jsonl", "opensearch"}, true},
		{"format per command: stats", []string{"outages", "stats", "--format", ""}, []string{"table", "csv"}, true},
		{"flags", []string{"outages", "search", "--li"}, []string{"--limit"}, true},
		{"flags after a query", []string{"outages", "search", "panne", "--outages"}, []string{"--outages-only"}, true},
		{"short flag", []string{"outages", "export", "-"}, []string{"-o", "--excel", "--all"}, false},
		{"no values for a number", []string{"outages", "search", "--limit", ""}, nil, true},
		{"query words are free", []string{"outages", "search", "pan"}, nil, true},
		{"data is a directory", []string{"outages", "search", "--data", filepath.Join(dir, "d")}, []string{filepath.Join(dir, "datadir")}, true},
		{"config is a file", []string{"outages", "run", "--config", filepath.Join(dir, "n")}, []string{filepath.Join(dir, "notes.conf")}, true},
		{"shells", []string{"outages", "completion", ""}, []string{"bash", "zsh", "fish"}, true},
		{"help topics", []string{"outages", "help", "ex"}, []string{"export", "extract", "explain"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := complete(t, tt.words...)
			if len(got) == 1 && got[0] == "" {
				got = nil
			}
			if tt.exact {
				a, b := slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(tt.want))
				if !slices.Equal(a, b) {
					t.Errorf("%q: %q, want %q", tt.words, got, tt.want)
				}
				return
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q: %q lacks %q", tt.words, got, w)
				}
			}
		})
	}
}

// TestCompletionFollowsTheTable: a command or flag added to the table
// completes without an edit to the completion code.
func TestCompletionFollowsTheTable(t *testing.T) {
	extra := command{name: "frobnicate", summary: "a command added later", usage: "[flags] FILE...",
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			fs.String("mode", "fast", "how to frobnicate: fast, slow or careful")
			fs.String("out", "", "write to `FILE`")
			fs.Bool("dry-run", false, "change nothing")
			return nil
		}}
	specs := completionSpecs(append(commands(), extra))
	var b strings.Builder
	if err := writeBashCompletion(&b, specs); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"frobnicate)", "'fast slow careful'", "--out|-out)", "--dry-run"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("bash script lacks %q", want)
		}
	}
	for _, s := range specs {
		if s.name != "frobnicate" {
			continue
		}
		if s.args != argFiles {
			t.Errorf("FILE... arguments: kind %d, want files", s.args)
		}
	}
}

func TestUsageValues(t *testing.T) {
	tests := []struct {
		usage string
		want  []string
	}{
		{"output: table, json or jsonl", []string{"table", "json", "jsonl"}},
		{"csv or jsonl", []string{"csv", "jsonl"}},
		{"live progress on stderr: auto (when stderr is a terminal), always, never", []string{"auto", "always", "never"}},
		{"only articles in LANG: fr, ar, en or other (repeatable)", []string{"fr", "ar", "en", "other"}},
		{"count by month, cause, service, kind or lang", []string{"month", "cause", "service", "kind", "lang"}},
		{"show at most N hits", nil},
		{"keep N backups, oldest first", nil},
		{"only outages of SERVICE (name or alias, repeatable)", nil},
		{"only outages that started on or after DATE (YYYY-MM-DD)", nil},
	}
	for _, tt := range tests {
		if got := usageValues(tt.usage); !slices.Equal(got, tt.want) {
			t.Errorf("usageValues(%q) = %q, want %q", tt.usage, got, tt.want)
		}
	}
}

func TestZshFishCompletionSyntax(t *testing.T) {
	for _, sh := range []string{"zsh", "fish"} {
		t.Run(sh, func(t *testing.T) {
			script := completionScript(t, sh)
			if _, err := exec.LookPath(sh); err != nil {
				t.Skipf("%s is not installed (apt-get install %s): syntax not checked", sh, sh)
			}
			if out, err := exec.Command(sh, "-n", script).CombinedOutput(); err != nil {
				t.Fatalf("%s -n: %v\n%s", sh, err, out)
			}
		})
	}
}

// TestFishCompletion asks fish what it would complete.
func TestFishCompletion(t *testing.T) {
	if _, err := exec.LookPath("fish"); err != nil {
		t.Skip("fish is not installed (apt-get install fish)")
	}
	script := completionScript(t, "fish")
	for _, tt := range []struct{ line, want string }{
		{"outages se", "search\t"},
		{"outages search --cause cy", "cyberattack\t"},
		{"outages export --format ", "jsonl\t"},
		{"outages stats --b", "--by\t"},
	} {
		out, err := exec.Command("fish", "--no-config", "-c", `source $argv[1]; complete -C $argv[2]`, script, tt.line).CombinedOutput()
		if err != nil || !strings.Contains(string(out), tt.want) {
			t.Errorf("%q: %v\n%s\nwant %q", tt.line, err, out, tt.want)
		}
	}
}

// TestZshCompletionInstalls checks that compinit picks the script up from
// fpath as the README says.
func TestZshCompletionInstalls(t *testing.T) {
	if _, err := exec.LookPath("zsh"); err != nil {
		t.Skip("zsh is not installed (apt-get install zsh)")
	}
	script := completionScript(t, "zsh")
	dir := t.TempDir()
	if err := os.Rename(script, filepath.Join(dir, "_outages")); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("zsh", "-f", "-c", `fpath=($1 $fpath); autoload -U compinit && compinit -u -D; print -r -- $_comps[outages]`, "zsh", dir).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "_outages" {
		t.Errorf("compinit: %v %q, want _outages registered", err, out)
	}
}
