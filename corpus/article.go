package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Languages reported by the pipeline.
const (
	LangFrench  = "fr"
	LangArabic  = "ar"
	LangEnglish = "en"
	LangOther   = "other"
)

// Outage kinds (see the shared eval README).
const (
	KindOnlineService = "online_service"
	KindCloud         = "cloud"
	KindTelecom       = "telecom"
	KindInternet      = "internet"
	KindPower         = "power"
	KindOther         = "other"
)

// Duration kinds.
const (
	DurationExact   = "exact"
	DurationApprox  = "approx"
	DurationAtLeast = "at_least"
	DurationAtMost  = "at_most"
	DurationVague   = "vague"
)

// Causes: the cause taxonomy of the shared eval README.
const (
	CauseSoftwareChange  = "software_change"
	CauseSoftwareBug     = "software_bug"
	CauseHardwareFailure = "hardware_failure"
	CauseNetwork         = "network"
	CauseCableCut        = "cable_cut"
	CausePower           = "power"
	CauseCyberattack     = "cyberattack"
	CauseOverload        = "overload"
	CauseGovernment      = "government"
	CauseWeatherDisaster = "weather_disaster"
	CauseMaintenance     = "maintenance"
	CauseThirdParty      = "third_party"
	CauseUnknown         = "unknown"
)

// Causes lists every cause key, unknown last.
var causes = [...]string{
	CauseSoftwareChange, CauseSoftwareBug, CauseHardwareFailure, CauseNetwork,
	CauseCableCut, CausePower, CauseCyberattack, CauseOverload, CauseGovernment,
	CauseWeatherDisaster, CauseMaintenance, CauseThirdParty, CauseUnknown,
}

// Causes returns the keys of the cause taxonomy, unknown last.
func Causes() []string { return append([]string(nil), causes[:]...) }

// ValidCause reports whether c is a key of the cause taxonomy.
func ValidCause(c string) bool {
	for _, k := range causes {
		if k == c {
			return true
		}
	}
	return false
}

// Fetch describes how an article's page was obtained. The store saves it
// with the article in one transaction, so a conditional GET on the next run
// never skips a page whose article was not stored.
type Fetch struct {
	URL          string    `json:"url"`                     // the URL requested
	FinalURL     string    `json:"final_url,omitempty"`     // after redirects
	Status       int       `json:"status,omitempty"`        // HTTP status (0 for local files)
	ETag         string    `json:"etag,omitempty"`          // validator for conditional GET
	LastModified string    `json:"last_modified,omitempty"` // validator for conditional GET (or file mtime)
	ContentType  string    `json:"content_type,omitempty"`
	Charset      string    `json:"charset,omitempty"` // charset the page was decoded from
	FetchedAt    time.Time `json:"fetched_at"`
}

// Evidence holds, for each value of an outage, short phrases copied verbatim
// from the text that support it.
type Evidence struct {
	Start    []string `json:"start"`
	Duration []string `json:"duration"`
	Cause    []string `json:"cause"`
}

// Outage is one outage reported by an article. Empty strings mean "not
// known" and are written as JSON null where the eval schema has null.
type Outage struct {
	Service      string   `json:"service"`
	Aliases      []string `json:"aliases"`
	Kind         string   `json:"kind"`
	Start        string   `json:"start"`      // YYYY-MM-DD, XXXX-MM-DD, or "" (null)
	StartTime    string   `json:"start_time"` // local HH:MM, or "" (null)
	End          string   `json:"end"`        // YYYY-MM-DD or YYYY-MM-DDTHH:MM, or "" (null)
	Zone         string   `json:"zone"`       // time zone named by the text, or ""
	DurationMin  *int     `json:"duration_min"`
	DurationKind string   `json:"duration_kind"` // exact, approx, at_least, at_most, vague, or "" (null)
	Cause        string   `json:"cause"`         // a cause key; unknown when none
	CauseAlt     []string `json:"cause_alt"`
	CauseDenied  []string `json:"cause_denied"`
	Evidence     Evidence `json:"evidence"`
	Confidence   float64  `json:"confidence,omitempty"`
	Country      []string `json:"country,omitempty"` // ISO 3166-1 alpha-2 codes; absent when unknown
}

