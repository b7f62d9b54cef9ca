package rules

import "time"

// Expression kinds found by the tagger.
const (
	KindDate     = "date"     // a day (or coarser): Value is YYYY-MM-DD, XXXX-MM-DD, YYYY-MM or YYYY
	KindTime     = "time"     // a time of day, maybe with a day: Time is HH:MM
	KindInterval = "interval" // a span between two instants (from/to), e.g. "de 19h à 20h"
	KindDuration = "duration" // a length: Minutes and DurationKind
	KindCause    = "cause"    // a cause phrase: Cause and Denied
)

// Ref is what relative expressions are resolved against: usually the
// article's publication date. Precision says how much of Time is known.
type Ref struct {
	Time      time.Time
	Precision string // "day", "month", "year" or "" (unknown: weekdays stay unresolved)
}

// Expr is one expression found in a text. Start and End are byte offsets of
// Text in the input (input[Start:End] == Text).
type Expr struct {
	Kind  string `json:"kind"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`

	// date, time, interval
	Value string `json:"value,omitempty"` // normalised day: YYYY-MM-DD / XXXX-MM-DD / YYYY-MM / YYYY
	Grain string `json:"grain,omitempty"` // second, minute, hour, day, week, month, quarter, year
	Time  string `json:"time,omitempty"`  // local time HH:MM when a time of day is known
	Zone  string `json:"zone,omitempty"`  // zone as named ("PT", "GMT", "heure du Pacifique")
	// HalfDay is set on a time from 1 to 11 o'clock said with no am, pm or
	// part of the day ("at 11:20", "الحادية عشرة"): on a 12-hour clock it
	// may be twelve hours later.
	HalfDay bool `json:"half_day,omitempty"`
	// Clock24 is set on a time past 12 o'clock said with no pm or part of
	// the day ("à 23 heures", "at 17:45"): the text uses a 24-hour clock.
	Clock24 bool   `json:"clock24,omitempty"`
	UTC     string `json:"utc,omitempty"` // RFC 3339 instant when day, time and zone are known
	// interval ends (local, YYYY-MM-DDTHH:MM or HH:MM when the day is unknown)
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`

	// duration (also set on an interval whose length is known)
	Minutes      *int   `json:"minutes,omitempty"`
	DurationKind string `json:"duration_kind,omitempty"` // exact, approx, at_least, at_most, vague
	// Seconds is the exact length in seconds when known (Minutes is it
	// rounded to the nearest minute; sub-minute lengths have Minutes 0).
	Seconds *int `json:"seconds,omitempty"`
	// Still is set on a length counted from an event when its clause says
	// the outage still went on then ("trois heures plus tard, toujours pas
	// de réseau"): the outage lasted at least that long.
	Still bool `json:"still,omitempty"`

	// Role is "start" or "end" when a cue word just before a time or date
	// ("à partir de", "since", "منذ"; "rétabli", "until", "عاد") says which
	// end of an outage it marks, else "".
	Role string `json:"role,omitempty"`

	// cause
	Cause  string `json:"cause,omitempty"`
	Denied bool   `json:"denied,omitempty"`

	Rule string `json:"rule,omitempty"` // "file:line" of the rule that matched, for explain
}
