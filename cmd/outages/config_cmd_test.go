package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConfigCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "outages.toml")
	if code, out, errOut := outages(t, "config", "init", file); code != exitOK {
		t.Fatalf("config init = %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := outages(t, "config", "init", file); code != exitFailed || !strings.Contains(errOut, "already exists") {
		t.Errorf("config init over a file = %d, %q", code, errOut)
	}
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("dealy = \"1s\"\nconcurrency = \"x\"\n[[source]]\nname = \"a\"\nurl = \"/x\"\nmax_pagez = 3\n"), 0o644)
	old := filepath.Join(dir, "old.conf")
	os.WriteFile(old, []byte("user_agent = bot (+https://example.org)\n[source a]\nurl = /x\n"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"the example is valid", []string{"config", "check", file}, exitOK, []string{"ok (3 sources"}},
		{"every problem with its line", []string{"config", "check", bad}, exitUsage, []string{
			"bad.toml:1: unknown key \"dealy\" (did you mean \"delay\"?)",
			"bad.toml:2: concurrency: want an integer",
			"bad.toml:6: source \"a\": unknown key \"max_pagez\" (did you mean \"max_pages\"?)"}},
		{"the old format is recognised", []string{"config", "check", old}, exitUsage, []string{"old.conf:1:", "format used before TOML"}},
		{"missing file", []string{"config", "check", filepath.Join(dir, "nope.toml")}, exitUsage, []string{"nope.toml"}},
		{"unknown subcommand", []string{"config", "show"}, exitUsage, []string{"want init or check"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := outages(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, out, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out+errOut, w) {
					t.Errorf("output does not contain %q:\n%s%s", w, out, errOut)
				}
			}
		})
	}
	if code, out, _ := outages(t, "config", "init"); code != exitOK || !strings.Contains(out, "[[source]]") {
		t.Errorf("config init to stdout = %d", code)
	}
}
