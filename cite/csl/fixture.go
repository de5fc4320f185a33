package csl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Fixture is one fixture of the CSL test suite.
type Fixture struct {
	Mode          string
	Result        string
	CSL           string
	Input         json.RawMessage
	CitationItems json.RawMessage
	Citations     json.RawMessage
	BibEntries    json.RawMessage
	BibSection    json.RawMessage
}

var (
	fixOpen  = regexp.MustCompile(`^.*>>=+\s*([A-Z-]+)\s*=+>>.*`)
	fixClose = regexp.MustCompile(`^.*<<=+\s*([A-Z-]+)\s*=+<<.*`)
)

// ParseFixture reads a fixture in the suite's format.
func ParseFixture(r io.Reader) (*Fixture, error) {
	sec := map[string][]string{}
	var cur string
	reading := false
	data, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFixture, err)
	}
	first := true
	for _, line := range strings.Split(string(data), "\n") {
		if first {
			line = strings.TrimPrefix(line, "\ufeff")
			first = false
		}
		line = strings.TrimSuffix(line, "\r")
		marker := strings.Contains(line, ">>=") || strings.Contains(line, "<<=")
		if !marker {
			if reading {
				sec[cur] = append(sec[cur], line)
			}
			continue
		}
		if m := fixOpen.FindStringSubmatch(line); m != nil {
			cur = m[1]
			sec[cur] = []string{}
			reading = true
			continue
		}
		if fixClose.MatchString(line) {
			reading = false
			continue
		}
		if reading {
			sec[cur] = append(sec[cur], line)
		}
	}
	get := func(k string) string { return strings.Join(sec[k], "\n") }
	f := &Fixture{Mode: strings.TrimSpace(get("MODE")), Result: get("RESULT"), CSL: get("CSL")}
	if f.CSL == "" {
		return nil, fmt.Errorf("%w: no CSL section", ErrFixture)
	}
	raw := func(k string) (json.RawMessage, error) {
		s := strings.TrimSpace(get(k))
		if s == "" {
			return nil, nil
		}
		if !json.Valid([]byte(s)) {
			return nil, fmt.Errorf("%w: section %s is not JSON", ErrFixture, k)
		}
		return json.RawMessage(s), nil
	}
	if f.Input, err = raw("INPUT"); err != nil {
		return nil, err
	}
	if f.CitationItems, err = raw("CITATION-ITEMS"); err != nil {
		return nil, err
	}
	if f.Citations, err = raw("CITATIONS"); err != nil {
		return nil, err
	}
	if f.BibEntries, err = raw("BIBENTRIES"); err != nil {
		return nil, err
	}
	if f.BibSection, err = raw("BIBSECTION"); err != nil {
		return nil, err
	}
	return f, nil
}

type jsonCite struct {
	ID             json.RawMessage `json:"id"`
	Locator        any             `json:"locator"`
	Label          string          `json:"label"`
	Prefix         string          `json:"prefix"`
	Suffix         string          `json:"suffix"`
	SuppressAuthor any             `json:"suppress-author"`
	AuthorOnly     any             `json:"author-only"`
	Position       *int            `json:"position"`
	NearNote       any             `json:"near-note"`
}

func (j jsonCite) cite() CiteItem {
	var id any
	_ = json.Unmarshal(j.ID, &id)
	c := CiteItem{ID: scalar(id), Locator: scalar(j.Locator), Label: j.Label, Prefix: j.Prefix, Suffix: j.Suffix,
		SuppressAuthor: truthy(j.SuppressAuthor), AuthorOnly: truthy(j.AuthorOnly), NearNote: truthy(j.NearNote)}
	if j.Position != nil {
		c.HasPosition = true
		c.Position = Position(*j.Position)
	}
	return c
}

// Run runs the fixture as the suite's reference runner does and returns
// its output in the RESULT form.
func (f *Fixture) Run(locales *LocaleSet) (string, error) {
	return f.run(locales, false)
}

// run is Run, with the skipping of what cannot render (skip.go) off when
// full is set.
func (f *Fixture) run(locales *LocaleSet, full bool) (string, error) {
	st, err := ParseStyle(strings.NewReader(f.CSL))
	if err != nil {
		return "", err
	}
	var items []*Item
	if len(f.Input) > 0 {
		d := json.NewDecoder(bytes.NewReader(f.Input))
		var raw []map[string]any
		if err := d.Decode(&raw); err != nil {
			return "", fmt.Errorf("%w: %v", ErrItem, err)
		}
		for _, m := range raw {
			it, err := NewItem(m)
			if err != nil {
				return "", err
			}
			items = append(items, it)
		}
	}
	// the suite's runner builds an engine for each fixture and never
	// resets it (see rangeEngine)
	p := NewProcessor(st, Options{Locales: locales})
	p.engine = &rangeEngine{}
	p.full = full
	mode := f.Mode
	sub := ""
	if i := strings.IndexByte(mode, '-'); i >= 0 {
		mode, sub = mode[:i], mode[i+1:]
	}
	_ = sub
	byID := map[string]*Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	if len(f.BibEntries) > 0 {
		var sets [][]json.RawMessage
		if err := json.Unmarshal(f.BibEntries, &sets); err == nil && len(sets) > 0 {
			last := sets[len(sets)-1]
			p2 := NewProcessor(st, Options{Locales: locales})
			p2.engine = &rangeEngine{}
			p2.full = full
			for _, r := range last {
				var id any
				_ = json.Unmarshal(r, &id)
				if it := byID[scalar(id)]; it != nil {
					p2.Register(it)
				}
			}
			p = p2
		}
	} else if len(f.Citations) == 0 {
		p.Register(items...)
	}
	var lines []string
	switch {
	case len(f.CitationItems) > 0:
		var cits [][]jsonCite
		if err := json.Unmarshal(f.CitationItems, &cits); err != nil {
			return "", fmt.Errorf("%w: CITATION-ITEMS: %v", ErrFixture, err)
		}
		for _, c := range cits {
			var cs []CiteItem
			for _, j := range c {
				cs = append(cs, j.cite())
			}
			lines = append(lines, p.Cite(cs).HTML())
		}
	case len(f.Citations) > 0:
		out, err := p.runCitations(f.Citations, byID)
		if err != nil {
			return "", err
		}
		lines = out
	default:
		var cs []CiteItem
		p.prepare()
		// the registry's order: the bibliography's sort, if any
		for _, it := range p.order {
			cs = append(cs, CiteItem{ID: it.ID})
		}
		lines = append(lines, p.Cite(cs).HTML())
	}
	if mode == "bibliography" {
		return p.bibliographyHTML(), nil
	}
	return strings.Join(lines, "\n"), nil
}

