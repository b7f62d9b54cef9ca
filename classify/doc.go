// Package classify decides the language of a news article, whether it
// reports a service outage, and which outages it reports, with the service,
// start day, duration and cause of each.
//
// Language detection counts scripts and stop-words first and asks lingua-go
// (French, English and a few other Latin-script languages, lazily loaded)
// only about what remains, on a prefix of the text (lang.go). A text in
// another language is answered "other"; foreign.go still tells an outage
// report in Spanish, Portuguese, German, Italian, Dutch, Turkish, Persian,
// Polish, Romanian, Russian, Ukrainian, Indonesian, Swahili or Hindi from
// the rest with the words of each (data/foreign.tsv), without the model:
// counter-evidence (planned, general, denial, other senses, hypotheticals)
// in the title and lede, and its service, day (a relative day, a weekday,
// or a day of the month with its month word), cause and length (a number
// and a unit, or the span between two times of day) when the words say
// them, and the other services and countries named with its outage words
// as secondary outages (not those of a cause sentence).
//
// The rest reads as the data flows, one way: rules propose, a small
// learned linear model chooses.
//
//  1. Analysis (text.go, match.go, detect.go, cues.go): the text is split
//     into tokens, sentences and paragraphs; the lexicon (data/lexicon.tsv)
//     finds outage words, subjects and counter-evidence (an adverb of its
//     insert class may stand inside any of its phrases: "s'est aussi
//     effondré", "were also badly disrupted"), the gazetteer
//     (data/services.tsv, data/countries.tsv) and name patterns find the
//     services, and data/cues.tsv the cue words the features read
//     (because, speculation, future, since, until, back, about, past,
//     peak, credit, affected).
//  2. Detection (evidence_features.go, genre.go): the lexicon evidence of
//     each class becomes the detection features, with one more feature per
//     tag of a tagged lexicon line ("general:ranking", "planned:future"),
//     and the genre of the text: counter-evidence or a question in the
//     title, the share of the lede speaking of the future, plural outage
//     nouns ("outages", "les pannes": outages in general). Texts that name
//     an outage without reporting one have their own evidence (genre.go):
//     an outage word in the scope of a negation, a denial verb or a rumour
//     ("aucune panne", "denies … outage", "ما يتم تداوله عن انقطاع") is
//     denied, not reported; films and series, fines and rulings,
//     anniversaries, security advisories, sports metaphors and one vehicle's breakdown are
//     counter-evidence classes; the share of reporting sentences naming
//     only years long before the publication dates an old outage; and
//     when.go places the reporting sentences' days, months and times
//     against the publication (when.recent, when.old). The
//     model's score decides, from a margin of 0.5 for articles in English
//     and French (reportMargin: unseen look-alikes score higher than the
//     training texts'), from 0 in Arabic and for briefs. Two rules gate
//     detection whatever the score: an outage word must stand near something that can fail (a
//     service, network or utility; another sense of the word cancels it),
//     and a text denying the outage (denial words, "works normally") as
//     much as it reports it, denying every outage word it says, or whose
//     headline denies an outage (not a cause) and reports none, is not a
//     report.
//  3. Candidates per slot (groups.go, choose.go): every service named
//     in a sentence with an outage word, and every country-wide cut, is a
//     candidate main outage; every day, length and cause phrase of the
//     rule engine (package outages/classify/rules) is a candidate start,
//     duration and cause; a start time and an end time of the main outage
//     (marked as such, or in a sentence saying the service is back), in
//     either order and across midnight, make a length candidate too
//     (endtime.go), and "no length" is one. Rules still rule candidates
//     out where the language says so: an update stamp or a day after
//     publication is no start, nor, unless no other day is said, a wire
//     dateline's day ("Rabat, 13 juin 2019 - …", which gives the
//     publication date when the page has none) or the day the service
//     came back ("réalimentés hier soir"); a length counted back ("il y a deux ans"),
//     from another event ("two hours later, the firm said") or forecast is
//     no duration, nor one said in a sentence placed before the week of
//     publication (another outage's, when.go); a cause word in another
//     sense ("calmer la tempête", "internet blackout", "further
//     updates", "ordered an investigation": the rule kind nocause) is no
//     candidate; a denied or dismissed cause
//     ("…, une hypothèse que rien ne confirme"), one something protects
//     against, or one said of another day's outage (or next to an outage
//     word with another year: "the 2021 outage", "la panne de 2021") is no
//     cause; nor is one the text denies in any sentence, nor the effect
//     of another cause phrase ("l'afflux de connexions a provoqué un
//     bug": the bug, wherever it is named again). A service
//     said to work normally, or named only as where people posted ("via
//     X"), is no outage; a brand and its one national company named in a
//     text are one outage. When no service is named,
//     one is derived from the text (fallback.go); names derived next to
//     named services are candidate main outages only, unless the text
//     reports them down with the others (in a list with a named service,
//     after "such as"/"notamment"/"مثل", "also" down, next to words saying
//     they were hit ("were among the services affected", "ont été
//     touchés", "تأثرت"), or as the subject of their own outage clause
//     past an aside between commas): then they are
//     secondary outages too, which do not take the main outage's
//     sentences. A service said to have come back ("Zain subscribers
//     said service returned", "عادت خدمات زين") had gone down. A place is never a derived name, nor is a regulator
//     (lexicon notname:authority). A country-wide cut carries, as
//     aliases, the regions of its country the text reports it in
//     ("Internet (Manipur)" for "Internet (India)"); other countries the
//     text says were hit too ("le Niger et le Burkina Faso ont également
//     été touchés") are cuts of the same utility; a nameless cut is
//     named after the country of the places the text names. The longer
//     forms the body writes of a name become its aliases (variants.go):
//     with a product, unit or number after it ("Bell Mobility", "NHS
//     111"), with the French article ("L'Écho du Rhône") or an English
//     possessive ("Brannigan's").
//  4. Features (features.go, scope.go): each candidate is described by
//     named features of phenomena: how close it is to the outage
//     (sentence, region, paragraph), to an outage word and to the main
//     service, title or lede, the cue word before it, a question,
//     speculation, future or past in its sentence, the rule's kind and
//     hedge, its relation to the publication day, how many candidates
//     agree; for a cause, whether an active verb of causation follows it
//     (the causer) or precedes it (the effect: "l'afflux a provoqué un
//     bug"); for a service, whether it is named as the cause ("due to an
//     X outage") or among the services affected ("such as X, Y and Z"),
//     and whether it is the provider that took named platforms down or
//     one of them. Never an article, an address or a sentence.
//  5. Scores and record (assemble.go, choose.go): the weights
//     (data/weights.tsv, package outages/classify/model) score each
//     candidate; the best wins its slot, except that a bound ("more than
//     an hour") or vague length gives way to a span of times said of the
//     outage that respects it. Explain shows every candidate with its
//     features and score.
//
// The weights are learned by "outages train" (Train, TrainExamples) from
// labelled texts: each text is classified around its gold main outage
// (Examples), every slot's candidates are labelled by the evaluation
// scorer's comparisons (Judge), and package model fits an L2-regularised
// conditional logit per slot.
//
// Every data file (lexicon.tsv, services.tsv, countries.tsv,
// stopwords.tsv, cues.tsv, weights.tsv) is embedded from classify/data, can
// be overridden file by file from Options.RulesDir, and is validated at
// load with errors naming file:line.
//
// Each outage's Country (country.go) comes, strongest first, from a
// country or place in the service's name ("Internet (Egypt)"), from the
// operator's or utility's country in data/operators.tsv (none for services
// used worldwide), else from place names (data/geo.tsv and the names of
// countries.tsv) in the title, first paragraph and text, with the host's
// country-code domain as weak evidence. A derived name that is only a
// place of geo.tsv ("Leeds", "Var", "الشارقة") is never a service. operators.tsv also gives each
// service's parent (Classifier.Parents), which event grouping uses.
package classify
