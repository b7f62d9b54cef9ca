// Package news scores a pipeline's news records against gold records of
// the shared evaluation set (news-*.jsonl), exactly as the shared eval
// README defines it: language accuracy, outage detection precision/recall/F1,
// and, on records where both the gold and the prediction say "outage", the
// accuracy of the main outage's service, start day, duration and cause, and
// the recall of the secondary outages' services.
//
// Scoring choices the README leaves open, decided here:
//
//   - Service: names are compared case-insensitively after trimming and
//     collapsing white space. A prediction is right when its service equals
//     the gold service or one of the gold aliases, and also when one of its
//     own aliases equals the gold service (a pipeline that names "X" and
//     lists "Twitter" as alias found Twitter).
//   - Start: exact match, scored where the gold start is not null; a gold
//     "XXXX-MM-DD" matches a predicted date of any year with that month and
//     day, and the same yearless "XXXX-MM-DD".
//   - Duration: scored where the gold duration_min is not null or the gold
//     duration_kind is "vague". A number is right when it is within 25% of
//     the gold value or 10 minutes, whichever is larger. For a vague gold, a
//     null duration or a vague one is right.
//   - Cause: an empty predicted cause means "unknown"; right when it equals the
//     gold cause or one of its cause_alt.
//   - Secondary outages: each gold outage after the first counts once; it is
//     found when any predicted outage (any position) has a matching service.
//   - A gold record with no prediction at all counts as wrong on everything:
//     its language is wrong, its detection is wrong (a false negative for a
//     gold outage, a false positive otherwise), and, for a gold outage, every
//     scored field and every secondary outage counts as missed. A prediction
//     that is present but says "not an outage" is only a detection error,
//     as the README scores fields on records where both say true.
//     WriteErrors lists a missing prediction once, as field "prediction".
//   - Precision, recall and F1 are 0 when their denominator is 0, except when
//     a set has nothing to find and nothing was found (no true positive, false
//     positive or false negative): then all three are 1. Accuracy figures are
//     left out of Figures when nothing was scored (n = 0).
//   - Per-language detection figures group records by their gold language.
//
// Predictions whose ID is not in the gold set are ignored (counted in
// Report.Extra).
//
// Event grouping (BCubed): over the gold records whose `event` is not null,
// B-cubed precision is the mean over records of |predicted cluster ∩ gold
// cluster| / |predicted cluster|, recall the same over the gold cluster,
// clusters being restricted to these records. Records with a null event
// (non-outage texts) are left out: they have no incident, and their
// detection is scored above. A scored record with no predicted event (not
// detected as an outage, or no service named) is a cluster of its own. The
// predicted event of a record is the event of its main outage when all
// predicted outages of the file are grouped (outages eval --news).
package news
