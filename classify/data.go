package classify

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"outages/classify/model"
	"outages/classify/rules"
	"outages/corpus"
)

//go:embed data/*.tsv
var embedded embed.FS

// Data file names, under classify/data or Options.RulesDir.
const (
	fileLexicon   = "lexicon.tsv"
	fileServices  = "services.tsv"
	fileCountries = "countries.tsv"
	fileStopwords = "stopwords.tsv"
)

// Lexicon classes (see data/lexicon.tsv).
const (
	classTrigger  = "trigger"
	classSubject  = "subject"
	classInternet = "internet"
	classPower    = "power"
	classTelecom  = "telecom"
	classReport   = "report"
	classSense    = "sense"
	classGeneral  = "general"
	classPlanned  = "planned"
	classDenial   = "denial"
	classNameCue  = "namecue"
	classNotName  = "notname"
	classChannel  = "channel"
	// Cause and timing cues used when an outage is assembled.
	classWeakCause  = "weakcause"  // a cause phrase too generic to beat a specific one
	classCauseDeny  = "causedeny"  // denies the causes that follow it in its sentence
	classDismiss    = "dismiss"    // dismisses the cause just before it ("…, une hypothèse que rien ne confirme")
	classCauseGuard = "causeguard" // the cause phrase right after it is not a cause ("protection against")
	classContrast   = "contrast"   // ends the scope of a causedeny cue ("but", "mais")
	classResolved   = "resolved"   // a time in its sentence is when the outage ended
	classNotUtility = "notutility" // cancels the internet, power or telecom words it covers ("site internet")
	classBanking    = "banking"    // a country's banking services as a whole (names Banking services (Country))
	classOverran    = "overran"    // planned work that went wrong: planned cues do not count
	classNamer      = "namer"      // names what follows, which is not a service ("tempête Ciarán")
	classFight      = "fight"      // what follows is what a measure fights ("éviter la propagation de fausses informations"): no denial
	classInsert     = "insert"     // an adverb that may stand inside any phrase of the lexicon ("s'est aussi effondré")
	classVerb       = "verb"       // an Arabic verb: a phrase opening with it matches after و ف only, not after ب ل ("بنفت" is no "نفت")
)

var lexClasses = map[string]bool{
	classTrigger: true, classSubject: true, classInternet: true, classPower: true,
	classTelecom: true, classReport: true, classSense: true, classGeneral: true,
	classPlanned: true, classDenial: true, classNameCue: true, classNotName: true, classChannel: true,
	classWeakCause: true, classCauseDeny: true, classDismiss: true, classCauseGuard: true, classContrast: true,
	classResolved: true, classNotUtility: true, classBanking: true, classOverran: true, classNamer: true,
	classFight: true, classInsert: true, classVerb: true,
}

var pipelineLangs = []string{corpus.LangFrench, corpus.LangArabic, corpus.LangEnglish}

// lexEntry is one line of lexicon.tsv (one phrase).
type lexEntry struct {
	lang   string
	class  string
	tag    string // sub-class of a detection class ("ranking" in general:ranking), or ""
	weight float64
	phrase string
	rule   string // file:line

	firedClass string // class:tag, or class without a tag (Fired.Class)
	tagKey     string // class.tag, when tagged (evidence.tagged)
}

// service is one line of services.tsv.
type service struct {
	name    string
	kind    string
	langs   map[string]bool
	aliases []string // as written, without the '=' marker
	rule    string
}

// country is one line of countries.tsv.
type country struct {
	name  string
	rule  string
	names []string
}

// dataSet is everything loaded from the data files, read-only after load.
type dataSet struct {
	lex          []lexEntry
	lexM         map[string]*matcher // per language
	notName      map[string]map[string]bool
	authority    map[string]map[string]bool // notname:authority words: the capitalised run before them is no service
	services     []service
	svcM         *matcher
	quotedM      *matcher // Arabic names of services that name them only between quotes (quotedForms)
	countries    []country
	ctyM         *matcher
	stop         map[string]map[string]bool // lang → folded stop-words
	stopLangs    []string                   // in file order
	stopOf       map[string]uint64          // folded stop-word → bit i set for stopLangs[i]
	cues         []cueEntry
	cueM         map[string]*matcher // per language
	foreign      []foreignEntry
	foreignM     map[string]*matcher // per other language (see foreign.tsv)
	foreignLangs []string            // the keys of foreignM in file order
	weights      *model.Weights
	version      string
}

