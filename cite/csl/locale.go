package csl

import (
	"io"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
)

// Locale is a parsed CSL locale (a locale file or a style's cs:locale):
// terms, date formats and style options. Immutable and safe for
// concurrent use.
type Locale struct {
	lang          string
	terms         map[termKey]*term
	hasOrdinals   bool
	dates         map[string]*el
	punctInQuote  *bool
	limitOrdinals *bool
}

type termKey struct {
	name, form, genderForm string
}

type term struct {
	single, multiple string
	gender           string
	match            string
}

// Lang returns the locale's language tag ("" for a style locale without one).
func (l *Locale) Lang() string { return l.lang }

// ParseLocale reads a CSL locale file.
func ParseLocale(r io.Reader) (*Locale, error) {
	root, err := parseXML(r)
	if err != nil {
		return nil, err
	}
	if root.name != "locale" {
		return nil, &SyntaxError{Line: root.line, Column: root.col, Msg: "root element is <" + root.name + ">, not <locale>"}
	}
	return localeFromNode(root)
}

func localeFromNode(n *xnode) (*Locale, error) {
	l := &Locale{lang: n.attr("xml:lang"), terms: map[termKey]*term{}, dates: map[string]*el{}}
	c := &compiler{style: &Style{macros: map[string]*el{}}, macroNodes: map[string]*xnode{}}
	for _, k := range n.kids {
		switch k.name {
		case "terms":
			for _, t := range k.kids {
				if t.name != "term" {
					continue
				}
				name := t.attr("name")
				form := t.attr("form")
				if form == "" {
					form = "long"
				}
				tm := &term{gender: t.attr("gender"), match: t.attr("match")}
				hasSingle := false
				for _, sub := range t.kids {
					switch sub.name {
					case "single":
						tm.single = termText(sub.text)
						hasSingle = true
					case "multiple":
						tm.multiple = termText(sub.text)
					}
				}
				if !hasSingle {
					tm.single = termText(t.text)
					tm.multiple = tm.single
				}
				if strings.HasPrefix(name, "ordinal") {
					l.hasOrdinals = true
				}
				l.terms[termKey{name, form, t.attr("gender-form")}] = tm
			}
		case "date":
			e, err := c.element(k)
			if err != nil {
				return nil, err
			}
			l.dates[k.attr("form")] = e
		case "style-options":
			if v, ok := k.attrs["punctuation-in-quote"]; ok {
				b := v == "true"
				l.punctInQuote = &b
			}
			if v, ok := k.attrs["limit-day-ordinals-to-day-1"]; ok {
				b := v == "true"
				l.limitOrdinals = &b
			}
		}
	}
	return l, nil
}

// LocaleSet finds locale files by language tag: "locales-xx-XX.xml" in an
// fs.FS. It caches what it parsed and is safe for concurrent use.
type LocaleSet struct {
	// fixed, when set, serves every language (as the reference renderer
	// serves en-US)
	fixed *Locale
	fsys  fs.FS
	mu    sync.Mutex
	cache map[string]*Locale
}

// NewLocaleSet returns the locales of a folder of CSL locale files
// (nil: none, en-US from the built-in terms).
func NewLocaleSet(fsys fs.FS) *LocaleSet {
	return &LocaleSet{fsys: fsys, cache: map[string]*Locale{}}
}

// NewLocaleSetFrom returns a set of parsed locales (from ParseLocale on
// any reader), found by their language tags.
func NewLocaleSetFrom(locales ...*Locale) *LocaleSet {
	ls := &LocaleSet{cache: map[string]*Locale{}}
	for _, l := range locales {
		if l != nil && l.lang != "" {
			ls.cache[l.lang] = l
		}
	}
	return ls
}

