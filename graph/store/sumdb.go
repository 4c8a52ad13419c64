package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/boltdb/bolt"
	"github.com/lib/pq"
)

// sumDB holds the summaries (see summary.go) beside the quads: a bolt file
// in the folder of an embedded store, a table in a PostgreSQL store, a map
// for a store in memory. Each key holds a count; keys sort bytewise.
type sumDB interface {
	update(ctx context.Context, fn func(sumTx) error) error
	view(ctx context.Context, fn func(sumTx) error) error
	close() error
}

type sumTx interface {
	get(k string) (int64, error) // 0 when absent
	// add adds each delta to its key's count; a key whose count becomes
	// 0 is removed, and a count below 0 is an error.
	add(deltas map[string]int64) error
	// scan calls fn for the keys with prefix from the smallest (from the
	// largest when reverse) until fn returns false.
	scan(prefix string, reverse bool, fn func(k string, n int64) bool) error
	clear() error // removes every key
}

var errNegative = errors.New("summary count below zero")

// sumFile is the name of the summaries' file in an embedded store's folder.
const sumFile = "summaries.bolt"

// openSumDB opens the summaries of s, creating them unless readOnly. It
// returns nil and no error when a read-only store has none.
func openSumDB(s *Store, readOnly bool) (sumDB, error) {
	switch s.kind {
	case Memory:
		return &memSum{m: map[string]int64{}}, nil
	case Bolt, LevelDB:
		file := filepath.Join(s.path, sumFile)
		if readOnly {
			// bolt keeps the lock of an empty file it fails to open
			// read-only: such a file is not opened.
			if fi, err := os.Stat(file); errors.Is(err, os.ErrNotExist) || (err == nil && fi.Size() == 0) {
				return nil, nil
			}
		}
		db, err := bolt.Open(file, 0o600, &bolt.Options{Timeout: 2 * time.Second, ReadOnly: readOnly})
		if err != nil && !errors.Is(err, bolt.ErrTimeout) {
			// A file a killed load left unfinished (empty, say): the
			// summaries are counted again from the quads, so a reader
			// does without them and a writer starts them anew.
			if readOnly {
				return nil, nil
			}
			os.Remove(file)
			db, err = bolt.Open(file, 0o600, &bolt.Options{Timeout: 2 * time.Second})
		}
		if err != nil {
			return nil, err
		}
		if !readOnly {
			if err := db.Update(func(tx *bolt.Tx) error {
				_, err := tx.CreateBucketIfNotExists(sumBucket)
				return err
			}); err != nil {
				db.Close()
				return nil, err
			}
		}
		return &boltSum{db: db}, nil
	case Postgres:
		if readOnly {
			var t sql.NullString
			if err := s.db.QueryRow(`SELECT to_regclass('akg_summary')::text`).Scan(&t); err != nil {
				return nil, err
			}
			if !t.Valid {
				return nil, nil
			}
		} else if _, err := s.db.Exec(`CREATE TABLE IF NOT EXISTS akg_summary (k BYTEA PRIMARY KEY, n BIGINT NOT NULL)`); err != nil {
			return nil, err
		}
		return &pgSum{db: s.db}, nil
	}
	return nil, nil
}

// memSum keeps the summaries of a store in memory.
type memSum struct {
	mu sync.RWMutex
	m  map[string]int64
}

func (d *memSum) update(ctx context.Context, fn func(sumTx) error) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	// Work on a copy so that a failed update leaves nothing behind.
	tx := &memTx{m: make(map[string]int64, len(d.m))}
	for k, v := range d.m {
		tx.m[k] = v
	}
	if err := fn(tx); err != nil {
		return err
	}
	d.m = tx.m
	return nil
}

func (d *memSum) view(ctx context.Context, fn func(sumTx) error) error {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return fn(&memTx{m: d.m})
}

func (d *memSum) close() error { return nil }

type memTx struct{ m map[string]int64 }

func (t *memTx) get(k string) (int64, error) { return t.m[k], nil }
func (t *memTx) clear() error                { clear(t.m); return nil }

func (t *memTx) add(deltas map[string]int64) error {
	for k, d := range deltas {
		switch n := t.m[k] + d; {
		case n < 0:
			return fmt.Errorf("%w: %q", errNegative, k)
		case n == 0:
			delete(t.m, k)
		default:
			t.m[k] = n
		}
	}
	return nil
}

