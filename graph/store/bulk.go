package store

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"

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
	hashes, err := copyNodes(ctx, tx, "akg_nodes", quads, nil)
	if err != nil {
		return err
	}
	if err = copyQuadRows(ctx, tx, "akg_quads", quads, hashes); err != nil {
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

// nodeHash is a node's hash as Cayley computes it, and the same in the
// text form COPY reads into BYTEA (what lib/pq makes of a []byte).
type nodeHash struct {
	h   refs.ValueHash
	sql string
}

// copyNodes copies the nodes of quads, each once, into table, whose
// columns are those of Cayley's nodes table, and returns their hashes.
// When seen is not nil, it counts the quads using each node, across
// calls, and a node it counted before is not copied again.
func copyNodes(ctx context.Context, tx *sql.Tx, table string, quads []quad.Quad, seen map[refs.ValueHash]int32) (map[quad.Value]nodeHash, error) {
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn(table, nodeColumns...))
	if err != nil {
		return nil, fmt.Errorf("bulk load: %w", err)
	}
	pos := make(map[string]int, len(nodeColumns))
	for i, c := range nodeColumns {
		pos[c] = i
	}
	// Worked out once for each term of the batch.
	hashes := make(map[quad.Value]nodeHash)
	row := make([]any, len(nodeColumns))
	for _, q := range quads {
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v == nil {
				continue
			}
			if h, ok := hashes[v]; ok {
				if seen != nil {
					seen[h.h]++
				}
				continue
			}
			h := csql.HashOf(v)
			hh := nodeHash{h.ValueHash, copyHash(h.ValueHash)}
			hashes[v] = hh
			if seen != nil {
				n, ok := seen[h.ValueHash]
				seen[h.ValueHash] = n + 1
				if ok {
					continue
				}
			}
			typ, vals, err := csql.NodeValues(h, v)
			if err != nil {
				stmt.Close()
				return nil, err
			}
			clear(row)
			row[0] = hh.sql
			row[1] = 0
			for i, c := range typ.Columns() {
				row[pos[c]] = vals[i+1]
			}
			if _, err := stmt.ExecContext(ctx, row...); err != nil {
				stmt.Close()
				return nil, fmt.Errorf("bulk load: %w", err)
			}
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		stmt.Close()
		return nil, fmt.Errorf("bulk load: %w", err)
	}
	return hashes, stmt.Close()
}

// copyHash is a node hash in the text form COPY reads into BYTEA.
func copyHash(h refs.ValueHash) string {
	b := make([]byte, 2+hex.EncodedLen(len(h)))
	b[0], b[1] = '\\', 'x'
	hex.Encode(b[2:], h[:])
	return string(b)
}

