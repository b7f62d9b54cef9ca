package classify

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"

	"outages/corpus"
)

// Language detection limits.
const (
	langPrefix      = 2000 // bytes of text looked at
	linguaPrefix    = 500  // bytes given to lingua
	minStopHits     = 4    // below this the stop-word profile is not trusted
	persianMinRatio = 0.01 // share of Persian/Urdu-only letters that makes fa/ur likely
)

// linguaLangs are the languages the statistical detector chooses among
// for short Latin-script texts whose stop-words do not decide: French or
// English. Other Latin-script languages are recognised by their
// stop-words; with all eight in lingua, its first use cost 7 s and 490 MB.
var linguaLangs = []lingua.Language{lingua.French, lingua.English}

// langResult is a language decision with how it was reached.
type langResult struct {
	Lang       string             `json:"lang"`
	Confidence float64            `json:"confidence"`
	Method     string             `json:"method"` // script, stopwords, lingua, declared
	Scripts    map[string]int     `json:"scripts,omitempty"`
	Stop       map[string]float64 `json:"stopwords,omitempty"` // share of stop-words per language
}

// persianLetters are letters of the Persian and Urdu alphabets that Arabic
// does not use.
func isPersianLetter(r rune) bool {
	switch r {
	case 'پ', 'چ', 'ژ', 'گ', 'ٹ', 'ڈ', 'ں', 'ے', 'ۀ', 'ھ', 'ڑ', 'ۓ':
		return true
	}
	return false
}

// prefixOf cuts s to at most n bytes on a rune boundary.
func prefixOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// DetectLanguage returns fr, ar, en or other, with a confidence in [0, 1].
func (c *Classifier) DetectLanguage(text string) (lang string, confidence float64) {
	r := c.detectLanguage(text, "")
	return r.Lang, r.Confidence
}

func (c *Classifier) detectLanguage(text, declared string) langResult {
	p := prefixOf(text, langPrefix)
	var arabic, latin, otherScript, persian int
	for _, r := range p {
		switch {
		case r < utf8.RuneSelf:
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				latin++ // ASCII letters are Latin
			}
		case !unicode.IsLetter(r):
		case isArabicRune(r):
			arabic++
			if isPersianLetter(r) {
				persian++
			}
		case unicode.Is(unicode.Latin, r):
			latin++
		default:
			otherScript++
		}
	}
	res := langResult{Scripts: map[string]int{"arabic": arabic, "latin": latin, "other": otherScript}}
	total := arabic + latin + otherScript
	if total < 3 {
		res.Method = "declared"
		res.Lang = corpus.LangOther
		if d := normalizeDeclared(declared); d != "" {
			res.Lang, res.Confidence = d, 0.5
		}
		return res
	}
	switch {
	case otherScript > arabic && otherScript > latin:
		res.Method = "script"
		res.Lang = corpus.LangOther
		res.Confidence = float64(otherScript) / float64(total)
		// The stop-word shares choose between the readings of another
		// language's outage words (Russian or Ukrainian).
		res.Stop, _ = c.stopShares(p, c.data.stopLangs)
		return res
	case arabic >= latin:
		return c.detectArabicScript(p, arabic, persian, res)
	default:
		return c.detectLatin(p, declared, res)
	}
}

func normalizeDeclared(d string) string {
	d = strings.ToLower(strings.TrimSpace(d))
	if len(d) >= 2 {
		switch d[:2] {
		case "fr":
			return corpus.LangFrench
		case "ar":
			return corpus.LangArabic
		case "en":
			return corpus.LangEnglish
		}
	}
	return ""
}

// stopOf is the stop-word languages of word w, or of the folded word
// in folded when w is "" (looked up without making a string of it).
func (c *Classifier) stopOf(w string, folded []byte) uint64 {
	if w != "" {
		return c.data.stopOf[w]
	}
	return c.data.stopOf[string(folded)]
}

// stopShares counts, for each stop-word language, the share of the words of
// text that are its stop-words.
func (c *Classifier) stopShares(text string, langs []string) (map[string]float64, int) {
	hits := map[string]float64{}
	words := 0
	var folded []byte                     // the folded form of a word that folding changes
	bits := make([]uint64, len(langs))    // each language's bit in stopOf
	counts := make([]float64, len(langs)) // each language's stop-words
	for i, l := range langs {
		if k := slices.Index(c.data.stopLangs, l); k >= 0 {
			bits[i] = 1 << k
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r2) {
				break
			}
			j += s2
		}
		words++
		w := text[i:j]
		if !isFolded(w) {
			folded = appendFold(folded[:0], w)
			w = ""
		}
		if in := c.stopOf(w, folded); in != 0 {
			for k := range langs {
				if in&bits[k] != 0 {
					counts[k]++
				}
			}
		}
		i = j
	}
	for k, l := range langs {
		if counts[k] > 0 {
			hits[l] += counts[k]
		}
	}
	total := 0.0
	for _, l := range langs {
		total += hits[l]
	}
	if words > 0 {
		for l := range hits {
			hits[l] /= float64(words)
		}
	}
	return hits, int(total)
}

