package main

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestContact: a first web crawl needs no config file: --contact or
// OUTAGES_CONTACT puts a contact in the User-Agent, and without one the
// error shows both ways.
func TestContact(t *testing.T) {
	var mu sync.Mutex
	var agents []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.UserAgent())
		mu.Unlock()
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<html lang="en"><head><title>Mail outage</title></head><body><article><h1>Mail outage</h1><p>The mail service was down for two hours on Monday after a power cut.</p></article></body></html>`))
	}))
	defer srv.Close()
	page := srv.URL + "/news/mail-outage.html"
	tests := []struct {
		name    string
		args    []string
		env     string
		code    int
		wantUA  string
		wantErr []string
	}{
		{"flag with e-mail", []string{"--contact", "ops@example.org"}, "", exitOK, "(ops@example.org)", nil},
		{"environment with URL", nil, "https://example.org/bot", exitOK, "(+https://example.org/bot)", nil},
		{"missing", nil, "", exitUsage, "", []string{"--contact", "OUTAGES_CONTACT"}},
		{"not a contact", []string{"--contact", "call me"}, "", exitUsage, "", []string{"want a URL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("OUTAGES_CONTACT", tt.env)
			mu.Lock()
			agents = nil
			mu.Unlock()
			args := append([]string{"run", "--data", filepath.Join(t.TempDir(), "d"), "--progress", "never", "--source", page}, tt.args...)
			code, out, errOut := outages(t, args...)
			if code != tt.code {
				t.Fatalf("run = %d, want %d\n%s%s", code, tt.code, out, errOut)
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(errOut, w) {
					t.Errorf("error %q does not mention %s", errOut, w)
				}
			}
			if tt.wantUA == "" {
				return
			}
			mu.Lock()
			defer mu.Unlock()
			if len(agents) == 0 {
				t.Fatal("the site saw no request")
			}
			for _, ua := range agents {
				if !strings.Contains(ua, tt.wantUA) {
					t.Errorf("User-Agent %q does not contain %q", ua, tt.wantUA)
				}
			}
		})
	}
}