var primaryDialects = map[string]string{"af": "af-ZA", "ar": "ar", "bg": "bg-BG", "ca": "ca-AD", "cs": "cs-CZ", "cy": "cy-GB", "da": "da-DK", "de": "de-DE", "el": "el-GR", "en": "en-US", "es": "es-ES", "et": "et-EE", "eu": "eu", "fa": "fa-IR", "fi": "fi-FI", "fr": "fr-FR", "he": "he-IL", "hr": "hr-HR", "hu": "hu-HU", "id": "id-ID", "is": "is-IS", "it": "it-IT", "ja": "ja-JP", "km": "km-KH", "ko": "ko-KR", "la": "la", "lt": "lt-LT", "lv": "lv-LV", "mn": "mn-MN", "nb": "nb-NO", "nl": "nl-NL", "nn": "nn-NO", "pl": "pl-PL", "pt": "pt-PT", "ro": "ro-RO", "ru": "ru-RU", "sk": "sk-SK", "sl": "sl-SI", "sr": "sr-RS", "sv": "sv-SE", "th": "th-TH", "tr": "tr-TR", "uk": "uk-UA", "vi": "vi-VN", "zh": "zh-CN"}

// Locale returns the locale file for a tag, or nil.
func (ls *LocaleSet) Locale(tag string) *Locale {
	if ls != nil && ls.fixed != nil {
		return ls.fixed
	}
	if ls == nil || tag == "" {
		return nil
	}
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if l, ok := ls.cache[tag]; ok {
		return l
	}
	if ls.fsys == nil {
		return nil
	}
	var l *Locale
	f, err := ls.fsys.Open("locales-" + tag + ".xml")
	if err == nil {
		l, _ = ParseLocale(f)
		f.Close()
	}
	ls.cache[tag] = l
	return l
}

// chain is the locale fallback order for one language.
type chain struct {
	locs   []*Locale
	lang   string
	punctQ bool
	limitO bool
	// memo caches lookups (nil: no such term); a chain is shared by the
	// processors of a style and language (Style.chain), so the map is
	// copied on write (under memoMu) and read without a lock
	memo   atomic.Pointer[map[string]*termMemo]
	memoMu sync.Mutex
	// dateMemo caches the date parts of localized date elements (*el →
	// *datePartsOf)
	dateMemo sync.Map
	// quotes are the quotation mark terms
	quotes quoteTerms
	// and and rangeDelim are the terms "and" (long) and
	// "page-range-delimiter" (long), which names, labels and numbers
	// look up many times a cite; andSpaced is " and "
	and, rangeDelim, andSpaced string
}

func buildChain(s *Style, ls *LocaleSet, lang string) *chain {
	if lang == "" {
		lang = "en-US"
	}
	primary := lang
	if i := strings.IndexByte(lang, '-'); i > 0 {
		primary = lang[:i]
	}
	c := &chain{lang: lang}
	add := func(l *Locale) {
		if l == nil {
			return
		}
		for _, x := range c.locs {
			if x == l {
				return
			}
		}
		c.locs = append(c.locs, l)
	}
	for _, l := range s.locales {
		if l.lang == lang {
			add(l)
		}
	}
	if primary != lang {
		for _, l := range s.locales {
			if l.lang == primary {
				add(l)
			}
		}
	}
	for _, l := range s.locales {
		if l.lang == "" {
			add(l)
		}
	}
	if ls != nil {
		full := lang
		if !strings.Contains(lang, "-") {
			if d, ok := primaryDialects[lang]; ok {
				full = d
			}
		}
		add(ls.Locale(full))
		if d, ok := primaryDialects[primary]; ok {
			add(ls.Locale(d))
		}
		add(ls.Locale("en-US"))
	}
	add(defaultEnUS())
	for _, l := range c.locs {
		if l.punctInQuote != nil {
			c.punctQ = *l.punctInQuote
			break
		}
	}
	for _, l := range c.locs {
		if l.limitOrdinals != nil {
			c.limitO = *l.limitOrdinals
			break
		}
	}
	c.quotes = quoteTerms{
		open:    c.term("open-quote", "long", false),
		close:   c.term("close-quote", "long", false),
		openIn:  c.term("open-inner-quote", "long", false),
		closeIn: c.term("close-inner-quote", "long", false),
	}
	c.and = c.term("and", "long", false)
	c.andSpaced = " " + c.and + " "
	c.rangeDelim = c.term("page-range-delimiter", "long", false)
	return c
}