func (t *memTx) scan(prefix string, reverse bool, fn func(k string, n int64) bool) error {
	var keys []string
	for k := range t.m {
		if len(k) >= len(prefix) && k[:len(prefix)] == prefix {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	if reverse {
		slices.Reverse(keys)
	}
	for _, k := range keys {
		if !fn(k, t.m[k]) {
			break
		}
	}
	return nil
}

var sumBucket = []byte("summaries")

// boltSum keeps the summaries in a bolt file.
type boltSum struct{ db *bolt.DB }

func (d *boltSum) update(ctx context.Context, fn func(sumTx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return d.db.Update(func(tx *bolt.Tx) error { return fn(boltTx{tx}) })
}

func (d *boltSum) view(ctx context.Context, fn func(sumTx) error) error {
	return d.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(sumBucket) == nil {
			return errNoSummaries
		}
		return fn(boltTx{tx})
	})
}

func (d *boltSum) close() error { return d.db.Close() }

type boltTx struct{ tx *bolt.Tx }

func (t boltTx) b() *bolt.Bucket { return t.tx.Bucket(sumBucket) }

func decodeCount(v []byte) int64 {
	n, _ := strconv.ParseInt(string(v), 10, 64)
	return n
}

func (t boltTx) get(k string) (int64, error) { return decodeCount(t.b().Get([]byte(k))), nil }

func (t boltTx) add(deltas map[string]int64) error {
	b := t.b()
	keys := make([]string, 0, len(deltas))
	for k := range deltas {
		keys = append(keys, k)
	}
	slices.Sort(keys) // bolt writes sorted keys fastest
	for _, k := range keys {
		n := decodeCount(b.Get([]byte(k))) + deltas[k]
		var err error
		switch {
		case n < 0:
			return fmt.Errorf("%w: %q", errNegative, k)
		case n == 0:
			err = b.Delete([]byte(k))
		default:
			err = b.Put([]byte(k), strconv.AppendInt(nil, n, 10))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (t boltTx) clear() error {
	if err := t.tx.DeleteBucket(sumBucket); err != nil {
		return err
	}
	_, err := t.tx.CreateBucket(sumBucket)
	return err
}

func (t boltTx) scan(prefix string, reverse bool, fn func(k string, n int64) bool) error {
	c := t.b().Cursor()
	p := []byte(prefix)
	if !reverse {
		for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
			if !fn(string(k), decodeCount(v)) {
				break
			}
		}
		return nil
	}
	// Summary keys are UTF-8, so hold no 0xff byte: the prefix followed by
	// one sorts after every key with the prefix.
	var k, v []byte
	if k, _ = c.Seek(append(slices.Clone(p), 0xff)); k == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	for ; k != nil && bytes.HasPrefix(k, p); k, v = c.Prev() {
		if !fn(string(k), decodeCount(v)) {
			break
		}
	}
	return nil
}

// pgSum keeps the summaries in the table akg_summary.
type pgSum struct{ db *sql.DB }

func (d *pgSum) update(ctx context.Context, fn func(sumTx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(pgTx{ctx, tx}); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func (d *pgSum) view(ctx context.Context, fn func(sumTx) error) error {
	// One snapshot for all the reads, as bolt gives.
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(pgTx{ctx, tx})
}

func (d *pgSum) close() error { return nil } // the store closes the connection

type pgTx struct {
	ctx context.Context
	tx  *sql.Tx
}

func (t pgTx) get(k string) (int64, error) {
	var n int64
	err := t.tx.QueryRowContext(t.ctx, `SELECT n FROM akg_summary WHERE k = $1`, []byte(k)).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return n, err
}

func (t pgTx) add(deltas map[string]int64) error {
	if len(deltas) == 0 {
		return nil
	}
	keys := make([][]byte, 0, len(deltas))
	ns := make([]int64, 0, len(deltas))
	for k, d := range deltas {
		keys = append(keys, []byte(k))
		ns = append(ns, d)
	}
	if _, err := t.tx.ExecContext(t.ctx, `INSERT INTO akg_summary (k, n) SELECT * FROM unnest($1::bytea[], $2::bigint[])
		ON CONFLICT (k) DO UPDATE SET n = akg_summary.n + EXCLUDED.n`, pq.Array(keys), pq.Array(ns)); err != nil {
		return err
	}
	var bad []byte
	err := t.tx.QueryRowContext(t.ctx, `SELECT k FROM akg_summary WHERE k = ANY($1) AND n < 0 ORDER BY k LIMIT 1`, pq.Array(keys)).Scan(&bad)
	switch {
	case err == nil:
		return fmt.Errorf("%w: %q", errNegative, bad)
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	_, err = t.tx.ExecContext(t.ctx, `DELETE FROM akg_summary WHERE k = ANY($1) AND n = 0`, pq.Array(keys))
	return err
}

func (t pgTx) clear() error {
	_, err := t.tx.ExecContext(t.ctx, `DELETE FROM akg_summary`)
	return err
}

func (t pgTx) scan(prefix string, reverse bool, fn func(k string, n int64) bool) error {
	order := "ASC"
	if reverse {
		order = "DESC"
	}
	// Summary keys are UTF-8, so hold no 0xff byte.
	end := append([]byte(prefix), 0xff)
	rows, err := t.tx.QueryContext(t.ctx, `SELECT k, n FROM akg_summary WHERE k >= $1 AND k < $2 ORDER BY k `+order, []byte(prefix), end)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k []byte
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		if !fn(string(k), n) {
			break
		}
	}
	return rows.Err()
}

var errNoSummaries = errors.New("the store keeps no summaries")
