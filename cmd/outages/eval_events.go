package main

import (
	"io"

	"outages/cmd/outages/internal/eval/news"
	"outages/events"
)

// groupedReport is the news report plus, when the gold records carry event
// keys, the B-cubed score of the article → event grouping.
type groupedReport struct {
	*news.Report
	gold      []news.Record
	pred      map[string]string // record id → predicted event id
	grouping  news.Grouping
	baselines []baseline
	errs      bool
}

// baseline is a naive grouping shown for comparison.
type baseline struct {
	name string
	g    news.Grouping
}

// withGrouping groups the predicted outages of all records into events, as
// run does, and scores the grouping of the records whose gold event is not
// null (news.BCubed): an article's event is its main outage's.
func withGrouping(r *news.Report, gold []news.Record, pred map[string]news.Record, ex *extractor, errs bool) evalReport {
	if !news.HasEvents(gold) {
		return r
	}
	var arts []events.Article
	for _, g := range gold {
		p, ok := pred[g.ID]
		if !ok || !p.IsOutage {
			continue
		}
		arts = append(arts, events.Article{ID: g.ID, URL: g.URL, Lang: p.Lang, Published: p.Published, Outages: p.Outages, Source: g.ID, Terms: events.Terms("", g.Text)})
	}
	evs := events.Group(arts, events.Options{Parents: ex.cls.Parents()})
	assign := map[string]string{}
	for _, e := range evs {
		for _, a := range e.Articles {
			if a.Outage == 1 {
				assign[a.ID] = e.ID
			}
		}
	}
	byService, byServiceStart := map[string]string{}, map[string]string{}
	for _, a := range arts {
		o := a.Outages[0]
		if k := events.ServiceKey(o.Service); k != "" {
			byService[a.ID], byServiceStart[a.ID] = k, k+"|"+o.Start
		}
	}
	return &groupedReport{Report: r, gold: gold, pred: assign, grouping: news.BCubed(gold, assign), errs: errs,
		baselines: []baseline{{"  by service alone", news.BCubed(gold, byService)}, {"  by service + start", news.BCubed(gold, byServiceStart)}}}
}

func (g *groupedReport) WriteTable(w io.Writer) error {
	if err := g.Report.WriteTable(w); err != nil {
		return err
	}
	rows := []news.NamedGrouping{{Name: "b-cubed", Grouping: g.grouping}}
	for _, b := range g.baselines {
		rows = append(rows, news.NamedGrouping{Name: b.name, Grouping: b.g})
	}
	if err := news.WriteGrouping(w, rows); err != nil {
		return err
	}
	if g.errs {
		return news.WriteGroupingErrors(w, g.gold, g.pred)
	}
	return nil
}

func (g *groupedReport) Figures() map[string]float64 {
	f := g.Report.Figures()
	if g.grouping.N > 0 {
		f["news.event_bcubed_f1"] = g.grouping.F1()
		f["news.event_bcubed_precision"] = g.grouping.Precision
		f["news.event_bcubed_recall"] = g.grouping.Recall
	}
	return f
}