// memoKey is a term lookup in a chain's memo: the name, and the form
// (long, short, verb, verb-short, symbol) and gender (none, masculine,
// feminine) by their index.
type memoKey struct {
	name         string
	form, gender uint8
}

// termMemo is the memo of a term name's lookups, by form and gender
// (memoKey.form*3 + memoKey.gender): the memo map is keyed by the name
// alone, a string to hash. Published in the memo, it is not changed.
type termMemo [15]struct {
	t    *term
	done bool
}

// memoKeyOf returns the memo key of a lookup; ok is false for another
// form or gender (not memoized).
func memoKeyOf(name, form, gender string) (memoKey, bool) {
	k := memoKey{name: name}
	switch form {
	case "long":
		k.form = 0
	case "short":
		k.form = 1
	case "verb":
		k.form = 2
	case "verb-short":
		k.form = 3
	case "symbol":
		k.form = 4
	default:
		return k, false
	}
	switch gender {
	case "":
		k.gender = 0
	case "masculine":
		k.gender = 1
	case "feminine":
		k.gender = 2
	default:
		return k, false
	}
	return k, true
}

// maxTermMemo bounds the term names in a chain's memo of term lookups
// (the terms a style and the processor look up are a few dozen).
const maxTermMemo = 1024

var formFallback = map[string][]string{
	"long":       {"long"},
	"short":      {"short", "long"},
	"verb":       {"verb", "long"},
	"verb-short": {"verb-short", "verb", "long"},
	"symbol":     {"symbol", "short", "long"},
}

// lookup finds a term; ok is false when no locale has it.
func (c *chain) lookup(name, form, gender string) (*term, bool) {
	if form == "" {
		form = "long"
	}
	k, ok := memoKeyOf(name, form, gender)
	if !ok {
		return c.lookupAll(name, form, gender)
	}
	slot := int(k.form)*3 + int(k.gender)
	if m := c.memo.Load(); m != nil {
		if tm := (*m)[name]; tm != nil && tm[slot].done {
			return tm[slot].t, tm[slot].t != nil
		}
	}
	t, ok := c.lookupAll(name, form, gender)
	c.memoMu.Lock()
	old := c.memo.Load()
	var m map[string]*termMemo
	if old == nil {
		m = map[string]*termMemo{}
	} else if len(*old) < maxTermMemo {
		m = make(map[string]*termMemo, len(*old)+1)
		for x, y := range *old {
			m[x] = y
		}
	}
	if m != nil {
		tm := new(termMemo)
		if prev := m[name]; prev != nil {
			*tm = *prev
		}
		tm[slot].t, tm[slot].done = t, true
		m[name] = tm
		c.memo.Store(&m)
	}
	c.memoMu.Unlock()
	return t, ok
}

func (c *chain) lookupAll(name, form, gender string) (*term, bool) {
	ff := formFallback[form]
	if ff == nil {
		ff = []string{form, "long"}
	}
	for _, f := range ff {
		for _, l := range c.locs {
			if gender != "" {
				if t, ok := l.terms[termKey{name, f, gender}]; ok {
					return t, true
				}
			}
			if t, ok := l.terms[termKey{name, f, ""}]; ok {
				return t, true
			}
		}
	}
	return nil, false
}

// termCache is a processor's memo of its chain's term lookups (the
// chain's own memo is shared by processors, a map to hash the name in):
// a slot for each of a few names and forms, by their lengths and ends. A
// processor is used by one goroutine at a time, as its cache is.
type termCache [64]struct {
	name, form string
	t          *term
	ok, set    bool
}

