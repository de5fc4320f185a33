package csl

// Subsequent-author-substitute as citeproc-js does it.
//
// citeproc-js decides once per bibliography entry whether the entry's
// names repeat the previous entry's, and the string it compares is not
// the names as printed: it is the raw names rendered by the entry's
// first cs:names element, each as its name parts run together
// (non-dropping particle, family, given, dropping particle, suffix,
// literal), joined by commas. So "Hartley, Margaret, et al." (one name
// shown before "et al.") repeats "Hartley, Margaret.", and a title that
// a cs:substitute renders in place of the names is compared as written
// ("Maisky, Ivan" is not the person Maisky Ivan).
//
// When it decides: a cs:names element (every one but a child-less
// cs:names inside a cs:substitute, which stands in for the one around
// it) starts a new string, unless something was already printed in the
// entry (then the entry substitutes nothing). The first end, after that
// start, of a cs:names element or of a cs:text whose variable the item
// has, compares the string with the last one and ends the matter for the
// entry. So a cs:names inside cs:substitute with a cs:name of its own
// (MLA's "guest") that has nothing to print ends it before a later
// substitute (an editor, a title) renders: those entries are never
// substituted, nor do they become the names the next entry compares with.
//
// The rules, with S the string and L the last one:
//   - complete-all: when S equals L, the first variable's names (all of
//     them and their et-al) become the substitute, with the label after
//     them kept; a label before them goes. A substituted title keeps its
//     own quotes and affixes (“---”).
//   - complete-each: when S equals L, every name becomes the substitute.
//   - partial-each, partial-first: the names are compared one by one from
//     the first; each that equals the last entry's name at its place
//     becomes the substitute, until one differs (or after the first).
//     L becomes the names of this entry even when it has none.
//
// A substituted title (a variable citeproc-js renders as a multilingual
// field) counts for complete-each and the partial rules as one "name":
// the output of its group so far.

// sasState follows one bibliography's subsequent-author-substitute. A
// processor keeps one (Processor.sas) and its buffers from call to call.
type sasState struct {
	str  string
	rule string
	// last is the last string compared (haveLast: one was set), and
	// lastEnds where its names end (the partial rules compare them one
	// by one)
	last     []byte
	lastEnds []int
	haveLast bool

	// the entry being rendered
	done    bool // decided (or something printed before the names)
	started bool // a cs:names started the string
	// key is the string: the names joined by commas, ends where each
	// ends
	key      []byte
	ends     []int
	children []*onode // the rendered names (or a title's group)
	top      *onode   // the output of the names that rendered
	label    *onode   // the label after the names
	// listNames and listKids pass nameList's names and nodes to names
	listNames []Name
	listKids  []*onode
	// pending is set when a substituted title is to be replaced in its
	// group's output (see sasResolve): pendAll for the group's first
	// output, pendLevel for all of its output so far
	pending   uint8
	titleNode *onode
	// replaced: the substitute took the place of something
	replaced bool
	// printed: the entry printed a text, date, label or names (not a
	// citation number), citeproc-js's term_predecessor: a cs:names that
	// starts after it substitutes nothing
	printed bool
}

const (
	pendNone uint8 = iota
	pendAll
	pendLevel
)

// start starts a bibliography.
func (s *sasState) start(str, rule string) {
	s.str, s.rule = str, rule
	s.last, s.lastEnds, s.haveLast = s.last[:0], s.lastEnds[:0], false
}

// reset starts an entry.
func (s *sasState) reset() {
	s.done, s.started = false, false
	s.key, s.ends = s.key[:0], s.ends[:0]
	clear(s.children)
	s.children = s.children[:0]
	s.top, s.label = nil, nil
	s.listNames, s.listKids = nil, nil
	s.pending, s.titleNode = pendNone, nil
	s.replaced, s.printed = false, false
}

// collecting reports whether the entry's string is being built.
func (s *sasState) collecting() bool { return s != nil && s.started && !s.done }

// add appends a name (or a substituted text) to the string.
func (s *sasState) add(parts ...string) {
	if len(s.ends) > 0 {
		s.key = append(s.key, ',')
	}
	for _, p := range parts {
		s.key = append(s.key, p...)
	}
	s.ends = append(s.ends, len(s.key))
}

// name is the i-th name of a string and its ends.
func name(key []byte, ends []int, i int) []byte {
	from := 0
	if i > 0 {
		from = ends[i-1] + 1
	}
	return key[from:ends[i]]
}

// keep makes the entry's string the last one, with its first n names
// (all of them: n < 0).
func (s *sasState) keep(n int) {
	if n < 0 || n >= len(s.ends) {
		s.last = append(s.last[:0], s.key...)
		s.lastEnds = append(s.lastEnds[:0], s.ends...)
	} else {
		s.lastEnds = append(s.lastEnds[:0], s.ends[:n]...)
		end := 0
		if n > 0 {
			end = s.ends[n-1]
		}
		s.last = append(s.last[:0], s.key[:end]...)
	}
	s.haveLast = true
}

// sasNamesStart is citeproc-js's start of a cs:names element.
func (c *ctx) sasNamesStart() {
	s := c.sas
	if s.done {
		return
	}
	if s.printed {
		// something printed before the names: no substitution
		s.done = true
		return
	}
	s.started = true
	s.key, s.ends = s.key[:0], s.ends[:0]
	clear(s.children)
	s.children = s.children[:0]
	s.top, s.label = nil, nil
}

