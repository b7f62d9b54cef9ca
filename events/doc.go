// Package events groups outage mentions (one outage of one article) into
// events: one record per real-world incident, across articles, sources and
// languages.
//
// # Grouping rule
//
// Mentions are grouped by service key: the service name as the classifier
// writes it (lower-cased, accents, spacing and a trailing generic word such
// as "app" folded); the classifier already writes a known service's aliases
// under its one name, and a service whose alias is another mention's
// service name is that service. Within a key, mentions are ordered by their day and
// joined greedily to an open event when their times agree:
//
//   - a start day (the outage's start, or a month-day start whose year is
//     taken from the publication date) agrees with an event whose start days
//     lie within Options.Window days of it, or whose reports were published
//     no earlier than Options.Window days before it;
//   - a report day (publication date, used when the start is unknown) agrees
//     with an event whose first start is at most Options.Window days after
//     it and whose last start is at most Options.ReportLag days before it;
//   - for national networks (kinds telecom, internet and power) the mention's
//     countries must meet the event's when both are known.
//
// Weaker times are placed afterwards, and only when one event fits: a
// month-day without a year joins the one event of its key on that month and
// day (± Window); a month joins the one event of its key that month or the
// month before (reports follow incidents); a mention with no time at all
// never joins a dated event (it could be any of them, or another one) but
// joins the one undated or partly dated group of its key. When none fits,
// such mentions group among themselves (same key and same month-day, month,
// or no time); when several fit, the mention stays alone: merging two
// incidents is worse than splitting one. Words decide between candidates:
// a weak mention that fits several events of its key, or has no time at
// all, joins the event whose articles share clearly the most rare words of
// its title and lede (Terms: words in at most one article in 20, service
// names left out, weighted by rarity; at least Options.Similarity times
// the weight of a word two articles share, and twice the next event's).
//
// Events of different keys are then merged when an article reports both as
// one incident: when its main outage and another outage belong to related
// services (one is the other's parent, or both have the same parent, as
// given by Options.Parents), are one country's network (same kind and
// country, one named for the country as a whole: "Power grid (Lebanon)"
// and its utility), or when at least Options.CoReports articles report the
// two services together (main outage and another); in every case only when
// the two events' days meet within Options.Window (start days to the last
// report the lag allows), so that an article recalling an old outage of
// another service does not join incidents years apart.
//
// # Stable identifiers
//
// An event's id never changes when later runs add articles to it. Grouping
// takes the previous run's events (Options.Previous): each new event inherits
// the id of the previous event that shares the most of its mentions (ties:
// the smaller id), one new event per previous id. An event that inherits no
// id gets "ev-" and 12 hex digits of the SHA-256 of its anchor: the service
// key and the article id and outage index of its earliest mention (by day,
// then article id, then outage index). With no previous events, the same
// articles always give the same ids.
//
// # Regrouping after a run
//
// Regroup returns what Group returns for the whole archive, but groups anew
// only what the articles added, changed or removed since the previous
// events can reach, and keeps every other previous event as it is: the end
// of their services' timelines (placing a mention depends only on the
// mentions placed before it, and no event reaches back further than
// Window+ReportLag days), the events those mentions were in and what those
// reach, every mention of a service whose aliases they change, the
// articles of two services whose count of co-reports they move across
// Options.CoReports, the kept mentions an article links with a regrouped
// one whose clusters may now meet, and the services with mentions placed
// by words. When that reaches most articles, it places and merges every
// mention anew and keeps each previous event whose component comes out
// with the same mentions of unchanged articles: only the others are
// summarised and named again. When it cannot vouch for the previous
// events it groups everything.
package events
