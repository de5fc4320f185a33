package annotate

// Viewer is who is looking: a logged-in reader (User), the private groups
// they claim to belong to, and whether they moderate. The zero Viewer is
// an anonymous visitor: it sees public, unconcealed annotations and may
// write nothing; Groups and Moderator count only with a User.
//
// Groups is a claim. A Store that also keeps a [Library] weighs it
// against its own membership: for a group the library knows (one created
// with [Library.CreateGroup]) the store's membership decides, whether the
// viewer claims the group or not — a claimed group the viewer is not (or
// no longer) a member of counts for nothing, and a member sees the group
// without claiming it; only a group the store does not know (one the
// embedding service manages) is taken from Groups as given. The functions
// of this file apply the rules to the Viewer as it is; stores apply them
// to the viewer with its groups so decided (see [Store]).
type Viewer struct {
	User      string
	Groups    []string
	Moderator bool
}

// Anonymous reports whether the viewer is not logged in.
func (v Viewer) Anonymous() bool { return v.User == "" }

// Member reports whether the viewer belongs to group g by its Groups (a
// Store decides known groups by its membership; see Viewer).
func (v Viewer) Member(g string) bool {
	if v.User == "" || g == "" {
		return false
	}
	for _, x := range v.Groups {
		if x == g {
			return true
		}
	}
	return false
}

// IsModerator reports whether the viewer is a logged-in moderator.
func (v Viewer) IsModerator() bool { return v.User != "" && v.Moderator }

// Sees reports whether the viewer may see the annotation by its own fields:
//
//   - its creator always sees it;
//   - otherwise a Private one is seen by nobody else, a GroupOnly one by the
//     members of its group, a Public one by everyone;
//   - and a concealed one (moderation Hidden or Spam) only by moderators
//     among those.
//
// As a predicate a SQL store can put in its WHERE clause:
//
//	creator = :user OR (
//	  (visibility = 'public' OR (visibility = 'group' AND grp IN (:groups)))
//	  AND (moderation NOT IN ('hidden', 'spam') OR :moderator))
//
// (with :user never matching when the viewer is anonymous). A store that
// keeps a Library puts its membership in place of "grp IN (:groups)":
//
//	EXISTS (SELECT 1 FROM members m WHERE m.grp = grp AND m.usr = :user)
//	OR (grp IN (:groups) AND NOT EXISTS (SELECT 1 FROM groups g WHERE g.id = grp))
//
// A reply is seen only by a viewer who Sees both the reply and the
// annotation it answers: CanSee takes both.
func (v Viewer) Sees(a *Annotation) bool {
	if a == nil {
		return false
	}
	if v.User != "" && a.Creator == v.User {
		return true
	}
	switch a.Visibility {
	case Public:
	case GroupOnly:
		if !v.Member(a.Group) {
			return false
		}
	default:
		return false
	}
	return !a.Moderation.Concealed() || v.IsModerator()
}

// CanSee reports whether the viewer may see a, given the annotation it
// replies to (parent; nil for an annotation that is not a reply). A reply
// whose parent is missing is seen by nobody.
func (v Viewer) CanSee(a, parent *Annotation) bool {
	if !v.Sees(a) {
		return false
	}
	if a.ReplyTo == "" {
		return true
	}
	return parent != nil && parent.ID == a.ReplyTo && v.Sees(parent)
}

// CanEdit reports whether the viewer may change a (its creator only).
func (v Viewer) CanEdit(a, parent *Annotation) bool {
	return v.CanSee(a, parent) && v.User != "" && a.Creator == v.User
}

// CanDelete reports whether the viewer may delete a: its creator, or a
// moderator who sees it.
func (v Viewer) CanDelete(a, parent *Annotation) bool {
	return v.CanSee(a, parent) && v.User != "" && (a.Creator == v.User || v.IsModerator())
}

// CanReply reports whether the viewer may reply to a: a logged-in viewer
// who sees it, when it is not itself a reply and not concealed.
func (v Viewer) CanReply(a, parent *Annotation) bool {
	return v.CanSee(a, parent) && v.User != "" && a.ReplyTo == "" && !a.Moderation.Concealed()
}

// CanReport reports whether the viewer may report a: any logged-in viewer
// who sees it.
func (v Viewer) CanReport(a, parent *Annotation) bool {
	return v.CanSee(a, parent) && v.User != ""
}

// CanModerate reports whether the viewer may decide on a's reports: a
// moderator who sees it.
func (v Viewer) CanModerate(a, parent *Annotation) bool {
	return v.CanSee(a, parent) && v.IsModerator()
}

// CanSeeReport reports whether the viewer may see a report on a (whose
// parent is given for a reply): a moderator who sees a, or the reporter
// while they see a. Reports are never shown to the annotation's creator
// as such, nor to anyone else.
func (v Viewer) CanSeeReport(r *Report, a, parent *Annotation) bool {
	if r == nil || a == nil || r.Annotation != a.ID || v.User == "" || !v.CanSee(a, parent) {
		return false
	}
	return v.IsModerator() || r.Reporter == v.User
}

// Owns reports whether the viewer is the logged-in reader owner: the rule
// for bookmarks and document tags, which only their owner sees, changes
// and deletes.
func (v Viewer) Owns(owner string) bool { return v.User != "" && v.User == owner }