// readData returns the content of a data file: from dir when it holds the
// file, else the embedded copy. The returned name is used in errors.
func readData(dir, name string) (string, []byte, error) {
	if dir != "" {
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err == nil {
			return p, b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return p, nil, fmt.Errorf("read %s: %w", p, err)
		}
	}
	b, err := embedded.ReadFile("data/" + name)
	if err != nil {
		return name, nil, fmt.Errorf("read embedded %s: %w", name, err)
	}
	return name, b, nil
}

// readTable reads a data file (see readData), adds its bytes to h (the
// version of the data) and calls fn for each of its lines (see lines) with
// the line's "file:line" position.
func readTable(dir, file string, h hash.Hash, fn func(at string, cols []string) error) error {
	name, b, err := readData(dir, file)
	if err != nil {
		return err
	}
	h.Write(b)
	return lines(b, func(n int, cols []string) error {
		return fn(fmt.Sprintf("%s:%d", name, n), cols)
	})
}

// lines yields the non-blank, non-comment lines of a data file with their
// line numbers, split on tabs.
func lines(b []byte, fn func(line int, cols []string) error) error {
	for i, l := range strings.Split(string(b), "\n") {
		l = strings.TrimRight(l, "\r")
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		cols := strings.Split(l, "\t")
		for k := range cols {
			cols[k] = strings.TrimSpace(cols[k])
		}
		if err := fn(i+1, cols); err != nil {
			return err
		}
	}
	return nil
}