// sasNames records the names of one variable that a cs:names rendered,
// and the label after them.
func (c *ctx) sasNames(out, label *onode) {
	s := c.sas
	for i := range s.listNames {
		n := &s.listNames[i]
		s.add(n.NonDroppingParticle, n.Family, n.Given, n.DroppingParticle, n.Suffix, n.Literal)
	}
	for _, k := range s.listKids {
		if k != nil {
			s.children = append(s.children, k)
		}
	}
	s.listNames, s.listKids = nil, nil
	s.top = out
	if label != nil {
		s.label = label
	}
}

// sasNamesEnd is citeproc-js's end of a cs:names element: the decision.
func (c *ctx) sasNamesEnd() {
	s := c.sas
	if !s.started || s.done {
		return
	}
	s.done = true
	switch s.rule {
	case "partial-each", "partial-first":
		c.sasPartial()
	default:
		if !s.matchAll() {
			return
		}
		if s.rule == "complete-each" {
			for _, k := range s.children {
				c.sasReplace(k)
			}
			return
		}
		top := s.top
		if top == nil {
			return
		}
		top.memo = 0
		switch {
		case s.label != nil:
			top.text = ""
			top.kids = append(c.room(2), c.leaf(s.str), s.label)
			s.replaced = true
		case len(top.kids) > 0:
			c.sasReplace(top.kids[0])
		default:
			c.sasReplace(top)
		}
	}
}

// sasPartial applies the partial rules to the names rendered.
func (c *ctx) sasPartial() {
	s := c.sas
	dosub := true
	for i, k := range s.children {
		if dosub && s.haveLast && i < len(s.ends) && i < len(s.lastEnds) {
			cur := name(s.key, s.ends, i)
			if len(cur) > 0 && string(cur) == string(name(s.last, s.lastEnds, i)) {
				c.sasReplace(k)
				if s.rule == "partial-first" {
					dosub = false
				}
				continue
			}
		}
		dosub = false
	}
	s.keep(len(s.children))
}

// sasText is citeproc-js's end of a cs:text with a variable: a title
// rendered by a cs:substitute is the entry's string, and the first such
// end after a cs:names start decides.
func (c *ctx) sasText(e *el, o *onode) {
	s := c.sas
	if !s.started || s.done {
		return
	}
	if e.varID == 0 || c.absent(e.varID) {
		// citeproc-js goes on when the item has no such variable
		return
	}
	if !c.substituting || o.empty() {
		c.sasNamesEnd()
		return
	}
	s.add(c.item.vars[e.variable])
	multi := multiField(e.variable)
	clear(s.children)
	s.children = s.children[:0]
	s.top, s.label = nil, nil
	s.done = true
	switch s.rule {
	case "partial-each", "partial-first":
		if !multi {
			// nothing to replace: its names are none
			s.keep(0)
			return
		}
		// the one "name" is the title's group so far, replaced when it
		// matches the last entry's first name
		cur := name(s.key, s.ends, 0)
		if s.haveLast && len(s.lastEnds) > 0 && len(cur) > 0 && string(cur) == string(name(s.last, s.lastEnds, 0)) {
			s.pending, s.titleNode = pendLevel, o
		}
		s.keep(1)
	default:
		if !s.matchAll() {
			return
		}
		if s.rule == "complete-each" {
			if multi {
				s.pending, s.titleNode = pendLevel, o
			}
			return
		}
		s.pending, s.titleNode = pendAll, o
	}
}

// sasResolve replaces a substituted title in the output of its group (a
// cs:group, a macro, the layout): l holds the group's children before o,
// the output that holds the title. citeproc-js replaces the group's first
// output (pendAll: an earlier child, or the title itself), or all of its
// output so far (pendLevel). It returns what takes o's place.
func (c *ctx) sasResolve(l *kidList, o *onode) *onode {
	s := c.sas
	mode, title := s.pending, s.titleNode
	s.pending, s.titleNode = pendNone, nil
	switch mode {
	case pendAll:
		switch {
		case l.one != nil:
			c.sasReplace(l.one)
		case l.n != nil && len(l.n.kids) > 0:
			c.sasReplace(l.n.kids[0])
		default:
			c.sasReplace(title)
		}
	case pendLevel:
		l.one = nil
		if l.n != nil {
			l.n.kids = l.n.kids[:0]
			l.n.memo = 0
		}
		s.replaced = true
		return c.leaf(s.str)
	}
	return o
}

// sasReplace makes a node's content the substitute, keeping its affixes
// and formatting.
func (c *ctx) sasReplace(n *onode) {
	if n == nil {
		return
	}
	n.memo = 0
	n.text = c.sas.str
	n.kids = nil
	n.tag = tagNone
	c.sas.replaced = true
}

// multiField reports whether citeproc-js renders a variable as a
// multilingual field (its transform), which makes the group of a
// substituted one its "name" for the complete-each and partial rules.
func multiField(v string) bool {
	switch v {
	case "event", "publisher", "publisher-place", "event-place", "title", "container-title",
		"collection-title", "authority", "genre", "title-short", "medium", "country",
		"jurisdiction", "archive", "archive-place", "language-name", "language-name-original":
		return true
	}
	return false
}

// matchAll is the decision of the complete rules: whether the entry's
// string equals the last entry's. The string, when there is one, becomes
// the last for the next entry.
func (s *sasState) matchAll() bool {
	if len(s.key) == 0 {
		return false
	}
	same := s.haveLast && string(s.key) == string(s.last)
	s.keep(-1)
	return same
}
