package export_test

import (
	"fmt"
	"os"

	"outages/cmd/outages/internal/export"
	"outages/corpus"
)

func ExampleWriter() {
	w, err := export.NewWriter(os.Stdout, export.Options{Format: export.JSONL})
	if err != nil {
		fmt.Println(err)
		return
	}
	mins := 40
	_ = w.Write(&corpus.Article{
		ID: "a1", URL: "https://news.example.test/a1", Title: "Messaging app down", Lang: "en", IsOutage: true,
		Outages: []corpus.Outage{{Service: "Chatter", Kind: corpus.KindOnlineService, DurationMin: &mins, DurationKind: corpus.DurationApprox}},
	})
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"id":"a1","url":"https://news.example.test/a1","source":"","title":"Messaging app down","body":"","published":"","modified":"","fetch":{"url":"","fetched_at":"0001-01-01T00:00:00Z"},"lang":"en","is_outage":true,"outages":[{"service":"Chatter","aliases":[],"kind":"online_service","start":null,"start_time":null,"end":null,"duration_min":40,"duration_kind":"approx","cause":"unknown","cause_alt":[],"cause_denied":[],"evidence":{"start":[],"duration":[],"cause":[]}}]}
}

func ExampleCell() {
	fmt.Printf("%q\n", export.Cell("=HYPERLINK(\"http://evil.example\")"))
	fmt.Printf("%q\n", export.Cell("Panne d'électricité"))
	// Output:
	// "'=HYPERLINK(\"http://evil.example\")"
	// "Panne d'électricité"
}
