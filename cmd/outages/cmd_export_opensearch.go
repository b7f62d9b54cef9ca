package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"outages/cmd/outages/internal/export"
	"outages/corpus"
	"outages/index"
)

// openSearch writes the OpenSearch form of the matching articles into the
// folder o.output: template.json (the index template of the schema) and
// bulk-NNNN.ndjson files of at most 10 MB for the _bulk API. On failure
// it removes what it wrote.
func (o *exportOptions) openSearch(ctx context.Context, a *app, q index.Query, r *index.Reader) error {
	tmpl, err := index.OpenSearchTemplate(o.indexName)
	if err != nil {
		return err
	}
	bw, err := export.NewBulkWriter(export.BulkOptions{Dir: o.output, Index: o.indexName})
	if err != nil {
		return err
	}
	tmplPath := filepath.Join(o.output, "template.json")
	err = r.Each(ctx, q, func(art *corpus.Article) error {
		src, err := index.OpenSearchSource(art)
		if err != nil {
			return err
		}
		return bw.Add(art.ID, src)
	})
	if err != nil {
		bw.Abort()
		return queryError(err)
	}
	files, err := bw.Close()
	if err == nil {
		err = writeFileAtomic(tmplPath, tmpl)
	}
	if err == nil {
		err = os.Chmod(tmplPath, 0o644)
	}
	if err != nil {
		bw.Abort()
		return fmt.Errorf("export %s: %w", o.output, err)
	}
	fmt.Fprintf(a.stderr, "wrote %s and %d bulk file(s) holding %d article(s) to %s\n",
		filepath.Base(tmplPath), len(files), bw.Docs(), o.output)
	return nil
}
