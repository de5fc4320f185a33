package sqlstore

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Migrate brings the database's schema to Latest: it creates the schema
// in an empty database, applies the pending migrations of an older one,
// and refuses a newer one (*SchemaError) or another program's database
// (*NotStoreError).
func Migrate(ctx context.Context, db DB, d *Dialect) error {
	err := db.Tx(ctx, func(tx Conn) error {
		if d.Lock != "" {
			rows, err := tx.Query(ctx, d.Lock)
			if err != nil {
				return err
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		tables, err := strs(ctx, tx, d.Tables)
		if err != nil {
			return err
		}
		if !slices.Contains(tables, "schema_migrations") {
			var ours []string
			for _, t := range tables {
				if !strings.HasPrefix(t, "sqlite_") {
					ours = append(ours, t)
				}
			}
			if len(ours) > 0 {
				return &NotStoreError{Msg: "it holds other tables (" + strings.Join(ours[:min(len(ours), 5)], ", ") + ") and no schema_migrations"}
			}
			if _, err := tx.Exec(ctx, d.expand(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name {{TEXT}} NOT NULL, applied BIGINT NOT NULL)`)); err != nil {
				return err
			}
		}
		vs, err := strs(ctx, tx, "SELECT CAST(COALESCE(MAX(version), 0) AS TEXT) FROM schema_migrations")
		if err != nil {
			return err
		}
		have := 0
		if len(vs) == 1 {
			have, err = strconv.Atoi(vs[0])
			if err != nil {
				return &NotStoreError{Msg: "schema_migrations holds " + strconv.Quote(vs[0])}
			}
		}
		if have > Latest() {
			return &SchemaError{Found: have, Known: Latest()}
		}
		for _, m := range Migrations {
			if m.Version <= have {
				continue
			}
			for _, stmt := range m.SQL {
				if _, err := tx.Exec(ctx, d.expand(stmt)); err != nil {
					return err
				}
			}
			var a args
			if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name, applied) VALUES ("+a.add(int64(m.Version))+", "+a.add(m.Name)+", "+a.add(time.Now().UnixMicro())+")", a...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		switch err.(type) {
		case *SchemaError, *NotStoreError:
			return err
		}
		return &DBError{Op: "migrate", Err: err}
	}
	return nil
}

// Version returns the schema version the database is at.
func Version(ctx context.Context, c Conn) (int, error) {
	vs, err := strs(ctx, c, "SELECT CAST(COALESCE(MAX(version), 0) AS TEXT) FROM schema_migrations")
	if err != nil || len(vs) != 1 {
		return 0, err
	}
	return strconv.Atoi(vs[0])
}

func strs(ctx context.Context, c Conn, sql string) ([]string, error) {
	rows, err := c.Query(ctx, sql)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