func splitAlternatives(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func validLang(l string) bool {
	return l == corpus.LangFrench || l == corpus.LangArabic || l == corpus.LangEnglish
}

func validKind(k string) bool {
	switch k {
	case corpus.KindOnlineService, corpus.KindCloud, corpus.KindTelecom,
		corpus.KindInternet, corpus.KindPower, corpus.KindOther:
		return true
	}
	return false
}

// loadData reads and validates every data file. Errors name file:line.
func loadData(dir string) (*dataSet, error) {
	ds := &dataSet{
		lexM:      map[string]*matcher{},
		notName:   map[string]map[string]bool{},
		authority: map[string]map[string]bool{},
		stop:      map[string]map[string]bool{},
		stopOf:    map[string]uint64{},
		svcM:      newMatcher(),
		quotedM:   newMatcher(),
		ctyM:      newMatcher(),
		foreignM:  map[string]*matcher{},
	}
	for _, l := range pipelineLangs {
		ds.lexM[l] = newMatcher()
		ds.notName[l] = map[string]bool{}
		ds.authority[l] = map[string]bool{}
	}
	h := sha256.New()

	var err error
	err = readTable(dir, fileLexicon, h, ds.lexiconLine)
	if err != nil {
		return nil, err
	}

	seen := map[string]string{}
	err = readTable(dir, fileServices, h, func(at string, cols []string) error { return ds.serviceLine(seen, at, cols) })
	if err != nil {
		return nil, err
	}

	err = readTable(dir, fileCountries, h, ds.countryLine)
	if err != nil {
		return nil, err
	}

	err = readTable(dir, fileStopwords, h, ds.stopwordLine)
	if err != nil {
		return nil, err
	}
	for _, l := range pipelineLangs {
		if ds.stop[l] == nil {
			return nil, fmt.Errorf("%s: no stop-words for %s", fileStopwords, l)
		}
	}
	if err := readTable(dir, fileForeign, h, ds.foreignLine); err != nil {
		return nil, err
	}
	if err := loadCues(dir, h, ds); err != nil {
		return nil, err
	}
	if ds.weights, err = loadWeights(dir, h); err != nil {
		return nil, err
	}
	ds.version = hex.EncodeToString(h.Sum(nil))[:12]
	return ds, nil
}

// addPhrases compiles phrases (from the data line at) and adds them to m as
// belonging to entry owner.
func addPhrases(m *matcher, owner int, phrases []string, at string) error {
	for _, a := range phrases {
		p, err := compilePhrase(a)
		if err != nil {
			return fmt.Errorf("%s: %w", at, err)
		}
		p.owner = owner
		m.add(p)
	}
	return nil
}

// quotedForms are the Arabic aliases of a service written after a word
// that presents a name without being part of it ("شركة سوداني", "شبكة
// جوال"), without that word: a common word on its own ("سوداني" is
// Sudanese, "جوال" a mobile phone), the service's name between quotes
// (خدمة "سوداني", و"جوال").
func quotedForms(aliases []string) []string {
	var out []string
	for _, a := range aliases {
		toks := tokenize(a)
		if len(toks) < 2 || !toks[0].arabic || !toks[1].arabic {
			continue
		}
		if in, cue := arabicCue(toks[0].norm); cue && !in {
			out = append(out, strings.TrimSpace(a[toks[1].start:]))
		}
	}
	return out
}

// lexiconLine reads one line of lexicon.tsv: a language, a class, a weight and phrases.
func (ds *dataSet) lexiconLine(at string, cols []string) error {
	if len(cols) != 4 {
		return fmt.Errorf("%s: want 4 tab-separated columns (lang, class, weight, phrases), got %d", at, len(cols))
	}
	lang := cols[0]
	class, tag, err := classTag(at, cols[1])
	if err != nil {
		return err
	}
	w, err := strconv.ParseFloat(cols[2], 64)
	if err != nil {
		return fmt.Errorf("%s: bad weight %q: %w", at, cols[2], err)
	}
	langs, phrases, err := phrasesOf(at, lang, cols[3])
	if err != nil {
		return err
	}
	for _, p := range phrases {
		if class == classInsert || class == classVerb {
			if len(p.toks) != 1 {
				return fmt.Errorf("%s: %s phrase %q: want one word", at, class, p.text)
			}
			for _, l := range langs {
				if class == classVerb {
					ds.lexM[l].verbs[p.toks[0].s] = true
				} else {
					ds.lexM[l].insert[p.toks[0].s] = true
				}
			}
			continue
		}
		if class == classNotName {
			for _, l := range langs {
				ds.notName[l][p.toks[0].s] = true
				ds.authority[l][p.toks[0].s] = ds.authority[l][p.toks[0].s] || tag == "authority"
			}
			continue
		}
		p.owner = len(ds.lex)
		e := lexEntry{lang: lang, class: class, tag: tag, weight: w, phrase: p.text, rule: at, firedClass: class}
		if tag != "" {
			e.firedClass, e.tagKey = class+":"+tag, class+"."+tag
		}
		ds.lex = append(ds.lex, e)
		for _, l := range langs {
			ds.lexM[l].add(p.phrase)
		}
	}
	return nil
}

// taggedClasses are the lexicon classes whose lines may carry a sub-tag
// ("general:ranking"): each tag is a detection feature of its own, so
// that the model weighs each phenomenon from data.
var taggedClasses = map[string]bool{classGeneral: true, classPlanned: true, classTrigger: true, classNotName: true}

// classTag reads the class column of a lexicon line: a class, maybe
// followed by ":" and a tag of lower-case letters.
func classTag(at, col string) (string, string, error) {
	class, tag, tagged := strings.Cut(col, ":")
	if !lexClasses[class] && !genreClasses[class] {
		return "", "", fmt.Errorf("%s: unknown class %q", at, class)
	}
	if !tagged {
		return class, "", nil
	}
	if !taggedClasses[class] {
		return "", "", fmt.Errorf("%s: class %q takes no tag (only general, planned, trigger and notname do)", at, class)
	}
	if tag == "" || strings.TrimFunc(tag, func(r rune) bool { return r >= 'a' && r <= 'z' }) != "" {
		return "", "", fmt.Errorf("%s: bad tag %q in %q (want lower-case letters)", at, tag, col)
	}
	if class == classNotName && tag != "authority" {
		return "", "", fmt.Errorf("%s: notname takes only the tag \"authority\", not %q", at, tag)
	}
	return class, tag, nil
}

// sourcePhrase is a compiled phrase of a data line with the text it was
// written as.
type sourcePhrase struct {
	phrase
	text string
}

// phrasesOf reads the language column and the phrases column
// ("a | b | c") of a data line: the languages the phrases apply to ("*":
// all three) and each phrase compiled.
func phrasesOf(at, lang, col string) ([]string, []sourcePhrase, error) {
	if lang != "*" && !validLang(lang) {
		return nil, nil, fmt.Errorf("%s: unknown language %q (want fr, ar, en or *)", at, lang)
	}
	alts := splitAlternatives(col)
	if len(alts) == 0 {
		return nil, nil, fmt.Errorf("%s: no phrase", at)
	}
	langs := pipelineLangs
	if lang != "*" {
		langs = []string{lang}
	}
	out := make([]sourcePhrase, 0, len(alts))
	for _, alt := range alts {
		forms, err := rules.ExpandChoices(alt)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", at, err)
		}
		for _, a := range forms {
			p, err := compilePhrase(a)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", at, err)
			}
			out = append(out, sourcePhrase{phrase: p, text: a})
		}
	}
	return langs, out, nil
}

