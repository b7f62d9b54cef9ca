// Package temporal scores the rule tagger of package classify/rules on the
// temporal vectors of the shared eval data (date, time and duration
// expressions with expected values; see their README).
//
// Records are sorted by language and category: absolute dates, weekdays,
// relative days and periods, times (hour grain or finer), intervals,
// durations, negatives, and, scored but not counted in any figure's goal,
// holidays and Duckling's latent forms. The "date" figure sums absolute,
// weekday and relative records: every instant of day grain or coarser that
// is not a holiday.
//
// Pass criteria. A positive record passes only when the tagger returns an
// expression of the right kind whose text covers at least 80% of the
// record's letters and digits (the longest such expression is judged) and
// whose value is right:
//   - durations: Seconds equals the record's seconds exactly (a month is
//     30 days, a year 365, as in the vectors);
//   - dates: Value equals the expected day cut to the record's grain
//     (YYYY for year, YYYY-MM for month and quarter, the day for day and
//     week grain, a week being named by its Monday). Duckling resolves a
//     bare weekday ("mardi", "this monday") to the NEXT such day; news
//     text means the most recent one, which is what the tagger returns,
//     so for bare-weekday records only the expected day is moved back by
//     whole weeks to the last such day on or before the reference;
//   - times: with a zone, the UTC instant shown in the reference's offset
//     must equal the expected local time; without one, the time of day
//     must match and the day too when the tagger gives one;
//   - closed intervals: From and To equal the expected ends, the record's
//     exclusive end taken back one grain (the tagger reports the last unit
//     named); open intervals need a time or date with Role "start"
//     ("after") or "end" ("before") and the bound's value, the bound
//     being the instant named ("before 11 am" is 11:00: an open bound is
//     not an exclusive end) and a date bound compared at the record's
//     grain, as instants are.
//
// A negative record passes when no expression of its dimension carries a
// value: for durations no Seconds or Minutes (a vague duration such as
// "pendant des mois" carries no length), for times no Value, Time or From.
package temporal
