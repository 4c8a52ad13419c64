package store

import (
	"context"
	"database/sql"
	"fmt"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// bulkMin is the number of added quads from which a PostgreSQL load uses
// COPY instead of Cayley's row-by-row INSERTs.
const bulkMin = 1000

// nodeColumns are the columns of Cayley's nodes table that COPY fills.
var nodeColumns = []string{"hash", "refs", "value", "value_string", "datatype", "language",
	"iri", "bnode", "value_int", "value_bool", "value_float", "value_time"}

// copyQuads adds quads to Cayley's PostgreSQL tables with COPY. Nodes are
// hashed and encoded exactly as Cayley's own writer does (csql.HashOf and
// csql.NodeValues), so Cayley reads them unchanged. Each batch is one
// transaction: rows are copied into temporary tables, then merged, ignoring
// quads already present, and the reference counts of the nodes are raised
// by the number of quads actually added.
func (s *Store) copyQuads(ctx context.Context, quads []quad.Quad, batch int) error {
	batch = max(batch, 50000)
	for i := 0; i < len(quads); i += batch {
		if err := s.copyBatch(ctx, quads[i:min(i+batch, len(quads))]); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) copyBatch(ctx context.Context, quads []quad.Quad) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if s.superuser() {
		// Cayley's foreign keys check every new quad row against the nodes
		// table, one lookup per term. The nodes of the batch are merged
		// just before its quads, so the checks cannot fail; a superuser
		// may skip them for this transaction, as pg_restore does.
		if _, err = tx.ExecContext(ctx, `SET LOCAL session_replication_role = replica`); err != nil {
			return fmt.Errorf("bulk load: %w", err)
		}
	}
	for _, stmt := range []string{
		`CREATE TEMP TABLE akg_nodes (LIKE nodes INCLUDING DEFAULTS) ON COMMIT DROP`,
		`CREATE TEMP TABLE akg_quads (subject_hash BYTEA, predicate_hash BYTEA, object_hash BYTEA, label_hash BYTEA) ON COMMIT DROP`,
	} {
		if _, err = tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("bulk load: %w", err)
		}
	}
	if err = copyNodes(ctx, tx, quads); err != nil {
		return err
	}
	if err = copyQuadRows(ctx, tx, quads); err != nil {
		return err
	}
	for _, stmt := range []string{
		`INSERT INTO nodes SELECT DISTINCT ON (hash) * FROM akg_nodes ON CONFLICT (hash) DO NOTHING`,
		`WITH ins AS (
			INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
			SELECT DISTINCT subject_hash, predicate_hash, object_hash, label_hash, now() FROM akg_quads
			ON CONFLICT DO NOTHING
			RETURNING subject_hash, predicate_hash, object_hash, label_hash
		), r AS (
			SELECT h, count(*) AS n FROM (
				SELECT subject_hash AS h FROM ins
				UNION ALL SELECT predicate_hash FROM ins
				UNION ALL SELECT object_hash FROM ins
				UNION ALL SELECT label_hash FROM ins WHERE label_hash IS NOT NULL
			) x GROUP BY h
		)
		UPDATE nodes SET refs = nodes.refs + r.n FROM r WHERE nodes.hash = r.h`,
		`DELETE FROM nodes USING akg_nodes WHERE nodes.hash = akg_nodes.hash AND nodes.refs <= 0`,
	} {
		if _, err = tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("bulk load: %w", err)
		}
	}
	return tx.Commit()
}

// superuser reports whether the store's database user is a superuser,
// asking the server once.
func (s *Store) superuser() bool {
	s.superOnce.Do(func() {
		var super bool
		err := s.db.QueryRow(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`).Scan(&super)
		s.super = err == nil && super
	})
	return s.super
}

func copyNodes(ctx context.Context, tx *sql.Tx, quads []quad.Quad) error {
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn("akg_nodes", nodeColumns...))
	if err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	pos := make(map[string]int, len(nodeColumns))
	for i, c := range nodeColumns {
		pos[c] = i
	}
	seen := make(map[quad.Value]struct{})
	row := make([]any, len(nodeColumns))
	for _, q := range quads {
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v == nil {
				continue
			}
			if _, ok := seen[v]; ok {
				continue
			}
			seen[v] = struct{}{}
			typ, vals, err := csql.NodeValues(csql.HashOf(v), v)
			if err != nil {
				stmt.Close()
				return err
			}
			clear(row)
			row[0] = vals[0]
			row[1] = 0
			for i, c := range typ.Columns() {
				row[pos[c]] = vals[i+1]
			}
			if _, err := stmt.ExecContext(ctx, row...); err != nil {
				stmt.Close()
				return fmt.Errorf("bulk load: %w", err)
			}
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		stmt.Close()
		return fmt.Errorf("bulk load: %w", err)
	}
	return stmt.Close()
}

func copyQuadRows(ctx context.Context, tx *sql.Tx, quads []quad.Quad) error {
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn("akg_quads", "subject_hash", "predicate_hash", "object_hash", "label_hash"))
	if err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	for _, q := range quads {
		var l any
		if q.Label != nil {
			l = csql.HashOf(q.Label).SQLValue()
		}
		if _, err := stmt.ExecContext(ctx, csql.HashOf(q.Subject).SQLValue(), csql.HashOf(q.Predicate).SQLValue(),
			csql.HashOf(q.Object).SQLValue(), l); err != nil {
			stmt.Close()
			return fmt.Errorf("bulk load: %w", err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		stmt.Close()
		return fmt.Errorf("bulk load: %w", err)
	}
	return stmt.Close()
}
