package main

import (
	"bytes"
	"io"
	"strconv"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// runAnchor re-anchors annotations made on OLD's text in NEW's text.
func runAnchor(args []string, stdout, stderr io.Writer) int {
	var out bytes.Buffer
	err := anchor(args, &out, stdout)
	return finish(&out, err, stdout, stderr)
}

func anchor(args []string, out *bytes.Buffer, stdout io.Writer) error {
	const synopsis = "maisky anchor -old OLD.json -new NEW.json [-doc ID] ANNOTATIONS.jsonld"
	fs := newFlags("anchor")
	oldName := fs.String("old", "", "the `file` the annotations were made on")
	newName := fs.String("new", "", "the `file` with the changed text")
	doc := fs.String("doc", "", "the document with this `id`, when OLD and NEW are volumes")
	if err := parseFlags(fs, annoFlagsFirst(fs, args), stdout, synopsis); err != nil {
		return err
	}
	if *oldName == "" || *newName == "" {
		return usagef("-old and -new are required; usage: %s", synopsis)
	}
	if fs.NArg() != 1 {
		return usagef("want one ANNOTATIONS.jsonld; usage: %s", synopsis)
	}
	oldFile, err := readFile(*oldName)
	if err != nil {
		return err
	}
	newFile, err := readFile(*newName)
	if err != nil {
		return err
	}
	as, err := annoRead(fs.Arg(0), annotate.ReadOptions{Loose: true})
	if err != nil {
		return err
	}
	type key struct {
		doc  string
		kind maisky.VersionKind
	}
	type pair struct {
		old *annotate.Text
		re  *annotate.Reanchorer
	}
	pairs := map[key]pair{}
	for _, a := range as {
		id := a.ID
		if a.ReplyTo != "" || (a.Target.Quote.Exact == "" && a.Target.End <= a.Target.Start) {
			out.WriteString(id + "\texact\t0\t0\n")
			continue
		}
		docID := *doc
		if docID == "" && len(oldFile.Documents) > 1 {
			docID = a.Document
		}
		k := key{docID, a.Version}
		if k.kind == 0 {
			k.kind = maisky.Translation
		}
		p, ok := pairs[k]
		if !ok {
			od, err := oneDocument(oldFile, docID)
			if err != nil {
				return err
			}
			nd, err := oneDocument(newFile, od.ID)
			if err != nil {
				return err
			}
			ot, err := annotate.DocumentText(od, k.kind)
			if err != nil {
				return &fileError{*oldName, err}
			}
			nt, err := annotate.DocumentText(nd, k.kind)
			if err != nil {
				return &fileError{*newName, err}
			}
			p = pair{ot, annotate.NewReanchorer(ot, nt)}
			pairs[k] = p
		}
		tg := annoComplete(p.old, a.Target)
		m := p.re.Anchor(tg)
		out.WriteString(id + "\t" + m.Status.String() + "\t")
		if m.Status != annotate.Orphan {
			out.WriteString(strconv.Itoa(m.Start) + "\t" + strconv.Itoa(m.End))
		} else {
			out.WriteString("\t")
		}
		out.WriteByte('\n')
	}
	return nil
}

// annoComplete makes the target as the old text gives it: the passage is
// found in the old text (its recorded position, else its quote and
// context) and selected again there, with full context; a position
// selector alone is taken as it is. A target not found in the old text is
// kept as it is.
func annoComplete(old *annotate.Text, tg annotate.Target) annotate.Target {
	inText := tg.Start >= 0 && tg.End > tg.Start && tg.End <= old.Len()
	if tg.Quote.Exact == "" {
		if inText {
			if sel, err := old.Select(tg.Start, tg.End); err == nil {
				return sel
			}
		}
		return tg
	}
	m := old.Anchor(tg)
	if tg.Orphaned {
		m = old.AnchorNear(tg, 0)
	}
	if m.Status == annotate.Orphan {
		return tg
	}
	sel, err := old.Select(m.Start, m.End)
	if err != nil {
		return tg
	}
	return sel
}