type jsonCitation struct {
	CitationID    string     `json:"citationID"`
	CitationItems []jsonCite `json:"citationItems"`
	Properties    struct {
		NoteIndex int `json:"noteIndex"`
	} `json:"properties"`
}

// runCitations drives processCitationCluster-like calls.
func (p *Processor) runCitations(raw json.RawMessage, byID map[string]*Item) ([]string, error) {
	var calls [][]json.RawMessage
	if err := json.Unmarshal(raw, &calls); err != nil {
		return nil, fmt.Errorf("%w: CITATIONS: %v", ErrFixture, err)
	}
	known := map[string]*jsonCitation{}
	prevSig := map[string]string{}
	var lastDoc []string
	var lastOut map[string]string
	changed := map[string]bool{}
	for _, call := range calls {
		if len(call) < 1 {
			continue
		}
		var c jsonCitation
		if err := json.Unmarshal(call[0], &c); err != nil {
			return nil, fmt.Errorf("%w: CITATIONS: %v", ErrFixture, err)
		}
		known[c.CitationID] = &c
		var pre, post [][]any
		if len(call) > 1 {
			_ = json.Unmarshal(call[1], &pre)
		}
		if len(call) > 2 {
			_ = json.Unmarshal(call[2], &post)
		}
		var doc []string
		for _, x := range pre {
			if len(x) > 0 {
				id := scalar(x[0])
				doc = append(doc, id)
				if len(x) > 1 {
					if k := known[id]; k != nil {
						if n, ok := toInt(x[1]); ok {
							k.Properties.NoteIndex = n
						}
					}
				}
			}
		}
		doc = append(doc, c.CitationID)
		for _, x := range post {
			if len(x) > 0 {
				id := scalar(x[0])
				doc = append(doc, id)
				if len(x) > 1 {
					if k := known[id]; k != nil {
						if n, ok := toInt(x[1]); ok {
							k.Properties.NoteIndex = n
						}
					}
				}
			}
		}
		// register cited items in document order
		p.items = nil
		p.index = nil
		for _, id := range doc {
			k := known[id]
			if k == nil {
				continue
			}
			for _, ci := range k.CitationItems {
				cc := ci.cite()
				if it := byID[cc.ID]; it != nil && p.Item(cc.ID) == nil {
					p.Register(it)
				}
			}
		}
		var cits []Citation
		for _, id := range doc {
			k := known[id]
			if k == nil {
				continue
			}
			ct := Citation{ID: id, NoteIndex: k.Properties.NoteIndex}
			for _, ci := range k.CitationItems {
				ct.Items = append(ct.Items, ci.cite())
			}
			cits = append(cits, ct)
		}
		p.dirty = true
		p.positions = map[string]string{}
		rs := p.CiteDocument(cits)
		out := map[string]string{}
		sigs := map[string]string{}
		changed = map[string]bool{}
		for i, ct := range cits {
			s := rs[i].HTML()
			out[ct.ID] = s
			// citeproc-js re-renders, and reports, a citation whose
			// items changed number or disambiguation even when its
			// text is the same
			sig := s + "\x00" + p.positions[ct.ID]
			if p.style.usesFirstRef {
				sig += fmt.Sprint("\x00", ct.NoteIndex)
			}
			for _, ci := range ct.Items {
				sig += "\x00" + p.itemSignature(ci.ID)
			}
			sigs[ct.ID] = sig
			if old, ok := prevSig[ct.ID]; !ok || old != sig || ct.ID == c.CitationID {
				changed[ct.ID] = true
			}
		}
		prevSig = sigs
		lastDoc = doc
		lastOut = out
	}
	var lines []string
	for i, id := range lastDoc {
		mark := ".."
		if changed[id] {
			mark = ">>"
		}
		lines = append(lines, fmt.Sprintf("%s[%d] %s", mark, i, lastOut[id]))
	}
	return lines, nil
}

// itemSignature sums up what the processor decided for an item: its
// citation number and disambiguation.
func (p *Processor) itemSignature(id string) string {
	sig := ""
	if p.style.usesNumber {
		sig = fmt.Sprint(p.number(id))
	}
	if st := p.st(id); st != nil {
		sig += fmt.Sprint(st.addNames, st.disambig, st.yearSuffix, st.givenLevel)
	}
	return sig
}