func (c *Classifier) detectArabicScript(p string, arabic, persian int, res langResult) langResult {
	res.Method = "script+stopwords"
	shares, n := c.stopShares(p, []string{corpus.LangArabic, "fa", "ur"})
	res.Stop = shares
	ar := shares[corpus.LangArabic]
	fu := shares["fa"] + shares["ur"]
	letterRatio := float64(persian) / float64(arabic)
	switch {
	case n >= 2 && fu > ar:
		res.Lang = corpus.LangOther
		res.Confidence = fu / (ar + fu)
	case letterRatio > persianMinRatio && fu*2 >= ar:
		res.Lang = corpus.LangOther
		res.Confidence = 0.6
	default:
		res.Lang = corpus.LangArabic
		if ar+fu > 0 {
			res.Confidence = ar / (ar + fu)
		} else {
			res.Confidence = 0.6
		}
	}
	return res
}

func (c *Classifier) detectLatin(p, declared string, res langResult) langResult {
	res.Method = "stopwords"
	var latinStops []string
	for _, l := range c.data.stopLangs {
		if l != corpus.LangArabic && l != "fa" && l != "ur" {
			latinStops = append(latinStops, l)
		}
	}
	shares, n := c.stopShares(p, latinStops)
	res.Stop = shares
	best, second := "", ""
	for _, l := range latinStops {
		if best == "" || shares[l] > shares[best] {
			best, second = l, best
		} else if second == "" || shares[l] > shares[second] {
			second = l
		}
	}
	conf := 0.0
	if shares[best] > 0 {
		conf = shares[best] / (shares[best] + shares[second])
	}
	if n >= minStopHits && conf >= 0.6 {
		res.Lang, res.Confidence = pipelineOrOther(best), conf
		return res
	}
	// Another language's stop-words or letters (ñ ã ß ı ğ ş…) lead: it is
	// not French or English, whatever lingua (which knows only those) says.
	if pipelineOrOther(best) == corpus.LangOther && n >= 2 && shares[best] > shares[corpus.LangFrench] && shares[best] > shares[corpus.LangEnglish] {
		res.Lang, res.Confidence = corpus.LangOther, conf
		return res
	}
	if foreignLatinLetters(p) >= 2 {
		res.Lang, res.Confidence, res.Method = corpus.LangOther, 0.7, "letters"
		return res
	}
	// Few or ambiguous stop-words: ask the statistical detector.
	res.Method = "lingua"
	det := c.lingua()
	linguaMu.Lock()
	vals := det.ComputeLanguageConfidenceValues(prefixOf(p, linguaPrefix))
	linguaMu.Unlock()
	if len(vals) == 0 || vals[0].Value() == 0 {
		res.Lang = corpus.LangOther
		if d := normalizeDeclared(declared); d != "" && d != corpus.LangArabic {
			res.Lang, res.Confidence, res.Method = d, 0.5, "declared"
		}
		return res
	}
	res.Lang = pipelineOrOther(vals[0].Language().IsoCode639_1().String())
	res.Confidence = vals[0].Value()
	return res
}

func pipelineOrOther(iso string) string {
	switch strings.ToLower(iso) {
	case corpus.LangFrench:
		return corpus.LangFrench
	case corpus.LangEnglish:
		return corpus.LangEnglish
	case corpus.LangArabic:
		return corpus.LangArabic
	}
	return corpus.LangOther
}

// linguaMu serialises lingua's confidence computations: they go through
// shopspring/decimal's ExpTaylor, which fills a package-level cache of
// that library without a lock (a data race between crawl workers under
// -race). The lock guards that library's global, so it is global too; it
// is taken only for the short or ambiguous Latin-script texts that
// script and stop-word counts do not decide.
var linguaMu sync.Mutex

// lingua returns the statistical detector, built on first use. Its language
// models are loaded lazily by lingua itself, for the languages a text needs.
func (c *Classifier) lingua() lingua.LanguageDetector {
	c.ling.once.Do(func() {
		c.ling.detector = lingua.NewLanguageDetectorBuilder().
			FromLanguages(linguaLangs...).
			WithLowAccuracyMode().
			Build()
		c.log.Debug("language detector built", "languages", len(linguaLangs))
	})
	return c.ling.detector
}

// foreignLatinLetters counts letters that French and English do not use
// but Spanish, Portuguese, German, Turkish, Nordic, Polish, Romanian or
// Czech do.
func foreignLatinLetters(s string) int {
	n := 0
	for _, r := range s {
		switch unicode.ToLower(r) {
		case 'ñ', 'ã', 'õ', 'ß', 'ı', 'ğ', 'ş', 'ø', 'å', 'á', 'í', 'ó', 'ú', 'ą', 'ę', 'ł', 'ż', 'ő', 'ű',
			'ă', 'ș', 'ț', 'ţ', 'ś', 'ć', 'ń', 'ź', 'ř', 'ě', 'č', 'š', 'ž':
			n++
		}
	}
	return n
}
