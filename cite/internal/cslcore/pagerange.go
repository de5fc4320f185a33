package cslcore

import "strconv"

// RangeEnd returns the second number b of a page range a–b as the CSL
// page-range-format f writes it, as citeproc-js does: "expanded" (or
// "") in full, "minimal" with the digits that change, "minimal-two" with
// at least two, "chicago" (and "chicago-15", "chicago-16") by the Chicago
// Manual's rules (101–8, 321–28, 1496–504, 1100–1113). An abbreviated b
// is expanded first (321–8 is read as 321–328); a b that is not a number,
// or not greater than a once expanded, is returned as typed ("101–1",
// "1496–5", "42–42").
func RangeEnd(a, b, f string) string {
	ai, err1 := strconv.Atoi(a)
	bi, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || f == "" {
		return b
	}
	typed := b
	if len(b) < len(a) {
		// "321-28" expand first
		b = a[:len(a)-len(b)] + b
		bi, _ = strconv.Atoi(b)
	}
	if bi <= ai {
		// not a range forward: as typed ("101–1", "1496–5")
		return typed
	}
	switch f {
	case "expanded":
		return b
	case "minimal":
		return minimal(a, b, 1)
	case "minimal-two":
		return minimal(a, b, 2)
	case "chicago", "chicago-15", "chicago-16":
		if ai < 100 || ai%100 == 0 {
			return b
		}
		if ai%100 < 10 {
			return minimal(a, b, 1)
		}
		if len(a) == 4 && f == "chicago" || len(a) == 4 && f == "chicago-15" {
			// four digits: two if only the last two change, else all
			if a[:2] != b[:2] {
				return b
			}
		}
		return minimal(a, b, 2)
	}
	return b
}

func minimal(a, b string, min int) string {
	if len(a) != len(b) {
		return b
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(b)-i < min {
		i = len(b) - min
		if i < 0 {
			i = 0
		}
	}
	return b[i:]
}
