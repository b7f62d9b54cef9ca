package temporal

import "strings"

// The scorer sorts date records into categories with its own small word
// lists, independent of the tagger's rule files.

var weekdayWords = map[string][]string{
	"fr": {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."},
	"en": {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun"},
	"ar": {"الاثنين", "اثنين", "الثلاثاء", "ثلاثاء", "الثلاثا", "الاربعاء", "الأربعاء", "اربعاء", "اربعا", "الخميس", "خميس", "الجمعة", "الجمعه", "جمعة", "السبت", "سبت", "الاحد", "الأحد", "احد"},
}

// bareWords may stand with a weekday in a "bare" weekday record: the
// record names the weekday and nothing that moves it (next, last, a date).
var bareWords = map[string][]string{
	"fr": {"ce", "le"},
	"en": {"this", "on"},
	"ar": {"يوم", "هذا"},
}

var monthWords = map[string][]string{
	"fr": {"janvier", "fevrier", "février", "fev", "mars", "avril", "mai", "juin", "juillet", "juil", "jui", "aout", "août", "septembre", "octobre", "novembre", "décembre", "decembre"},
	"en": {"january", "february", "feb", "march", "april", "may", "june", "july", "jul", "august", "aug", "september", "october", "oct", "november", "december"},
	"ar": {"كانون", "شباط", "اذار", "آذار", "نيسان", "ايار", "أيار", "حزيران", "تموز", "اب", "آب", "ايلول", "أيلول", "تشرين", "يناير", "فبراير", "مارس", "ابريل", "أبريل", "مايو", "يونيو", "يوليو", "اغسطس", "أغسطس", "سبتمبر", "اكتوبر", "أكتوبر", "نوفمبر", "ديسمبر"},
}

func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return r == ' ' || r == ',' || r == '،' || r == '(' || r == ')'
	})
}

func hasWord(ws []string, list []string) bool {
	for _, w := range ws {
		for _, l := range list {
			if w == l || strings.TrimSuffix(w, ".") == strings.TrimSuffix(l, ".") {
				return true
			}
		}
	}
	return false
}

// dateCategory sorts a day-or-coarser record: weekday when it names a
// weekday, absolute when it has a digit or a month name, else relative.
func dateCategory(lang, text string) string {
	ws := words(text)
	if hasWord(ws, weekdayWords[lang]) {
		return CatWeekday
	}
	if strings.ContainsAny(text, "0123456789٠١٢٣٤٥٦٧٨٩") || hasWord(ws, monthWords[lang]) {
		return CatAbsolute
	}
	return CatRelative
}

// bareWeekday reports whether text is a weekday alone (maybe with "this",
// "ce", "يوم").
func bareWeekday(lang, text string) bool {
	ws := words(text)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !hasWord([]string{w}, weekdayWords[lang]) && !hasWord([]string{w}, bareWords[lang]) {
			return false
		}
	}
	return hasWord(ws, weekdayWords[lang])
}
