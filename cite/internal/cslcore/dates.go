package cslcore

// Era is how citeproc-js writes a year: the number to print and the
// locale term that follows it — "bc" for a year before 1 (the number made
// positive), "ad" for a year from 1 to 499, none ("") for any other. So
// 44 BC is (44, "bc"), 410 is (410, "ad") and 800 is (800, "").
func Era(year int) (n int, term string) {
	switch {
	case year < 0:
		return -year, "bc"
	case year > 0 && year < 500:
		return year, "ad"
	}
	return year, ""
}
