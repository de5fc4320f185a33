package annotate

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/maisky"
	"golang.org/x/text/unicode/norm"
)

// Limits on what an annotation holds. Stores refuse more with an
// *InputError.
const (
	// MaxText is the most bytes of a body, a quote's exact text or a
	// report's reason.
	MaxText = 1 << 20
	// MaxField is the most bytes of an id, a tag, a quote's prefix or
	// suffix, a group, a user id or a bookmark's note.
	MaxField = 1024
	// MaxTags is the most tags on one annotation.
	MaxTags = 100
)

// Normalize returns a copy of a with its text in the form stores keep:
// body, quote, tags and ids in NFC, tags trimmed, times in UTC to the
// microsecond. It does not check anything; Validate does.
func (a *Annotation) Normalize() *Annotation {
	c := a.Clone()
	c.Body = norm.NFC.String(c.Body)
	c.Target.Quote.Exact = norm.NFC.String(c.Target.Quote.Exact)
	c.Target.Quote.Prefix = norm.NFC.String(c.Target.Quote.Prefix)
	c.Target.Quote.Suffix = norm.NFC.String(c.Target.Quote.Suffix)
	for i, t := range c.Tags {
		c.Tags[i] = NormalizeTag(t)
	}
	c.Created = Timestamp(c.Created)
	c.Modified = Timestamp(c.Modified)
	return c
}

// NormalizeTag returns a tag as stores keep it: trimmed, NFC.
func NormalizeTag(t string) string { return strings.TrimSpace(norm.NFC.String(t)) }

// Timestamp returns t in UTC truncated to the microsecond, as stores keep
// times; the zero time stays zero.
func Timestamp(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC().Truncate(time.Microsecond)
}

// Validate checks a's fields against the rules of the model and returns an
// *InputError for the first one broken. It does not check access (who may
// do what) or whether a reply's parent exists: stores do.
func (a *Annotation) Validate() error {
	bad := func(field, msg string) error { return &InputError{Field: field, Msg: msg} }
	if a == nil {
		return bad("annotation", "missing")
	}
	if a.ID != "" {
		if err := checkIRI("id", a.ID); err != nil {
			return err
		}
	}
	if err := checkField("document", a.Document, true); err != nil {
		return err
	}
	if a.Version != 0 && a.Version != maisky.Translation && a.Version != maisky.Transcription {
		return bad("version", "unknown version "+strconv.Itoa(int(a.Version))+"; allowed: translation, transcription")
	}
	if err := checkField("creator", a.Creator, true); err != nil {
		return err
	}
	if a.Motivation < Commenting || a.Motivation > Replying {
		return bad("motivation", "unknown motivation "+strconv.Itoa(int(a.Motivation)))
	}
	if a.Visibility < Private || a.Visibility > Public {
		return bad("visibility", "unknown visibility "+strconv.Itoa(int(a.Visibility)))
	}
	if a.Moderation < Unmoderated || a.Moderation > Spam {
		return bad("moderation", "unknown moderation state "+strconv.Itoa(int(a.Moderation)))
	}
	if a.Visibility == GroupOnly {
		if err := checkField("group", a.Group, true); err != nil {
			return err
		}
	} else if a.Group != "" {
		return bad("group", "a group is given only with visibility group")
	}
	if !utf8.ValidString(a.Body) {
		return bad("body", "not UTF-8")
	}
	if len(a.Body) > MaxText {
		return bad("body", "longer than "+strconv.Itoa(MaxText)+" bytes")
	}
	if len(a.Tags) > MaxTags {
		return bad("tags", "more than "+strconv.Itoa(MaxTags)+" tags")
	}
	for i, t := range a.Tags {
		f := "tags[" + strconv.Itoa(i) + "]"
		if err := checkField(f, t, true); err != nil {
			return err
		}
		if t != strings.TrimSpace(t) {
			return bad(f, "a tag has no space before or after it")
		}
		for _, u := range a.Tags[:i] {
			if u == t {
				return bad(f, "tag "+excerpt(t)+" is given twice")
			}
		}
	}
	if !a.Created.IsZero() && !a.Modified.IsZero() && a.Modified.Before(a.Created) {
		return bad("modified", "before created")
	}
	switch a.Motivation {
	case Commenting, Replying:
		if strings.TrimSpace(a.Body) == "" {
			return bad("body", "a "+a.Motivation.String()+" annotation needs a note")
		}
	case Tagging:
		if len(a.Tags) == 0 {
			return bad("tags", "a tagging annotation needs a tag")
		}
	}
	if (a.Motivation == Replying) != (a.ReplyTo != "") {
		return bad("replyTo", "a reply has motivation replying and names the annotation it answers, and only a reply does")
	}
	if a.ReplyTo != "" {
		if err := checkIRI("replyTo", a.ReplyTo); err != nil {
			return err
		}
		if !a.Target.IsZero() {
			return bad("target", "a reply targets the annotation it answers, not a passage")
		}
		return nil
	}
	return a.Target.validate()
}

