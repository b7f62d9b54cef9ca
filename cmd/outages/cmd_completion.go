package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"outages/corpus"
)

// Shell completion is generated from the commands() table and each
// command's flag set, so that a command or a flag added there completes
// without an edit here: the flags come from FlagSet.VisitAll, the values
// of a flag from its usage text ("output: table, json or jsonl", the
// list after the last colon or at the end) or from the knownValues table,
// files and directories from the flag's placeholder (FILE, DIR, PATH),
// and a command's arguments from its usage line (FILE..., bash|zsh|fish).

func completionCommand() command {
	return command{
		name:    "completion",
		summary: "print the shell completion script for bash, zsh or fish",
		usage:   "bash|zsh|fish",
		examples: `  outages completion bash > ~/.local/share/bash-completion/completions/outages
  outages completion zsh > "${fpath[1]}/_outages"     # then: autoload -U compinit && compinit
  outages completion fish > ~/.config/fish/completions/outages.fish
  source <(outages completion bash)                     # this shell only`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			return runCompletion
		},
	}
}

func runCompletion(_ context.Context, a *app, args []string) error {
	if len(args) != 1 {
		return usagef("want one shell: bash, zsh or fish")
	}
	specs := completionSpecs(commands())
	switch args[0] {
	case "bash":
		return writeBashCompletion(a.stdout, specs)
	case "zsh":
		return writeZshCompletion(a.stdout, specs)
	case "fish":
		return writeFishCompletion(a.stdout, specs)
	}
	return usagef("%q is not bash, zsh or fish", args[0])
}

// argKind is what a flag's value or a command's arguments complete to.
type argKind int

const (
	argNone   argKind = iota // free text (a query, a number): nothing to offer
	argFiles                 // file names
	argDirs                  // directory names
	argValues                // one of values
)

type flagSpec struct {
	name, usage string
	isBool      bool
	kind        argKind
	values      []string
}

// dash is how the flag is written: -o, --data.
func (f flagSpec) dash() string {
	if len(f.name) == 1 {
		return "-" + f.name
	}
	return "--" + f.name
}

type cmdSpec struct {
	name, summary string
	flags         []flagSpec
	args          argKind
	argValues     []string
}

// knownValues are flag values taken from the data rather than the usage text.
var knownValues = map[string]func() []string{
	"cause": corpus.Causes,
}

// completionSpecs describes the commands for the completion scripts.
func completionSpecs(cmds []command) []cmdSpec {
	var out []cmdSpec
	for _, c := range cmds {
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		c.setup(fs)
		s := cmdSpec{name: c.name, summary: c.summary}
		s.args, s.argValues = usageArgs(c.usage)
		fs.VisitAll(func(f *flag.Flag) {
			s.flags = append(s.flags, describeFlag(f))
		})
		out = append(out, s)
	}
	return out
}

func describeFlag(f *flag.Flag) flagSpec {
	placeholder, usage := flag.UnquoteUsage(f)
	fl := flagSpec{name: f.Name, usage: usage}
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		fl.isBool = true
		return fl
	}
	fl.kind = placeholderKind(placeholder)
	if fl.kind != argNone {
		return fl
	}
	if known, ok := knownValues[f.Name]; ok {
		fl.kind, fl.values = argValues, known()
	} else if vs := usageValues(usage); len(vs) > 0 {
		fl.kind, fl.values = argValues, vs
	}
	return fl
}

// placeholderKind reads FILE, DIR and PATH in a flag's or a command's
// argument name.
func placeholderKind(name string) argKind {
	switch {
	case strings.Contains(name, "DIR"):
		return argDirs
	case strings.Contains(name, "FILE"), strings.Contains(name, "PATH"):
		return argFiles
	}
	return argNone
}

var (
	parenthetical = regexp.MustCompile(`\s*\([^()]*\)`)
	// a list "a, b or c", "a or b", "a, b, c" ending the text
	valueList = regexp.MustCompile(`(?:^|[\s:])([a-z][a-z0-9_]*(?:(?:, | or |, or )[a-z][a-z0-9_]*)+)\s*$`)
)

