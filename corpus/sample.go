package corpus

import (
	"embed"
	"io/fs"
)

//go:embed sample/*.html sample-gold.jsonl
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

// SampleGold returns the hand-made gold records of the sample corpus, one
// JSON object a line in the record schema of the evaluation (ids are the
// page file names without ".html"; texts are empty: the pages are the input).
// They live beside the sample folder, not in it, so that crawling the folder
// (`outages run --source corpus/sample`) reads only its pages.
func SampleGold() []byte {
	b, err := sampleFS.ReadFile("sample-gold.jsonl")
	if err != nil {
		panic(err) // embedded at build time
	}
	return b
}
