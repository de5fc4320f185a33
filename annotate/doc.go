// Package annotate keeps readers' annotations on the archive's documents:
// notes on passages, highlights, tags and bookmarks, replies, reports and
// moderation, who may see and do what, and the Store that keeps them.
//
// # The model
//
// An [Annotation] follows the W3C Web Annotation Data Model: an IRI, the
// document and version it is on, its creator, created and modified times
// (UTC), a [Motivation] (commenting, highlighting, tagging, bookmarking,
// replying), a Markdown body and tags (one tagging body each), and a
// [Target]: a TextQuoteSelector ([Quote]: exact, prefix, suffix), a
// TextPositionSelector (Start, End in Unicode code points of the version's
// NFC plain text) and the print pages the passage lies on. A reply names
// the annotation it answers (ReplyTo); threads are one level deep.
// [Visibility] (Private, GroupOnly with a Group, Public) and [Moderation]
// (none, pending, approved, hidden, spam) say who may see it. Readers also
// keep [Bookmark]s (a document, optionally a page) and [DocumentTag]s, and
// file [Report]s.
//
// # Access
//
// A [Viewer] is a logged-in reader with the group memberships they claim
// (a store with a [Library] decides the groups it knows by its own
// membership; see The readers' library), possibly a moderator, or the zero Viewer, an anonymous visitor. [Viewer.Sees] and
// [Viewer.CanSee], CanEdit, CanDelete, CanReply, CanReport and CanModerate
// are the rules: a private annotation is seen by its creator only, a group
// one by the group's members, a concealed one (hidden or spam) by its
// creator and moderators only, and a reply by those who see it and the
// annotation it answers. Every rule depends on data a query can filter on
// (creator, visibility, group, moderation state), so a SQL store enforces
// it in its WHERE clause and never loads what a viewer may not see.
//
// # Stores
//
// [Store] is the interface every store implements: add, update with
// optimistic concurrency (a stale [Annotation.Revision] is [ErrConflict]),
// delete, get, [Query] (by document, version, creator, tag, print page,
// replies; paged by Limit and an opaque [Cursor] in (Created, ID) order),
// Count, reports and moderation, bookmarks and document tags. Each method
// takes a context and the viewer it acts for; what the viewer may not see
// is [ErrNotFound], exactly as if it did not exist, and is never counted
// or quoted in an error. [Memory] is the in-memory store;
// annotate/storetest holds the conformance tests every store runs,
// including a randomised privacy test of more than 10,000 cases.
//
// # Anchoring
//
// Positions count Unicode code points of a version's NFC plain text
// (maisky.Version.PlainText: what `maisky text` prints). [DocumentText]
// and [NewText] prepare a [Text]; [Text.Select] makes a reader's selection
// into a [Target] with ContextLen code points of context on each side
// (more when needed to make it unique) and its print pages; a selection
// outside the text is a [*SelectionError].
//
// When the text changes, [Text.Anchor] (or a [Reanchorer], which also
// knows the old text and so where an edit moved things) finds the passage
// again: the quote at its position with its context ([Exact]); else the
// quote with its prefix and suffix elsewhere, nearest to where it is
// expected ([Moved]); else the best candidate of a bit-parallel (Myers)
// edit-distance search, scored with the context, only above the strict
// threshold documented at [MinScore] ([Fuzzy], or Exact/Moved when the
// text found is the quote); otherwise the annotation is an [Orphan] —
// never attached to a passage that merely looks like it. Offsets never
// split a character from its combining marks. [Reanchor] moves an
// annotation's target to the match (or marks it Orphaned, its quote kept).
//
// # Export
//
// An export is always for a viewer and holds only what the viewer may
// see. [WriteJSONLD] writes a W3C AnnotationCollection (context
// http://www.w3.org/ns/anno.jsonld plus this package's [Namespace] terms,
// declared in the document's @context) with its AnnotationPage embedded,
// streamed from the store page by page in constant memory; [ReadJSONLD]
// reads it back exactly (and reads other tools' W3C annotations as far as
// the model goes); JSON that is not an annotation is a [*FormatError].
// [WriteMarkdown] writes a document's annotations grouped by print page,
// quote then note, with the document's citation from cite.
//
// # The readers' library
//
// [Library] sits beside Store: private [Group]s with [Member]s and
// [Role]s (owner, moderator, member), personal and group [Folder]s
// (nested, ordered, renamed, moved, deleted) and the documents, page
// ranges and annotations readers save in them as [Item]s. The store's
// membership is the truth: Library methods look the viewer's groups up
// in the store, and so do the Store methods of a store that keeps both:
// for every group the library knows, whether a viewer sees, shares with,
// replies in or moderates the group's annotations is decided by the
// store's membership — a group a viewer claims in Viewer.Groups without
// belonging to it counts for nothing, so nothing leaks to former members
// or across groups — while a group the library does not know (one the
// embedding service manages) is taken from Viewer.Groups as given. The
// SQL stores decide it in their visibility condition, with the library's
// membership table. [Library.Viewer] returns a viewer's groups from the
// store. Viewer.CanSeeFolder, CanEditFolder,
// CanDeleteFolder, CanSeeItem, CanSeeGroup, CanInvite, CanRemove,
// CanManageGroup and CanDeleteGroup are the rules. A deleted folder's
// items go to the unfiled list of whoever saved them; a member who leaves
// loses the group's folders and annotations at once; a deleted group's
// annotations become private to their creators (see Library). A folder
// exports as a bibliography in any style cite renders
// ([WriteFolderBibliography], sorted as the style sorts), CSL-JSON
// ([WriteFolderCSLJSON]), its documents for RIS ([FolderDocuments] with
// export/ris) and the annotations saved in it that the viewer may see
// ([WriteFolderAnnotations]), all streamed.
//
// # Share links
//
// A [Link] points at a document, a print page or a passage. [LinkFormat]
// writes it under the archive's base IRI, the passage as a W3C
// TextQuoteSelector in the fragment form of the W3C note "Selectors and
// States" (#selector(type=TextQuoteSelector,exact=…,prefix=…,suffix=…)),
// and parses it back with the offset of any problem ([LinkError]);
// [Link.Resolve] finds the passage with the anchoring of annotations,
// an orphan when it is gone.
//
// # Errors
//
// Every error unwraps to a sentinel: [ErrNotFound], [ErrForbidden],
// [ErrConflict], [ErrExists], [ErrInvalid], [ErrSelection],
// [ErrMalformed], [ErrLink]; typed errors ([*InputError], [*AccessError],
// [*ConflictError], [*NotFoundError], [*ExistsError], [*LinkError],
// [*FolderError]) carry the details.
package annotate
