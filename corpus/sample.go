package corpus

import (
	"embed"
	"io/fs"
)

//go:embed sample/*.html
var sampleFS embed.FS

// Sample returns the bundled sample corpus: HTML news pages written for the
// project in French, Arabic and English, outage reports and other news.
func Sample() fs.FS {
	sub, err := fs.Sub(sampleFS, "sample")
	if err != nil {
		panic(err) // the embedded tree always has the directory
	}
	return sub
}