// MarshalJSON writes empty optional strings as null and nil lists as [].
func (o Outage) MarshalJSON() ([]byte, error) {
	type wire struct {
		Service      string   `json:"service"`
		Aliases      []string `json:"aliases"`
		Kind         string   `json:"kind"`
		Start        *string  `json:"start"`
		StartTime    *string  `json:"start_time"`
		End          *string  `json:"end"`
		Zone         *string  `json:"zone,omitempty"`
		DurationMin  *int     `json:"duration_min"`
		DurationKind *string  `json:"duration_kind"`
		Cause        string   `json:"cause"`
		CauseAlt     []string `json:"cause_alt"`
		CauseDenied  []string `json:"cause_denied"`
		Evidence     Evidence `json:"evidence"`
		Confidence   float64  `json:"confidence,omitempty"`
		Country      []string `json:"country,omitempty"`
	}
	cause := o.Cause
	if cause == "" {
		cause = CauseUnknown
	}
	ev := o.Evidence
	ev.Start, ev.Duration, ev.Cause = nonNil(ev.Start), nonNil(ev.Duration), nonNil(ev.Cause)
	return json.Marshal(wire{
		Service: o.Service, Aliases: nonNil(o.Aliases), Kind: o.Kind,
		Start: Nullable(o.Start), StartTime: Nullable(o.StartTime), End: Nullable(o.End),
		Zone: Nullable(o.Zone), DurationMin: o.DurationMin, DurationKind: Nullable(o.DurationKind),
		Cause: cause, CauseAlt: nonNil(o.CauseAlt), CauseDenied: nonNil(o.CauseDenied),
		Evidence: ev, Confidence: o.Confidence, Country: o.Country,
	})
}

// UnmarshalJSON reads what MarshalJSON writes (and the eval gold records).
func (o *Outage) UnmarshalJSON(b []byte) error {
	type plain Outage
	var w struct {
		plain
		Start        *string `json:"start"`
		StartTime    *string `json:"start_time"`
		End          *string `json:"end"`
		Zone         *string `json:"zone"`
		DurationKind *string `json:"duration_kind"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*o = Outage(w.plain)
	o.Start, o.StartTime, o.End = Deref(w.Start), Deref(w.StartTime), Deref(w.End)
	o.Zone, o.DurationKind = Deref(w.Zone), Deref(w.DurationKind)
	return nil
}

// Nullable is how the records write an unknown string: "" is null.
func Nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Deref reads a string written by Nullable: null is "".
func Deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Article is one news article as it moves through the pipeline: crawl fills
// the page fields, classify the language and outages, index stores it.
type Article struct {
	ID           string `json:"id"`  // ArticleID(URL)
	URL          string `json:"url"` // canonical URL: the article's identity
	Source       string `json:"source"`
	Host         string `json:"host,omitempty"`
	Title        string `json:"title"`
	Body         string `json:"body"`      // paragraphs separated by "\n\n"
	Published    string `json:"published"` // YYYY-MM-DD, YYYY-MM, or ""
	Modified     string `json:"modified"`  // YYYY-MM-DD or ""
	Author       string `json:"author,omitempty"`
	SiteName     string `json:"site_name,omitempty"`
	Description  string `json:"description,omitempty"`
	DeclaredLang string `json:"declared_lang,omitempty"` // <html lang>, og:locale
	ContentHash  string `json:"content_hash,omitempty"`  // TextHash(Title+Body)
	Fetch        Fetch  `json:"fetch"`

	// Set by classify.
	Lang           string   `json:"lang"`
	LangConfidence float64  `json:"lang_confidence,omitempty"`
	IsOutage       bool     `json:"is_outage"`
	OutageScore    float64  `json:"outage_score,omitempty"`
	Outages        []Outage `json:"outages"`
	Classifier     string   `json:"classifier,omitempty"` // version of the rules that classified it

	// Seq is the store's sequence number of the last write of this article
	// (set by Store.Put); the index records the highest Seq it holds.
	Seq uint64 `json:"seq,omitempty"`
}

// ArticleID is the stable identifier of the article whose canonical URL is u:
// the first 16 bytes of its SHA-256, in hex.
func ArticleID(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:16])
}

// TextHash is a hash of text normalised for near-identity: case folded,
// punctuation and spacing ignored. Syndicated copies of one article under
// two URLs have the same TextHash.
func TextHash(text string) string {
	norm := make([]byte, 0, len(text)) // hashed at once: a Write per rune was most of the cost
	space := false
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if space {
				norm = append(norm, ' ')
				space = false
			}
			norm = utf8.AppendRune(norm, r)
		default:
			space = true
		}
	}
	sum := sha256.Sum256(norm)
	return hex.EncodeToString(sum[:16])
}