// usageValues finds the list of values a usage text ends with
// ("output: table, json or jsonl" → table json jsonl), ignoring
// parentheticals such as "(repeatable)" and "(when stderr is a terminal)".
func usageValues(usage string) []string {
	text := parenthetical.ReplaceAllString(usage, "")
	m := valueList.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	var vs []string
	for _, part := range strings.Split(strings.ReplaceAll(m[1], " or ", ", "), ",") {
		if p := strings.TrimSpace(part); p != "" {
			vs = append(vs, p)
		}
	}
	return vs
}

// usageArgs reads what a command's arguments complete to in its usage
// line: "bash|zsh|fish" (values), FILE or PATH (files), DIR, else nothing.
func usageArgs(usage string) (argKind, []string) {
	for _, w := range strings.Fields(usage) {
		w = strings.Trim(w, "[]. ")
		if w == "flags" || w == "" {
			continue
		}
		if strings.Contains(w, "|") && strings.ToLower(w) == w {
			return argValues, strings.Split(w, "|")
		}
		if k := placeholderKind(w); k != argNone {
			return k, nil
		}
	}
	return argNone, nil
}

// topLevel are the words accepted before a command.
var topLevel = []string{"help", "version", "--help", "--version"}

func commandNames(specs []cmdSpec) []string {
	var names []string
	for _, s := range specs {
		names = append(names, s.name)
	}
	return names
}

func writeBashCompletion(w io.Writer, specs []cmdSpec) error {
	var b strings.Builder
	b.WriteString(`# bash completion for outages; generated by 'outages completion bash'.
# Install: outages completion bash > ~/.local/share/bash-completion/completions/outages
_outages() {
    local cur prev cmd
    COMPREPLY=()
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev=""
    if (( COMP_CWORD > 0 )); then prev="${COMP_WORDS[COMP_CWORD-1]}"; fi
    # --flag=value: bash splits it at "=" (COMP_WORDBREAKS)
    if [[ "$cur" == "=" ]]; then cur=""; fi
    if [[ "$prev" == "=" ]] && (( COMP_CWORD > 1 )); then prev="${COMP_WORDS[COMP_CWORD-2]}"; fi
    if (( COMP_CWORD == 1 )); then
`)
	fmt.Fprintf(&b, "        COMPREPLY=( $(compgen -W %s -- \"$cur\") )\n        return 0\n    fi\n", shQuote(strings.Join(append(commandNames(specs), topLevel...), " ")))
	b.WriteString(`    cmd="${COMP_WORDS[1]}"
    case "$cmd" in
`)
	fmt.Fprintf(&b, "    help)\n        COMPREPLY=( $(compgen -W %s -- \"$cur\") )\n        return 0 ;;\n", shQuote(strings.Join(commandNames(specs), " ")))
	for _, s := range specs {
		fmt.Fprintf(&b, "    %s)\n", s.name)
		var flags []string
		var cases strings.Builder
		for _, f := range s.flags {
			flags = append(flags, f.dash())
			if f.isBool {
				continue
			}
			pattern := "--" + f.name + "|-" + f.name
			fmt.Fprintf(&cases, "        %s)\n            %s\n            return 0 ;;\n", pattern, bashReply(f.kind, f.values))
		}
		if cases.Len() > 0 {
			fmt.Fprintf(&b, "        case \"$prev\" in\n%s        esac\n", cases.String())
		}
		fmt.Fprintf(&b, "        if [[ \"$cur\" == -* ]]; then\n            COMPREPLY=( $(compgen -W %s -- \"$cur\") )\n            return 0\n        fi\n", shQuote(strings.Join(append(flags, "--help"), " ")))
		fmt.Fprintf(&b, "        %s\n        return 0 ;;\n", bashReply(s.args, s.argValues))
	}
	b.WriteString(`    esac
    return 0
}
complete -F _outages outages
`)
	_, err := io.WriteString(w, b.String())
	return err
}

func bashReply(k argKind, values []string) string {
	switch k {
	case argFiles:
		return `compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -f -- "$cur") )`
	case argDirs:
		return `compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -d -- "$cur") )`
	case argValues:
		return fmt.Sprintf(`COMPREPLY=( $(compgen -W %s -- "$cur") )`, shQuote(strings.Join(values, " ")))
	}
	return "COMPREPLY=()"
}

