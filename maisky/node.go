package maisky

// Node is a node of a version's body. The set of nodes is closed: blocks
// (*Heading, *Paragraph, *Commentary) and inlines (*Text, *Emphasis,
// *NoteRef, *PageBreak). No other type implements Node.
type Node interface {
	node()
}

// Block is a block-level node: *Heading, *Paragraph or *Commentary.
type Block interface {
	Node
	// Inlines returns the block's inline content.
	Inlines() []Inline
	block()
}

// Inline is an inline node: *Text, *Emphasis, *NoteRef or *PageBreak.
// NoteRef and PageBreak occur only at the top level of a block's content;
// Emphasis holds only Text and Emphasis.
type Inline interface {
	Node
	inline()
}

// Heading is a heading: level 1 is the entry's date heading as printed
// ("31 December"), level 2 a sub-heading inside the entry, such as the title
// of a memo attached to the diary.
type Heading struct {
	Level   int
	Content []Inline
}

// Paragraph is a paragraph of the text. Continued reports that the
// paragraph began on an earlier page that is not part of this text: it is set
// by Extract on the first block of an extract that starts mid-paragraph.
type Paragraph struct {
	Content   []Inline
	Continued bool
}

// Commentary is a block of the editor's commentary that stands between
// paragraphs or after the entry. Continued has the meaning it has for
// Paragraph.
type Commentary struct {
	Content   []Inline
	Continued bool
}

// Text is a run of plain text.
type Text struct {
	Value string
}

// Emphasis is emphasized (italic) text, such as a book or newspaper title.
type Emphasis struct {
	Content []Inline
}

// NoteRef anchors the footnote with the given ID at this point: right after
// the word, name or sentence it annotates.
type NoteRef struct {
	ID string
}

// PageBreak starts print page Page of the edition ("Page 59"). It may fall
// inside a paragraph, even mid-sentence. A break between two blocks is stored
// at the start of the following block's content; two consecutive breaks make
// the first page empty (a plate).
type PageBreak struct {
	Page int
}

func (*Heading) node()    {}
func (*Paragraph) node()  {}
func (*Commentary) node() {}
func (*Text) node()       {}
func (*Emphasis) node()   {}
func (*NoteRef) node()    {}
func (*PageBreak) node()  {}

func (*Heading) block()    {}
func (*Paragraph) block()  {}
func (*Commentary) block() {}

func (*Text) inline()      {}
func (*Emphasis) inline()  {}
func (*NoteRef) inline()   {}
func (*PageBreak) inline() {}

// Inlines returns the heading's content.
func (h *Heading) Inlines() []Inline { return h.Content }

// Inlines returns the paragraph's content.
func (p *Paragraph) Inlines() []Inline { return p.Content }

// Inlines returns the commentary's content.
func (c *Commentary) Inlines() []Inline { return c.Content }

// withContent returns a shallow copy of b holding content instead.
func withContent(b Block, content []Inline, continued bool) Block {
	switch b := b.(type) {
	case *Heading:
		return &Heading{Level: b.Level, Content: content}
	case *Paragraph:
		return &Paragraph{Content: content, Continued: continued}
	case *Commentary:
		return &Commentary{Content: content, Continued: continued}
	}
	return nil
}

// WalkStatus tells Walk how to go on after visiting a node.
type WalkStatus int

const (
	// WalkContinue goes on with the node's children and siblings.
	WalkContinue WalkStatus = iota
	// WalkSkipChildren skips the children of the node just entered.
	WalkSkipChildren
	// WalkStop ends the walk without an error.
	WalkStop
)

// WalkFunc is called by Walk for each node, once entering it and once
// leaving it (after its children).
type WalkFunc func(n Node, entering bool) (WalkStatus, error)

// Walk traverses n depth first, calling fn when entering and when leaving
// each node. A non-nil error from fn ends the walk and is returned.
// To walk a version, walk each of its blocks; footnote content is walked the
// same way, inline by inline.
func Walk(n Node, fn WalkFunc) error {
	_, err := walk(n, fn)
	return err
}

func walk(n Node, fn WalkFunc) (WalkStatus, error) {
	if n == nil {
		return WalkContinue, nil
	}
	st, err := fn(n, true)
	if err != nil || st == WalkStop {
		return WalkStop, err
	}
	if st != WalkSkipChildren {
		var kids []Inline
		switch n := n.(type) {
		case Block:
			kids = n.Inlines()
		case *Emphasis:
			kids = n.Content
		}
		for _, k := range kids {
			if st, err := walk(k, fn); err != nil || st == WalkStop {
				return WalkStop, err
			}
		}
	}
	st, err = fn(n, false)
	if err != nil || st == WalkStop {
		return WalkStop, err
	}
	return WalkContinue, nil
}