// serviceLine reads one line of services.tsv: a service, its kind, languages and aliases.
func (ds *dataSet) serviceLine(seen map[string]string, at string, cols []string) error {
	if len(cols) < 3 || len(cols) > 4 {
		return fmt.Errorf("%s: want 3 or 4 tab-separated columns (service, kind, langs, aliases), got %d", at, len(cols))
	}
	s := service{name: cols[0], kind: cols[1], langs: map[string]bool{}, rule: at}
	if s.name == "" {
		return fmt.Errorf("%s: empty service name", at)
	}
	if prev, ok := seen[strings.ToLower(s.name)]; ok {
		return fmt.Errorf("%s: service %q already defined at %s", at, s.name, prev)
	}
	seen[strings.ToLower(s.name)] = at
	if !validKind(s.kind) {
		return fmt.Errorf("%s: unknown kind %q", at, s.kind)
	}
	for _, l := range strings.Split(cols[2], ",") {
		l = strings.TrimSpace(l)
		switch {
		case l == "*":
			for _, pl := range pipelineLangs {
				s.langs[pl] = true
			}
		case validLang(l):
			s.langs[l] = true
		default:
			return fmt.Errorf("%s: unknown language %q", at, l)
		}
	}
	var pats []string
	exactName := false
	if len(cols) == 4 {
		for _, a := range splitAlternatives(cols[3]) {
			pats = append(pats, a)
			raw := strings.TrimPrefix(a, "=")
			if strings.EqualFold(raw, s.name) {
				exactName = true
			}
			if raw != s.name {
				s.aliases = append(s.aliases, raw)
			}
		}
	}
	if !exactName {
		pats = append(pats, s.name)
	}
	if err := addPhrases(ds.svcM, len(ds.services), pats, at); err != nil {
		return err
	}
	if err := addPhrases(ds.quotedM, len(ds.services), quotedForms(pats), at); err != nil {
		return err
	}
	ds.services = append(ds.services, s)
	return nil
}

// countryLine reads one line of countries.tsv: a country and its names.
func (ds *dataSet) countryLine(at string, cols []string) error {
	if len(cols) != 2 {
		return fmt.Errorf("%s: want 2 tab-separated columns (name, names), got %d", at, len(cols))
	}
	c := country{name: cols[0], rule: at, names: splitAlternatives(cols[1])}
	if c.name == "" || len(c.names) == 0 {
		return fmt.Errorf("%s: empty country name or name list", at)
	}
	if err := addPhrases(ds.ctyM, len(ds.countries), append([]string{"=" + c.name}, c.names...), at); err != nil {
		return err
	}
	ds.countries = append(ds.countries, c)
	return nil
}

// stopwordLine reads one line of stopwords.tsv: a language and its stop-words.
func (ds *dataSet) stopwordLine(at string, cols []string) error {
	if len(cols) != 2 {
		return fmt.Errorf("%s: want 2 tab-separated columns (lang, words), got %d", at, len(cols))
	}
	l := cols[0]
	if l == "" || l == "*" || strings.ContainsAny(l, " ,") {
		return fmt.Errorf("%s: bad language code %q", at, l)
	}
	if ds.stop[l] == nil {
		if len(ds.stopLangs) == 64 {
			return fmt.Errorf("%s: %s: more than 64 stop-word languages", at, l)
		}
		ds.stop[l] = map[string]bool{}
		ds.stopLangs = append(ds.stopLangs, l)
	}
	bit := uint64(1) << slices.Index(ds.stopLangs, l)
	words := strings.Fields(cols[1])
	if len(words) == 0 {
		return fmt.Errorf("%s: no words", at)
	}
	for _, w := range words {
		// Stop-words are compared folded, without Arabic variants.
		ds.stop[l][fold(w)] = true
		ds.stopOf[fold(w)] |= bit
	}
	return nil
}
