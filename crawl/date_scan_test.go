package crawl

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestScanDateHits(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		monthFirst bool
		want       []string
	}{
		{"iso", "Mise en ligne 2021-06-30 08:12", false, []string{"2021-06-30"}},
		{"iso slash", "2019/12/01", false, []string{"2019-12-01"}},
		{"dmy dots", "Stand: 04.02.2022", false, []string{"2022-02-04"}},
		{"dmy slash day first", "03/04/2021", false, []string{"2021-04-03"}},
		{"mdy slash month first", "03/04/2021", true, []string{"2021-03-04"}},
		{"impossible day first", "12/25/2018", false, []string{"2018-12-25"}},
		{"mixed separators", "12/05-2018", false, nil},
		{"french", "mercredi 7 octobre 2020 à 18h05", false, []string{"2020-10-07"}},
		{"french first", "le 1er février 2019", false, []string{"2019-02-01"}},
		{"english mdy", "Thursday, April 2nd, 2020, 4:10 PM", false, []string{"2020-04-02"}},
		{"english dmy", "11 Sep 2017", false, []string{"2017-09-11"}},
		{"english of", "the 3rd of May 2016", false, []string{"2016-05-03"}},
		{"spanish", "5 de marzo de 2020", false, []string{"2020-03-05"}},
		{"german", "am 9. März 2021", false, []string{"2021-03-09"}},
		{"italian", "12 settembre 2018", false, []string{"2018-09-12"}},
		{"arabic egyptian", "الأحد 14 يونيو 2020", false, []string{"2020-06-14"}},
		{"arabic levantine double", "السبت 2 أيار / مايو 2020", false, []string{"2020-05-02"}},
		{"arabic two word month", "6 تشرين الثاني 2019", false, []string{"2019-11-06"}},
		{"arabic indic digits", "٣ سبتمبر ٢٠١٨", false, []string{"2018-09-03"}},
		{"maghreb", "17 جوان 2021", false, []string{"2021-06-17"}},
		{"two dates", "Publié le 2 mai 2018, mis à jour le 4 mai 2018", false, []string{"2018-05-02", "2018-05-04"}},
		{"no year", "Tuesday, March 3", false, nil},
		{"too old", "14 July 1789", false, nil},
		{"far apart", "May 5 was sunny and in 2020 it rained", false, nil},
		{"version number", "release 1.2.3", false, nil},
		{"empty", "", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, h := range scanDateHits(tt.in, tt.monthFirst, 8) {
				got = append(got, h.d.day())
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("scanDateHits(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestScanDateHitsClock(t *testing.T) {
	hits := scanDateHits("23/11/2019 - 14:35", false, 8)
	if len(hits) != 1 || !hits[0].d.hasTime || hits[0].d.hh != 14 || hits[0].d.mm != 35 {
		t.Fatalf("hits = %+v, want one date at 14:35", hits)
	}
}

func TestScanTextDates(t *testing.T) {
	next := time.Now().AddDate(0, 2, 0)
	future := next.Format("2 January 2006")
	tests := []struct {
		name, lang, title, body string
		want                    string
	}{
		{
			name: "byline below headline beats site date",
			body: `<div class="topbar">Monday, 9 March 2020</div><nav><a href="/">Home</a></nav>
<h1>Water supply cut in the old town</h1><p class="info">By Jane Roe, 6 March 2020</p>
<p>Residents of the old town had no running water for most of the day after a main burst near the station.</p>`,
			want: "2020-03-06",
		},
		{
			name: "labelled publication beats update",
			body: `<h1>Panne géante du réseau mobile</h1><div>Mis à jour le 15 janvier 2021</div><div>Publié le 14 janvier 2021</div>
<p>Les abonnés n'ont pas pu appeler pendant plusieurs heures.</p>`,
			want: "2021-01-14",
		},
		{
			name: "update only",
			body: `<h1>Coupure d'électricité à Lyon</h1><p>Mis à jour le 3 février 2022</p><p>Plusieurs quartiers privés de courant.</p>`,
			want: "2022-02-03",
		},
		{
			name: "arabic label with double month",
			body: `<h1>انقطاع الكهرباء عن عدة أحياء في المدينة</h1><div>تم نشره الثلاثاء 7 نيسان / أبريل 2020 10:15 صباحاً</div>
<p>قالت الشركة إن الأعطال نتجت عن ارتفاع الأحمال.</p>`,
			want: "2020-04-07",
		},
		{
			name: "date above headline",
			body: `<div class="kicker">12/10/2019</div><h1>Le tramway à l'arrêt toute la matinée</h1><p>Un incident technique a paralysé le réseau pendant trois heures ce samedi.</p>`,
			want: "2019-10-12",
		},
		{
			name: "us english reads month first",
			lang: "en-US",
			body: `<h1>Outage hits payment terminals nationwide</h1><p>12/10/2019</p><p>Card readers at thousands of stores stopped working on Tuesday.</p>`,
			want: "2019-12-10",
		},
		{
			name: "linked related dates lose",
			body: `<h1>Train services suspended after signal failure</h1><p>Posted 4 August 2018</p>
<p>The operator said a signalling fault had stopped all trains.</p>
<div class="related"><ul><li><a href="/a">Delays expected</a> 1 August 2018</li><li><a href="/b">Strike called</a> 1 August 2018</li><li><a href="/c">New timetable</a> 1 August 2018</li></ul></div>`,
			want: "2018-08-04",
		},
		{
			name: "embedded post loses to byline",
			body: `<h1>Internet down in the capital</h1><p class="author">par Paul Martin le 19.05.2021</p>
<p>Les fournisseurs ont confirmé une panne d'un de leurs centres de données.</p>
<blockquote class="twitter-tweet"><p>Plus d'internet chez moi depuis ce matin</p>— Someone (@someone) May 18, 2021</blockquote>`,
			want: "2021-05-19",
		},
		{
			name: "prose date loses to dateline",
			body: `<h1>Gas supply restored</h1>
<p>The network operator said on Friday that the pipeline, which had been shut since 2 November 2017 after a leak was found near the border crossing, is back in service and deliveries to industrial clients are resuming gradually over the weekend.</p>
<p>10 November 2017</p>`,
			want: "2017-11-10",
		},
		{
			name:  "title date",
			title: "Flooding closes the ring road | Region | 23.05.2011",
			body:  `<h1>Flooding closes the ring road</h1><p>The ring road was closed in both directions after heavy rain.</p>`,
			want:  "2011-05-23",
		},
		{
			name: "future date rejected",
			body: `<h1>Planned maintenance</h1><p>The service will be unavailable on ` + future + `.</p>`,
			want: "",
		},
		{
			name: "no date",
			body: `<h1>Nothing dated</h1><p>There is no date on this page at all, only text.</p>`,
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html lang="` + tt.lang + `"><head><title>` + tt.title + `</title></head><body>` + tt.body + `</body></html>`
			root, err := html.Parse(strings.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			d, ok := scanTextDates(root, scanMeta(root), pageDate{})
			if got := d.day(); got != tt.want || ok != (tt.want != "") {
				t.Errorf("scanTextDates = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}

func TestScanTextDatesNotAfter(t *testing.T) {
	page := `<html><body><h1>Bridge closed</h1><p>3 June 2020</p><p>Text.</p><footer>1 June 2020</footer></body></html>`
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	mod := pageDate{y: 2020, m: 6, d: 1}
	d, ok := scanTextDates(root, scanMeta(root), mod)
	if !ok || d.day() != "2020-06-01" {
		t.Errorf("with modification date 2020-06-01: got %q, %v; want 2020-06-01", d.day(), ok)
	}
}

func FuzzScanDateHits(f *testing.F) {
	for _, s := range []string{
		"Publié le 1er mars 2020 à 10h05", "السبت 2 أيار / مايو 2020", "12/10/2019 - 14:35",
		"the 3rd of May 2016", "2020-13-45", "٣ سبتمبر ٢٠١٨", "كانون", "1 de de de 2020",
	} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, monthFirst bool) {
		if len(s) > 4096 {
			return
		}
		for _, h := range scanDateHits(s, monthFirst, 8) {
			if h.start < 0 || h.end < h.start || !xValidDate(h.d.y, h.d.m, h.d.d) || h.d.y < dsMinYear {
				t.Fatalf("bad hit %+v for %q", h, s)
			}
		}
	})
}

// BenchmarkScanTextDates measures the text fallback alone on a page with
// many dated blocks.
func BenchmarkScanTextDates(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<html><body><div class="topbar">Monday, 9 March 2020</div><h1>Headline of the story</h1><p>By A. Writer, 6 March 2020</p>`)
	for i := 0; i < 300; i++ {
		sb.WriteString(`<p>The operator said on 4 March 2020 that the service had been restored in most districts after repairs.</p>`)
	}
	sb.WriteString(`</body></html>`)
	root, err := html.Parse(strings.NewReader(sb.String()))
	if err != nil {
		b.Fatal(err)
	}
	m := scanMeta(root)
	b.SetBytes(int64(sb.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, ok := scanTextDates(root, m, pageDate{}); !ok {
			b.Fatal("no date")
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func TestScanDateHitsAfternoon(t *testing.T) {
	tests := []struct {
		in     string
		hh, mm int
	}{
		{"May 3, 2021 4:05 pm", 16, 5},
		{"May 3, 2021 12:10 a.m.", 0, 10},
		{"٣ مايو ٢٠٢١ ٠٤:٠٥ مساءً", 16, 5},
		{"3 mai 2021 à 16h05", 16, 5},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			hits := scanDateHits(tt.in, false, 8)
			if len(hits) != 1 || !hits[0].d.hasTime || hits[0].d.hh != tt.hh || hits[0].d.mm != tt.mm {
				t.Fatalf("hits = %+v, want one date at %02d:%02d", hits, tt.hh, tt.mm)
			}
		})
	}
}