// copyQuadRows copies the hashes of the terms of quads, given by hashes,
// into table.
func copyQuadRows(ctx context.Context, tx *sql.Tx, table string, quads []quad.Quad, hashes map[quad.Value]nodeHash) error {
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn(table, "subject_hash", "predicate_hash", "object_hash", "label_hash"))
	if err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	for _, q := range quads {
		var l any // NULL for the default graph
		if q.Label != nil {
			l = hashes[q.Label].sql
		}
		if _, err := stmt.ExecContext(ctx, hashes[q.Subject].sql, hashes[q.Predicate].sql, hashes[q.Object].sql, l); err != nil {
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

// A first load into an empty PostgreSQL store runs in one transaction
// (Store.bulk): each batch is copied into temporary tables without indexes,
// and Loader.Flush moves them into Cayley's tables at once, with the
// indexes and foreign keys of the quads table dropped before and built
// again after, as pg_restore does. Index upkeep row by row is what slows a
// large load down; built once from sorted input it is cheap. A first load
// stopped part way (an error, a cancel, kill -9) leaves the store empty, as
// it was; readers see nothing of it until it commits, and wait while the
// indexes are built.

// beginBulk starts a first load if the store is empty: in one
// transaction on PostgreSQL, built aside on bolt (see boltBulk).
func (s *Store) beginBulk(ctx context.Context) (err error) {
	switch {
	case s.db != nil:
		return s.beginPGBulk(ctx)
	case s.bolt != nil:
		s.boltBulk, err = beginBoltBulk(s.bolt.DB(), s.path)
	}
	return err
}

// inBulk reports whether a first load is under way.
func (s *Store) inBulk() bool { return s.bulk != nil || s.boltBulk != nil }

// endBulk ends a first load: on PostgreSQL, it commits it; on bolt, it
// builds the store.
func (s *Store) endBulk(ctx context.Context) error {
	if b := s.boltBulk; b != nil {
		s.boltBulk = nil
		return s.finishBoltBulk(ctx, b)
	}
	if s.bulk != nil {
		return s.finishBulk(ctx)
	}
	return nil
}

// dropBulk gives up a first load under way, leaving the store empty.
func (s *Store) dropBulk() {
	if s.bulk != nil {
		s.bulk.Rollback()
		s.bulk, s.bulkRefs = nil, nil
	}
	if s.boltBulk != nil {
		s.boltBulk.discard()
		s.boltBulk = nil
		// The summaries of the batches given up were added.
		s.sumStale = true
	}
}

// boltSumRun is how many changed summary keys a first load into bolt
// gathers before it writes them.
const boltSumRun = 1 << 16

// stageBoltBulk spills a batch of a first load into bolt and gathers its
// change to the summaries. The summaries are marked out of step with the
// quads from the first batch until the store is built.
func (s *Store) stageBoltBulk(ctx context.Context, add []quad.Quad, sum map[string]int64, o LoadOptions) error {
	b := s.boltBulk
	if !b.dirty {
		if err := s.markDirty(ctx); err != nil {
			return err
		}
		b.dirty = true
	}
	if err := s.apply(ctx, add, nil, o); err != nil {
		return err
	}
	for k, n := range sum {
		b.sum[k] += n
	}
	if len(b.sum) < boltSumRun {
		return nil
	}
	err := s.stageSummaries(ctx, b.sum)
	clear(b.sum)
	return err
}

// finishBoltBulk builds the bolt store of a first load, puts it in place
// of the empty one, and gives Cayley a handle on it.
func (s *Store) finishBoltBulk(ctx context.Context, b *boltBulk) error {
	defer b.discard()
	if b.quads == 0 && !b.dirty {
		return nil // nothing was spilled: the store stays as it is
	}
	db, err := b.build(ctx)
	if err != nil {
		s.sumStale = true // they count batches the store lacks
		return fmt.Errorf("bulk load: %w", err)
	}
	// The new file is locked by db: no other process opens it before the
	// old handle is closed.
	file := filepath.Join(s.path, "indexes.bolt")
	if err := os.Rename(db.Path(), file); err != nil {
		db.Close()
		return fmt.Errorf("bulk load: %w", err)
	}
	if err := syncDir(s.path); err != nil {
		db.Close()
		return fmt.Errorf("bulk load: %w", err)
	}
	nosync, _ := s.gopts.BoolKey("nosync", false)
	db.NoSync, db.NoGrowSync = nosync, nosync
	nb := hbolt.New(db)
	// Checking quads against the indexes rather than a bloom filter, which
	// Cayley would fill by reading the whole store.
	opts := maps.Clone(s.gopts)
	opts[kv.OptNoBloom] = true
	qs, err := kv.New(nb, opts)
	if err != nil {
		db.Close()
		return fmt.Errorf("bulk load: %w", err)
	}
	old := s.h
	s.bolt = nb
	if err := s.setQuadStore(qs); err != nil {
		return err
	}
	if err := old.Close(); err != nil {
		return err
	}
	if err := s.stageSummaries(ctx, b.sum); err != nil {
		return err
	}
	return s.addSummaries(ctx, map[string]int64{})
}

// syncDir flushes the entries of the folder dir to disk.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// beginPGBulk starts a first load if the PostgreSQL store holds no quads.
func (s *Store) beginPGBulk(ctx context.Context) error {
	var empty bool
	if err := s.db.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM quads)`).Scan(&empty); err != nil || !empty {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	for _, stmt := range []string{
		`CREATE TEMP TABLE akg_bulk_nodes (LIKE nodes INCLUDING DEFAULTS) ON COMMIT DROP`,
		`CREATE TEMP TABLE akg_bulk_quads (subject_hash BYTEA, predicate_hash BYTEA, object_hash BYTEA, label_hash BYTEA) ON COMMIT DROP`,
		`CREATE TEMP TABLE akg_bulk_sum (k BYTEA, n BIGINT) ON COMMIT DROP`,
		`CREATE TEMP TABLE akg_bulk_refs (hash BYTEA, refs INT) ON COMMIT DROP`,
	} {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			tx.Rollback()
			return err
		}
	}
	s.bulk = tx
	s.bulkRefs = map[refs.ValueHash]int32{}
	return nil
}

// stageBulk copies a batch of a first load, and its change to the
// summaries, into the temporary tables of the load's transaction.
func (s *Store) stageBulk(ctx context.Context, quads []quad.Quad, sum map[string]int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	hashes, err := copyNodes(ctx, s.bulk, "akg_bulk_nodes", quads, s.bulkRefs)
	if err != nil {
		return err
	}
	if err := copyQuadRows(ctx, s.bulk, "akg_bulk_quads", quads, hashes); err != nil {
		return err
	}
	if s.sum == nil || len(sum) == 0 {
		return nil
	}
	// The batches change many of the same counts: each change is copied,
	// and finishBulk adds them up once.
	stmt, err := s.bulk.PrepareContext(ctx, pq.CopyIn("akg_bulk_sum", "k", "n"))
	if err != nil {
		return err
	}
	for k, n := range sum {
		if _, err := stmt.ExecContext(ctx, []byte(k), n); err != nil {
			stmt.Close()
			return err
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		stmt.Close()
		return err
	}
	return stmt.Close()
}

// finishBulk moves a first load into Cayley's tables and commits it.
func (s *Store) finishBulk(ctx context.Context) (err error) {
	tx, seen := s.bulk, s.bulkRefs
	s.bulk, s.bulkRefs = nil, nil
	defer func() {
		if err != nil {
			tx.Rollback()
			err = fmt.Errorf("bulk load: %w", err)
		}
	}()
	// A load cancelled before it is written whole leaves the store as it
	// was.
	if err := ctx.Err(); err != nil {
		return err
	}
	// Each node was copied once, by the first batch using it; how many
	// quads use it is known now.
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn("akg_bulk_refs", "hash", "refs"))
	if err != nil {
		return err
	}
	for h, n := range seen {
		if _, err := stmt.ExecContext(ctx, h[:], n); err != nil {
			stmt.Close()
			return err
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		stmt.Close()
		return err
	}
	if err := stmt.Close(); err != nil {
		return err
	}
	// The foreign keys and the secondary indexes of the quads table, as
	// Cayley made them, to be dropped and made again.
	var drop, rebuild []string
	for _, q := range []string{
		`SELECT 'ALTER TABLE quads DROP CONSTRAINT ' || quote_ident(conname),
			'ALTER TABLE quads ADD CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)
		FROM pg_constraint WHERE conrelid = 'quads'::regclass AND contype = 'f' ORDER BY conname`,
		`SELECT 'DROP INDEX ' || quote_ident(i.relname), pg_get_indexdef(i.oid)
		FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
		WHERE x.indrelid = 'quads'::regclass AND NOT x.indisprimary ORDER BY i.relname`,
	} {
		rows, err := tx.QueryContext(ctx, q)
		if err != nil {
			return err
		}
		for rows.Next() {
			var d, r string
			if err := rows.Scan(&d, &r); err != nil {
				rows.Close()
				return err
			}
			drop, rebuild = append(drop, d), append(rebuild, r)
		}
		if err := rows.Close(); err != nil {
			return err
		}
	}
	// The keys are made after the indexes, which make checking them fast.
	slices.Reverse(rebuild)
	// Memory for the sorts that deduplicate the nodes and build the
	// indexes, for this transaction only.
	stmts := append([]string{`SET LOCAL work_mem = '256MB'`, `SET LOCAL maintenance_work_mem = '512MB'`}, drop...)
	stmts = append(stmts,
		`INSERT INTO nodes SELECT n.hash, r.refs, n.value, n.value_string, n.datatype, n.language, n.iri, n.bnode,
			n.value_int, n.value_bool, n.value_float, n.value_time
		FROM akg_bulk_nodes n JOIN akg_bulk_refs r ON r.hash = n.hash ORDER BY n.hash
		ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`,
		`INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
		SELECT subject_hash, predicate_hash, object_hash, label_hash, now() FROM akg_bulk_quads`,
	)
	stmts = append(stmts, rebuild...)
	for _, stmt := range stmts {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	if s.sum != nil {
		if err := addStagedSums(ctx, tx); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	// Plans for the queries need the statistics of the new rows.
	_, err = s.db.ExecContext(ctx, `ANALYZE nodes, quads`)
	return err
}

// addStagedSums adds the changes to the summaries that the batches of a
// first load copied into akg_bulk_sum to the summaries' table, as
// sumTx.add does: a count that becomes 0 is removed, one below 0 is an
// error.
func addStagedSums(ctx context.Context, tx *sql.Tx) error {
	var empty bool
	if err := tx.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM akg_summary)`).Scan(&empty); err != nil {
		return err
	}
	stmts := []string{`INSERT INTO akg_summary (k, n)
		SELECT k, sum(n)::bigint FROM akg_bulk_sum GROUP BY k ORDER BY k
		ON CONFLICT (k) DO UPDATE SET n = akg_summary.n + EXCLUDED.n`}
	if empty {
		// The sums fill the table as they are; its key is built once
		// after, which is cheaper than finding each key's place.
		stmts = []string{`ALTER TABLE akg_summary DROP CONSTRAINT akg_summary_pkey`,
			`INSERT INTO akg_summary (k, n) SELECT k, sum(n)::bigint FROM akg_bulk_sum GROUP BY k`,
			`ALTER TABLE akg_summary ADD PRIMARY KEY (k)`}
	}
	for _, stmt := range stmts {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	var bad []byte
	err := tx.QueryRowContext(ctx, `SELECT k FROM akg_summary WHERE n < 0 ORDER BY k LIMIT 1`).Scan(&bad)
	switch {
	case err == nil:
		return fmt.Errorf("%w: %q", errNegative, bad)
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM akg_summary WHERE n = 0`)
	return err
}