// term is chain.term, through the processor's cache when the context has
// one.
func (c *ctx) term(name, form string, plural bool) string {
	tc := c.terms
	if tc == nil || name == "" || form == "" {
		return c.loc.term(name, form, plural)
	}
	s := &tc[(uint(len(name))*7+uint(name[0])*3+uint(name[len(name)-1])+uint(len(form))*13+uint(form[0]))&63]
	if !s.set || s.name != name || s.form != form {
		s.name, s.form, s.set = name, form, true
		s.t, s.ok = c.loc.lookup(name, form, "")
	}
	if !s.ok {
		return ""
	}
	if plural {
		return s.t.multiple
	}
	return s.t.single
}

func (c *chain) term(name, form string, plural bool) string {
	t, ok := c.lookup(name, form, "")
	if !ok {
		return ""
	}
	if plural {
		return t.multiple
	}
	return t.single
}

func (c *chain) termGender(name string) string {
	t, ok := c.lookup(name, "long", "")
	if !ok {
		return ""
	}
	return t.gender
}

func (c *chain) dateFormat(form string) *el {
	for _, l := range c.locs {
		if e, ok := l.dates[form]; ok {
			return e
		}
	}
	return nil
}

// ordinalTerms returns the locale holding the ordinal terms in force:
// the first in the chain that defines any.
func (c *chain) ordinal(n int, gender string, long bool) string {
	if long && n >= 1 && n <= 10 {
		name := "long-ordinal-" + two(n)
		for _, l := range c.locs {
			if t, ok := l.terms[termKey{name, "long", gender}]; ok && gender != "" {
				return t.single
			}
			if t, ok := l.terms[termKey{name, "long", ""}]; ok {
				return t.single
			}
		}
	}
	var loc *Locale
	for _, l := range c.locs {
		if l.hasOrdinals {
			loc = l
			break
		}
	}
	s := itoa(n)
	if loc == nil {
		return s
	}
	get := func(name string) (*term, bool) {
		if gender != "" {
			if t, ok := loc.terms[termKey{name, "long", gender}]; ok {
				return t, true
			}
		}
		t, ok := loc.terms[termKey{name, "long", ""}]
		return t, ok
	}
	// whole-number, last-two-digits matches for 10–99
	if n >= 0 {
		if n < 100 {
			if t, ok := get("ordinal-" + two(n)); ok {
				if n >= 10 || t.match != "last-digit" || true {
					if n < 10 || t.match != "last-digit" {
						return s + t.single
					}
				}
			}
		} else {
			if t, ok := get("ordinal-" + two(n%100)); ok && t.match != "whole-number" && n%100 >= 10 {
				return s + t.single
			}
		}
		if t, ok := get("ordinal-" + two(n%100)); ok && (t.match == "last-two-digits" || (t.match == "" && n%100 >= 10)) && n%100 >= 10 {
			return s + t.single
		}
		if t, ok := get("ordinal-" + two(n%10)); ok && t.match != "whole-number" && (t.match != "last-two-digits") {
			return s + t.single
		}
	}
	if t, ok := get("ordinal"); ok {
		return s + t.single
	}
	// legacy CSL 1.0 terms ordinal-01..04
	return s
}

func two(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// enUS is the built-in en-US locale, parsed once when the package loads
// and never changed: it serves after any locale file.
var enUS = func() *Locale {
	l, err := ParseLocale(strings.NewReader(builtinEnUS()))
	if err != nil {
		panic("csl: built-in en-US locale: " + err.Error())
	}
	return l
}()

func defaultEnUS() *Locale { return enUS }

// termText is a term's text as citeproc-js reads it: its XML reader turns
// every line break into a space and drops the text between two tags that
// is only spaces and tabs, so a term written over lines with nothing in
// it is empty (not a run of spaces).
func termText(s string) string {
	if strings.ContainsAny(s, "\r\n") {
		s = strings.ReplaceAll(s, "\r\n", " ")
		s = strings.ReplaceAll(s, "\n", " ")
		s = strings.ReplaceAll(s, "\r", " ")
	}
	if s != "" && strings.Trim(s, " \t") == "" {
		return ""
	}
	return s
}