func (t Target) validate() error {
	bad := func(field, msg string) error { return &InputError{Field: field, Msg: msg} }
	q := t.Quote
	if !utf8.ValidString(q.Exact) || !utf8.ValidString(q.Prefix) || !utf8.ValidString(q.Suffix) {
		return bad("target.quote", "not UTF-8")
	}
	if len(q.Exact) > MaxText {
		return bad("target.quote.exact", "longer than "+strconv.Itoa(MaxText)+" bytes")
	}
	if len(q.Prefix) > MaxField || len(q.Suffix) > MaxField {
		return bad("target.quote", "a prefix or suffix longer than "+strconv.Itoa(MaxField)+" bytes")
	}
	if q.Exact == "" && (q.Prefix != "" || q.Suffix != "") {
		return bad("target.quote.exact", "a quote with context needs its exact text")
	}
	if t.Start < 0 || t.End < t.Start {
		return bad("target.start", "positions "+strconv.Itoa(t.Start)+"–"+strconv.Itoa(t.End)+" are not a span (0 ≤ start ≤ end)")
	}
	if t.Orphaned {
		if t.Start != 0 || t.End != 0 {
			return bad("target.start", "an orphaned annotation has no position")
		}
		if q.Exact == "" {
			return bad("target.quote.exact", "an orphaned annotation keeps its quote")
		}
	} else if q.Exact != "" {
		if n := utf8.RuneCountInString(q.Exact); t.End-t.Start != n {
			return bad("target.end", "positions "+strconv.Itoa(t.Start)+"–"+strconv.Itoa(t.End)+" do not span the quote's "+strconv.Itoa(n)+" code points")
		}
	} else if t.End != 0 {
		return bad("target.quote.exact", "a position needs the quote it selected")
	}
	if t.Pages != (maisky.PageRange{}) && (t.Pages.First < 1 || t.Pages.Last < t.Pages.First) {
		return bad("target.pages", "pages "+t.Pages.String()+" are not a range of print pages")
	}
	return nil
}

func checkField(field, s string, required bool) error {
	switch {
	case s == "" && required:
		return &InputError{Field: field, Msg: "missing"}
	case len(s) > MaxField:
		return &InputError{Field: field, Msg: "longer than " + strconv.Itoa(MaxField) + " bytes"}
	case !utf8.ValidString(s):
		return &InputError{Field: field, Msg: "not UTF-8"}
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return &InputError{Field: field, Msg: "control characters are not allowed"}
		}
	}
	return nil
}

// checkIRI accepts an absolute IRI: a scheme, a colon, no spaces.
func checkIRI(field, s string) error {
	if err := checkField(field, s, true); err != nil {
		return err
	}
	colon := strings.IndexByte(s, ':')
	ok := colon > 0 && colon < len(s)-1 && !strings.ContainsAny(s, " <>\"{}|\\^`")
	if ok {
		for i := 0; i < colon; i++ {
			c := s[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
				ok = false
				break
			}
		}
	}
	if !ok {
		return &InputError{Field: field, Msg: "not an absolute IRI (such as urn:uuid:… or https://…): " + excerpt(s)}
	}
	return nil
}

func validUTF8(s string) bool { return utf8.ValidString(s) }
