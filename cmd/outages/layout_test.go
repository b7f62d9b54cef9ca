package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// moduleRoot is the repository root, two levels above this package.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod at %s", root)
	}
	return root
}

// goPackages maps each package directory (slash path relative to the root)
// to its parsed files.
func goPackages(t *testing.T, root string) map[string][]string {
	t.Helper()
	pkgs := map[string][]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || strings.HasSuffix(d.Name(), "-data")) && p != root {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") {
			rel, _ := filepath.Rel(root, filepath.Dir(p))
			pkgs[filepath.ToSlash(rel)] = append(pkgs[filepath.ToSlash(rel)], p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// TestLayout enforces the package structure: corpus is the centre and
// imports nothing of ours; crawl, classify and index import corpus and never
// each other; only cmd wires them; only index imports Bleve; every package
// has a doc.go with a package comment, and there is no init of our own.
func TestLayout(t *testing.T) {
	root := moduleRoot(t)
	stages := []string{"corpus", "crawl", "classify", "index", "events"}
	top := func(dir string) string { return strings.SplitN(dir, "/", 2)[0] }
	for dir, files := range goPackages(t, root) {
		t.Run(dir, func(t *testing.T) {
			switch base := filepath.Base(dir); base {
			case "util", "utils", "common", "helpers", "misc":
				t.Errorf("package %s: no %s packages", dir, base)
			}
			hasDoc := false
			fset := token.NewFileSet()
			for _, path := range files {
				f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly|parser.ParseComments)
				if err != nil {
					t.Fatal(err)
				}
				if filepath.Base(path) == "doc.go" && f.Doc != nil {
					hasDoc = true
				}
				for _, imp := range f.Imports {
					ip, _ := strconv.Unquote(imp.Path.Value)
					if strings.HasPrefix(ip, "github.com/blevesearch/") && top(dir) != "index" {
						t.Errorf("%s imports %s: only index may import Bleve", path, ip)
					}
					if !strings.HasPrefix(ip, "outages/") {
						continue
					}
					dep := strings.TrimPrefix(ip, "outages/")
					from := top(dir)
					switch {
					case from == "corpus":
						t.Errorf("%s imports %s: corpus imports nothing of ours", path, ip)
					case from == "cmd":
						// cmd wires everything
					case top(dep) == from || dep == "corpus":
						// its own subpackages, and the centre
					default:
						t.Errorf("%s (package %s) imports %s: %v import only corpus and their own subpackages", path, from, ip, stages[1:])
					}
				}
			}
			if !hasDoc {
				t.Errorf("package %s has no doc.go with a package comment", dir)
			}
			for _, path := range files {
				if strings.HasSuffix(path, "_test.go") {
					continue
				}
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if strings.Contains(string(src), "\nfunc init() {") {
					t.Errorf("%s declares func init(): no init of our own", path)
				}
			}
		})
	}
}
