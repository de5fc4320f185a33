package cite

// A personal name without a family name ({"given": "Plato"}) is, for
// citeproc-js, a name whose family part is empty, not an institution: the
// long forms print the given name (after a non-dropping particle: "de
// Plato"; a suffix is dropped), and the short form, which is the family
// name with its non-dropping particle, prints nothing but that particle.
// A short name list leaves such empty names out, and the group around it
// goes on as if the names were printed (no substitute): MLA's "(4)",
// Chicago's "(1935, 4)" and "The Republic, 4", "Smith" for Plato and
// Anna Smith.

// noFamilyName is what writeName prints for a personal name without a
// family name (n.Family == "" and n.Given != "").
func noFamilyName(n *Name, short bool) string {
	if short {
		return n.NonDroppingParticle
	}
	return joinSp(n.NonDroppingParticle, n.Given)
}

// shortNameEmpty reports whether a name prints nothing in the short form.
func shortNameEmpty(n *Name) bool {
	return n.Literal == "" && n.Family == "" && n.Given != "" && n.NonDroppingParticle == ""
}

// visibleNames is list without the names that print nothing in the short
// form (list itself when there are none, or when not short).
func visibleNames(list []Name, short bool) []Name {
	if !short {
		return list
	}
	drop := 0
	for i := range list {
		if shortNameEmpty(&list[i]) {
			drop++
		}
	}
	if drop == 0 {
		return list
	}
	out := make([]Name, 0, len(list)-drop)
	for i := range list {
		if !shortNameEmpty(&list[i]) {
			out = append(out, list[i])
		}
	}
	return out
}
