package digest

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"outages/events"
)

func TestWrite(t *testing.T) {
	d := 90
	now := time.Date(2024, 3, 20, 6, 0, 0, 0, time.UTC)
	evs := []events.Event{
		{ID: "ev-000000000001", Service: "Orange", Kind: "telecom", Countries: []string{"FR"}, Start: "2024-03-14",
			DurationMin: &d, DurationKind: "approx", Cause: "software_change", CauseAlt: []string{"network"}, NArticles: 2,
			Languages: []string{"ar", "fr"}, FirstSeen: "2024-03-19T02:30:00Z", Updated: "2024-03-20T02:30:00Z",
			Articles: []events.ArticleRef{
				{ID: "a1", URL: "https://a.example.test/1", Lang: "fr", Title: "Panne <Orange>"},
				{ID: "a2", URL: "https://b.example.test/2", Lang: "ar", Title: "انقطاع شبكة أورانج"},
			}},
		{ID: "ev-000000000002", Service: "Bavard", Kind: "online_service", Start: "2024-03-01", Cause: "unknown", NArticles: 1,
			FirstSeen: "2024-03-20T02:30:00Z", Updated: "2024-03-20T02:30:00Z",
			Articles: []events.ArticleRef{{ID: "a3", URL: "https://c.example.test/3", Lang: "en", Title: "Bavard down"}}},
		{ID: "ev-000000000003", Service: "Old", Kind: "power", Start: "2024-02-01", Cause: "weather_disaster", NArticles: 1,
			FirstSeen: "2024-02-02T02:30:00Z", Updated: "2024-02-02T02:30:00Z",
			Articles: []events.ArticleRef{{ID: "a4", URL: "https://d.example.test/4", Lang: "en", Title: "Storm"}}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, evs, Options{Since: time.Date(2024, 3, 20, 0, 0, 0, 0, time.UTC), Now: now}); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, want := range []string{
		`data-event="ev-000000000001"`, `data-event="ev-000000000003"`,
		`<span class="status updated">updated</span>`, `<span class="status new">new</span>`,
		`lang="ar" dir="rtl"`, `dir="auto">انقطاع شبكة أورانج</a>`,
		`Panne &lt;Orange&gt;`, `1 h 30`, `<svg`, `Events by day`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("digest lacks %q", want)
		}
	}
	if regexp.MustCompile(`(?i)<link|src=|@import|url\(`).MatchString(html) {
		t.Errorf("digest refers to an outside resource")
	}
	if n := strings.Count(html, `class="status new"`); n != 2 { // in the changes and in the list
		t.Errorf("%d new badges, want 2 (ev-…2, listed twice)", n)
	}
}

func TestTimelineByDay(t *testing.T) {
	tl := buildTimeline([]events.Event{{Start: "2024-03-01", Cause: "power"}, {Start: "2024-03-03", Cause: "power"}, {FirstReport: "2024-03-03", Cause: "unknown"}})
	if tl.Unit != "day" || tl.Max != 2 || len(tl.Bars) != 3 {
		t.Errorf("timeline: unit %s, max %d, %d bars", tl.Unit, tl.Max, len(tl.Bars))
	}
}
