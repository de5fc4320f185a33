package csl

// topDisplays keeps the display attribute only where citeproc-js honours
// it: on a cs:text, cs:number, cs:date, cs:names or cs:group at the top
// of a layout (directly, or in a branch of a cs:choose there), with one
// of the four display values. citeproc-js opens its display div in
// CSL.Util.substituteStart only at render nesting level 0; an element
// inside a group, a macro (a cs:text calling a macro is a group) or a
// cs:names is one level down, and its display is dropped; a cs:label
// never opens one.
func (s *Style) topDisplays(order []*el) {
	top := map[*el]bool{}
	var mark func(kids []*el)
	mark = func(kids []*el) {
		for _, k := range kids {
			switch k.kind {
			case kChoose:
				for _, b := range k.branches {
					mark(b.kids)
				}
			case kText, kNumber, kDate, kNames, kGroup:
				top[k] = true
			}
		}
	}
	for _, ls := range []*layoutSpec{s.citation, s.bibliography} {
		if ls != nil && ls.layout != nil {
			mark(ls.layout.kids)
		}
	}
	for _, e := range order {
		if e.display == "" {
			continue
		}
		switch e.display {
		case "block", "left-margin", "right-inline", "indent":
			if top[e] {
				continue
			}
		}
		e.display = ""
	}
}