// shQuote quotes s for sh, zsh and bash in single quotes.
func shQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func writeZshCompletion(w io.Writer, specs []cmdSpec) error {
	var b strings.Builder
	b.WriteString(`#compdef outages
# zsh completion for outages; generated by 'outages completion zsh'.
# Install: outages completion zsh > "${fpath[1]}/_outages", then restart zsh.
_outages() {
    local -a commands
    commands=(
`)
	for _, s := range specs {
		fmt.Fprintf(&b, "        %s\n", shQuote(s.name+":"+s.summary))
	}
	b.WriteString(`        'help:show the help of a command'
        'version:print the version'
    )
    if (( CURRENT == 2 )); then
        _describe -t commands 'outages command' commands
        return
    fi
    local cmd="${words[2]}"
    shift words
    (( CURRENT-- ))
    case "$cmd" in
    help)
        _describe -t commands 'outages command' commands ;;
`)
	for _, s := range specs {
		fmt.Fprintf(&b, "    %s)\n        _arguments -s", s.name)
		for _, f := range s.flags {
			desc := zshEscape(f.usage)
			if f.isBool {
				fmt.Fprintf(&b, " \\\n            %s", shQuote(f.dash()+"["+desc+"]"))
				continue
			}
			fmt.Fprintf(&b, " \\\n            %s", shQuote("*"+f.dash()+"=["+desc+"]:"+zshEscape(f.name)+":"+zshAction(f.kind, f.values)))
		}
		fmt.Fprintf(&b, " \\\n            %s ;;\n", shQuote("*:argument:"+zshAction(s.args, s.argValues)))
	}
	b.WriteString(`    esac
}
_outages "$@"
`)
	_, err := io.WriteString(w, b.String())
	return err
}

// zshEscape escapes the characters _arguments gives a meaning to in a
// description.
func zshEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`, `:`, `\:`).Replace(s)
}

func zshAction(k argKind, values []string) string {
	switch k {
	case argFiles:
		return "_files"
	case argDirs:
		return "_files -/"
	case argValues:
		return "(" + strings.Join(values, " ") + ")"
	}
	return " "
}

func writeFishCompletion(w io.Writer, specs []cmdSpec) error {
	var b strings.Builder
	b.WriteString("# fish completion for outages; generated by 'outages completion fish'.\n")
	b.WriteString("# Install: outages completion fish > ~/.config/fish/completions/outages.fish\n")
	b.WriteString("complete -c outages -f\n")
	names := commandNames(specs)
	for _, s := range specs {
		fmt.Fprintf(&b, "complete -c outages -n __fish_use_subcommand -a %s -d %s\n", fishQuote(s.name), fishQuote(s.summary))
	}
	b.WriteString("complete -c outages -n __fish_use_subcommand -a help -d 'show the help of a command'\n")
	b.WriteString("complete -c outages -n __fish_use_subcommand -a version -d 'print the version'\n")
	fmt.Fprintf(&b, "complete -c outages -n '__fish_seen_subcommand_from help' -a %s\n", fishQuote(strings.Join(names, " ")))
	for _, s := range specs {
		cond := fishQuote("__fish_seen_subcommand_from " + s.name)
		for _, f := range s.flags {
			opt := "-l " + f.name
			if len(f.name) == 1 {
				opt = "-s " + f.name
			}
			fmt.Fprintf(&b, "complete -c outages -n %s %s%s -d %s\n", cond, opt, fishAction(f.kind, f.values, !f.isBool), fishQuote(f.usage))
		}
		if s.args != argNone {
			fmt.Fprintf(&b, "complete -c outages -n %s%s\n", cond, fishAction(s.args, s.argValues, false))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func fishAction(k argKind, values []string, takesValue bool) string {
	switch k {
	case argFiles:
		return " -r -F"
	case argDirs:
		return " -x -a '(__fish_complete_directories)'"
	case argValues:
		return " -x -a " + fishQuote(strings.Join(values, " "))
	}
	if takesValue {
		return " -x"
	}
	return ""
}

// fishQuote quotes s for fish in single quotes.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
