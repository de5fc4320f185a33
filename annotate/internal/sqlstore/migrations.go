package sqlstore

import "strings"

// Migration is one step of the schema. Open applies the pending ones in
// order, all in one transaction (so a crash leaves the schema as it was),
// and records each in schema_migrations.
//
// To change the schema, append a Migration with the next Version: never
// edit one that has been released. The SQL is the same for SQLite and
// PostgreSQL, written in the subset both accept; {{BYTES}} is replaced by
// the dialect's byte-string type (BLOB, BYTEA), used for the fields that
// may hold any UTF-8 text, NUL included (PostgreSQL's {{TEXT}} refuses NUL).
type Migration struct {
	Version int
	Name    string
	SQL     []string
}

// Migrations is the schema, oldest first. Versions are 1, 2, 3, … without
// gaps.
var Migrations = []Migration{
	{
		Version: 1,
		Name:    "annotations, tags, reports, bookmarks, document tags",
		SQL: []string{
			`CREATE TABLE annotations (
				id          {{TEXT}} PRIMARY KEY,
				document    {{TEXT}} NOT NULL,
				version     INTEGER NOT NULL,
				creator     {{TEXT}} NOT NULL,
				created     BIGINT NOT NULL,
				modified    BIGINT NOT NULL,
				motivation  INTEGER NOT NULL,
				body        {{BYTES}} NOT NULL,
				tags        {{TEXT}} NOT NULL,
				quote_exact {{BYTES}} NOT NULL,
				quote_prefix {{BYTES}} NOT NULL,
				quote_suffix {{BYTES}} NOT NULL,
				start_pos   INTEGER NOT NULL,
				end_pos     INTEGER NOT NULL,
				page_first  INTEGER NOT NULL,
				page_last   INTEGER NOT NULL,
				orphaned    INTEGER NOT NULL,
				reply_to    {{TEXT}} REFERENCES annotations (id) ON DELETE CASCADE,
				visibility  INTEGER NOT NULL,
				grp         {{TEXT}} NOT NULL,
				moderation  INTEGER NOT NULL,
				revision    BIGINT NOT NULL
			)`,
			// Query by document (the reading view), by everything (export),
			// by creator (a reader's own), by group, by replies, by page.
			// The reading view's index covers the columns of the
			// visibility condition, so that rows a viewer may not see are
			// passed over in the index, never read from the table.
			`CREATE INDEX annotations_document ON annotations (document, created, id, visibility, moderation, creator, grp, reply_to)`,
			`CREATE INDEX annotations_created ON annotations (created, id)`,
			`CREATE INDEX annotations_creator ON annotations (creator, document, created, id)`,
			`CREATE INDEX annotations_group ON annotations (grp, document, created, id) WHERE visibility = 1`,
			`CREATE INDEX annotations_public ON annotations (document, created, id) WHERE visibility = 2`,
			`CREATE INDEX annotations_reply ON annotations (reply_to, created, id) WHERE reply_to IS NOT NULL`,
			`CREATE INDEX annotations_page ON annotations (document, page_first, page_last) WHERE page_first > 0`,
			`CREATE TABLE annotation_tags (
				annotation_id {{TEXT}} NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
				tag           {{TEXT}} NOT NULL,
				PRIMARY KEY (annotation_id, tag)
			)`,
			`CREATE INDEX annotation_tags_tag ON annotation_tags (tag, annotation_id)`,
			`CREATE TABLE reports (
				id            {{TEXT}} PRIMARY KEY,
				annotation_id {{TEXT}} NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
				reporter      {{TEXT}} NOT NULL,
				reason        {{BYTES}} NOT NULL,
				created       BIGINT NOT NULL,
				status        INTEGER NOT NULL,
				resolved      BIGINT NOT NULL,
				resolved_by   {{TEXT}} NOT NULL
			)`,
			`CREATE INDEX reports_created ON reports (created, id)`,
			`CREATE INDEX reports_annotation ON reports (annotation_id, status)`,
			`CREATE INDEX reports_reporter ON reports (reporter, created, id)`,
			`CREATE UNIQUE INDEX reports_open ON reports (annotation_id, reporter) WHERE status = 1`,
			`CREATE TABLE bookmarks (
				owner    {{TEXT}} NOT NULL,
				document {{TEXT}} NOT NULL,
				page     INTEGER NOT NULL,
				note     {{TEXT}} NOT NULL,
				created  BIGINT NOT NULL,
				PRIMARY KEY (owner, document, page)
			)`,
			`CREATE TABLE document_tags (
				owner    {{TEXT}} NOT NULL,
				document {{TEXT}} NOT NULL,
				tag      {{TEXT}} NOT NULL,
				created  BIGINT NOT NULL,
				PRIMARY KEY (owner, document, tag)
			)`,
		},
	},
	{
		Version: 2,
		Name:    "the readers' library: groups, members, folders, saved items",
		SQL: []string{
			`CREATE TABLE library_groups (
				id      {{TEXT}} PRIMARY KEY,
				name    {{TEXT}} NOT NULL,
				owner   {{TEXT}} NOT NULL,
				created BIGINT NOT NULL
			)`,
			`CREATE TABLE library_members (
				grp   {{TEXT}} NOT NULL REFERENCES library_groups (id) ON DELETE CASCADE,
				usr   {{TEXT}} NOT NULL,
				role  INTEGER NOT NULL,
				added BIGINT NOT NULL,
				PRIMARY KEY (grp, usr)
			)`,
			`CREATE INDEX library_members_user ON library_members (usr, grp)`,
			`CREATE TABLE library_folders (
				id       {{TEXT}} PRIMARY KEY,
				owner    {{TEXT}} NOT NULL,
				grp      {{TEXT}} NOT NULL,
				parent   {{TEXT}} NOT NULL,
				name     {{TEXT}} NOT NULL,
				position INTEGER NOT NULL,
				created  BIGINT NOT NULL,
				modified BIGINT NOT NULL
			)`,
			`CREATE INDEX library_folders_personal ON library_folders (owner, parent, position) WHERE grp = ''`,
			`CREATE INDEX library_folders_group ON library_folders (grp, parent, position) WHERE grp <> ''`,
			`CREATE INDEX library_folders_parent ON library_folders (parent, position)`,
			`CREATE TABLE library_items (
				id         {{TEXT}} PRIMARY KEY,
				folder     {{TEXT}} NOT NULL,
				added_by   {{TEXT}} NOT NULL,
				document   {{TEXT}} NOT NULL,
				page_first INTEGER NOT NULL,
				page_last  INTEGER NOT NULL,
				annotation {{TEXT}} NOT NULL,
				note       {{TEXT}} NOT NULL,
				position   INTEGER NOT NULL,
				created    BIGINT NOT NULL
			)`,
			`CREATE INDEX library_items_folder ON library_items (folder, position) WHERE folder <> ''`,
			`CREATE INDEX library_items_unfiled ON library_items (added_by, position) WHERE folder = ''`,
		},
	},
}

// Latest is the schema version this build writes.
func Latest() int { return Migrations[len(Migrations)-1].Version }

func (d *Dialect) expand(sql string) string {
	return strings.NewReplacer("{{BYTES}}", d.Bytes, "{{TEXT}}", d.Text).Replace(sql)
}
