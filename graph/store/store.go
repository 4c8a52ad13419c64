package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	kvbolt "github.com/cayleygraph/cayley/graph/kv/bolt" // registers "bolt" with Cayley's own file layout
	kvleveldb "github.com/cayleygraph/cayley/graph/kv/leveldb"
	_ "github.com/cayleygraph/cayley/graph/memstore" // registers "memstore"
	"github.com/cayleygraph/cayley/graph/refs"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers "postgres"
	_ "github.com/cayleygraph/cayley/writer"             // registers the "single" quad writer
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
	_ "github.com/hidal-go/hidalgo/kv/flat/leveldb" // registers hidalgo's "flat.leveldb"
	lverrors "github.com/syndtr/goleveldb/leveldb/errors"
	"google.golang.org/protobuf/proto"

	"github.com/assemblykg/assemblykg/internal/proc"
)

// Kinds of store Open accepts.
const (
	Bolt     = "bolt"     // embedded, one file on disk (the default)
	LevelDB  = "leveldb"  // embedded, a folder of sorted tables
	Memory   = "memory"   // in memory, gone when the process ends
	Postgres = "postgres" // a PostgreSQL database named by a postgres:// URL
)

// DefaultKind is the backend used when none is named.
const DefaultKind = Bolt

// DefaultPath is where the embedded store lives when no path is given.
const DefaultPath = "./assemblykg.db"

// DefaultBatch is the number of quads written per transaction.
const DefaultBatch = 10000

// Kinds lists the kinds of store Open accepts.
func Kinds() []string { return []string{Bolt, LevelDB, Memory, Postgres} }

// Options tune how a store is opened.
type Options struct {
	// NoSync skips the disk flush after each transaction of an embedded
	// store. Loads run several times faster; a crash during a load may lose
	// the last transactions, which a rerun of the load restores.
	NoSync bool
	// Wait makes Open of an embedded store that another process holds
	// wait until it is free, instead of failing with ErrInUse.
	Wait bool
	// ReadOnly refuses Load on this handle (the HTTP server opens stores so).
	ReadOnly bool
}

// Store is a Cayley quad store holding assemblykg graphs, one named graph per
// transcript.
type Store struct {
	kind string
	path string
	h    *graph.Handle
	db   *sql.DB   // PostgreSQL only: the bulk load path talks to Cayley's tables
	lock *sql.Conn // PostgreSQL, opened for writing: holds the writer lock
	bulk *sql.Tx   // PostgreSQL: the transaction of a first load (see beginBulk)
	// bulkRefs counts, in a first load on PostgreSQL, the quads using
	// each node copied so far.
	bulkRefs map[refs.ValueHash]int32
	// bolt is the handle of a bolt store opened for writing, gopts the
	// options Cayley opened it with, and boltBulk a first load building
	// it (see boltBulk).
	bolt     *hbolt.DB
	gopts    graph.Options
	boltBulk *boltBulk
	// super is set when the PostgreSQL user is a superuser (see superuser).
	super     bool
	superOnce sync.Once
	ro        bool
	// names caches the first name-like object of a node (its foaf:name,
	// skos:prefLabel...), which every named query prints; a load that
	// changes the store clears it.
	names sync.Map // nameKey -> string
	// members caches each person's memberships the same way.
	members sync.Map // quad.IRI -> []Membership
	// indexes keeps the key-value index found for a pair of directions
	// (see pairScan).
	indexes sync.Map // [2]quad.Direction -> *kv.QuadIndex, nil for none
	// sum holds the summaries (nil when a read-only store has none);
	// sumStale is set when a batch failed part way, so that the next
	// one recounts them.
	sum      sumDB
	sumStale bool
	// register resolves people by the variants and posts it knows.
	register Register
}

type nameKey struct {
	node quad.Value
	pred quad.IRI
}

// Error reports a failure of a store operation, naming the store and, for
// loads, the named graph being written.
type Error struct {
	Op    string   // "open", "load", "query"
	Store string   // kind:path
	Graph quad.IRI // the named graph, when loading
	Err   error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Store)
	b.WriteString(": ")
	b.WriteString(e.Op)
	if e.Graph != "" {
		b.WriteString(" ")
		b.WriteString(e.Graph.String())
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

var registerOnce sync.Once

// RegisterBackends registers with Cayley the hidalgo key-value backends whose
// registration was skipped. Cayley's graph/kv reads hidalgo's registry in its
// init function, and since Go 1.21 package initialisation follows import-path
// order, so it can run before hidalgo's backends register themselves (Cayley
// issue #937), leaving "leveldb" silently missing. Open calls it; it is safe
// to call more than once.
func RegisterBackends() {
	registerOnce.Do(func() {
		if !graph.IsRegistered(LevelDB) {
			// Cayley's own open functions, which honour the nosync option.
			kv.Register(LevelDB, kv.Registration{
				NewFunc: kvleveldb.Open, InitFunc: kvleveldb.Create, IsPersistent: true,
			})
		}
		for _, r := range hkv.List() {
			name := strings.TrimPrefix(r.Name, "flat.")
			if name == kvbolt.Type || name == "bbolt" || graph.IsRegistered(name) {
				continue
			}
			r := r
			open := func(path string, _ graph.Options) (hkv.KV, error) { return r.OpenPath(path) }
			kv.Register(name, kv.Registration{NewFunc: open, InitFunc: open, IsPersistent: !r.Volatile})
		}
	})
}

// cayleyName maps a kind to the name Cayley registers the backend under.
func cayleyName(kind string) string {
	if kind == Memory {
		return "memstore"
	}
	return kind
}

// Open opens the store of the given kind at path, creating and initialising
// it on first use. An empty kind means DefaultKind; an empty path means
// DefaultPath for the embedded kinds. For Postgres the path is a
// postgres:// URL; the database must exist, and Cayley's tables are created
// in it on first use.
//
// A damaged store gives an error wrapping [ErrDamaged], never a panic: a
// bolt file's structure is checked before bolt maps it, and a panic or a
// memory fault while the store is opened or loaded is recovered into such an
// error. A store another process holds gives an error wrapping [ErrInUse].
// A PostgreSQL store opened for writing holds an advisory lock until Close,
// so loads into one database, first loads included, run one at a time.
func Open(kind, path string, opts Options) (st *Store, err error) {
	RegisterBackends()
	if kind == "" {
		kind = DefaultKind
	}
	switch kind {
	case Bolt, LevelDB:
		if path == "" {
			path = DefaultPath
		}
	case Memory:
		path = ""
	case Postgres:
		if !strings.HasPrefix(path, "postgres://") && !strings.HasPrefix(path, "postgresql://") {
			return nil, &Error{Op: "open", Store: kind + ":" + path, Err: errors.New("the path of a postgres store must be a postgres:// URL")}
		}
		path = localSSLMode(path)
	default:
		return nil, &Error{Op: "open", Store: kind + ":" + path, Err: fmt.Errorf("unknown kind of store (want one of %s)", strings.Join(Kinds(), ", "))}
	}
	s := &Store{kind: kind, path: path, ro: opts.ReadOnly}
	fail := func(err error) (*Store, error) {
		if s.db != nil {
			s.db.Close() // ends the session, releasing its lock
		}
		if kind == Postgres && strings.Contains(err.Error(), "SSL is not enabled on the server") {
			err = fmt.Errorf("%w; add ?sslmode=disable to the URL for a server without SSL", err)
		}
		return nil, &Error{Op: "open", Store: s.name(), Err: err}
	}
	defer s.guard("open", &err)()
	gopts := graph.Options{"nosync": opts.NoSync}
	if opts.ReadOnly {
		// The kv stores build a bloom filter of every quad at open, to speed
		// up writes: a read-only handle would scan the whole store (0.6 s
		// and 100+ MB for a million quads) for nothing.
		gopts["no_bloom"] = true
	}
	name := cayleyName(kind)
	switch kind {
	case Bolt, LevelDB:
		if empty, err := missingOrEmpty(path); empty {
			if opts.ReadOnly {
				return fail(fmt.Errorf("%w here", ErrNoStore))
			}
			if err := initEmbedded(name, path, gopts); err != nil {
				return fail(err)
			}
		} else if err != nil {
			return fail(err)
		} else if kind == Bolt {
			for {
				err := checkBolt(path)
				if err == nil && !opts.ReadOnly {
					err = checkAlone(path)
				}
				if errors.Is(err, ErrInUse) && opts.Wait {
					continue
				}
				if err != nil {
					return fail(err)
				}
				break
			}
			if opts.ReadOnly {
				registerBoltShared()
				name = boltShared
			}
		}
	case Postgres:
		if s.db, err = sql.Open("postgres", path); err != nil {
			return fail(err)
		}
		if !opts.ReadOnly {
			if err := s.lockPostgres(); err != nil {
				return fail(err)
			}
		}
		var quads sql.NullString
		if err := s.db.QueryRow(`SELECT to_regclass('quads')::text`).Scan(&quads); err != nil {
			return fail(err)
		}
		if !quads.Valid {
			if opts.ReadOnly {
				return fail(fmt.Errorf("%w in this database", ErrNoStore))
			}
			if err := graph.InitQuadStore(name, path, gopts); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
				return fail(err)
			}
		}
	}
	var qs graph.QuadStore
	if kind == Bolt && !opts.ReadOnly {
		// Opened here rather than by name, as Cayley's bolt backend does,
		// to keep the bolt handle for bulk loads (see boltBulk).
		qs, err = s.openBolt(gopts)
	} else {
		qs, err = graph.NewQuadStore(name, path, gopts)
	}
	if err != nil {
		return fail(storeError(kind, err))
	}
	if err := s.setQuadStore(qs); err != nil {
		qs.Close()
		return fail(err)
	}
	if !opts.ReadOnly && (kind == Bolt || kind == LevelDB) {
		// What a first load, a recount or a loader's index of graphs
		// spilled before its process was killed (the store's lock is
		// held now).
		for _, d := range []string{bulkDir, recountDir, labelsDir} {
			os.RemoveAll(filepath.Join(path, d))
		}
	}
	if err := s.openSummaries(context.Background(), opts.ReadOnly); err != nil {
		s.Close()
		return fail(fmt.Errorf("summaries: %w", err))
	}
	return s, nil
}

// openBolt opens the bolt store at s.path for writing, as Cayley's bolt
// backend does, and keeps its handle.
func (s *Store) openBolt(gopts graph.Options) (graph.QuadStore, error) {
	db, err := hbolt.Open(filepath.Join(s.path, "indexes.bolt"), nil)
	if err != nil {
		return nil, err
	}
	nosync, _ := gopts.BoolKey("nosync", false)
	db.DB().NoSync, db.DB().NoGrowSync = nosync, nosync
	opts := gopts
	if neverWritten(db.DB()) {
		// Cayley's bloom filters (hundreds of MB) speed up its own
		// writes; a first load writes without Cayley (see boltBulk).
		opts = maps.Clone(gopts)
		opts[kv.OptNoBloom] = true
	}
	qs, err := kv.New(db, opts)
	if err != nil {
		db.Close()
		return nil, err
	}
	s.bolt, s.gopts = db, gopts
	return qs, nil
}

// setQuadStore makes qs the store's Cayley quad store.
func (s *Store) setQuadStore(qs graph.QuadStore) error {
	qw, err := graph.NewQuadWriter("single", qs, graph.Options{"ignore_duplicate": true, "ignore_missing": true})
	if err != nil {
		return err
	}
	s.h = &graph.Handle{QuadStore: qs, QuadWriter: qw}
	return nil
}

// missingOrEmpty reports whether path does not exist or is an empty folder:
// a place for a new store.
func missingOrEmpty(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return true, nil
	} else if err != nil {
		return false, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.IsDir() {
		return false, err
	}
	names, err := f.Readdirnames(1)
	return len(names) == 0 && errors.Is(err, io.EOF), nil
}

// initTemp is in the name of the folder where a new embedded store is
// initialised, before it is renamed into place, followed by the pid.
const initTemp = ".assemblykg-init-"

// initEmbedded creates an embedded store at path. Cayley initialises a store
// in several transactions, and a store whose initialisation was cut short
// never opens: the store is initialised in a folder beside path, which is
// renamed to path once complete, so a load killed at any moment leaves
// either no store or a whole one. If another process put a store at path
// first, that one is kept. Folders left by processes killed while
// initialising are removed.
func initEmbedded(name, path string, opts graph.Options) error {
	dir, base := filepath.Split(filepath.Clean(path))
	if dir == "" {
		dir = "."
	}
	prefix := "." + base + initTemp
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			pid, err := strconv.Atoi(strings.TrimPrefix(e.Name(), prefix))
			if strings.HasPrefix(e.Name(), prefix) && err == nil && pid != os.Getpid() && !proc.Runs(pid) {
				os.RemoveAll(filepath.Join(dir, e.Name()))
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp := filepath.Join(dir, prefix+strconv.Itoa(os.Getpid()))
	os.RemoveAll(tmp)
	defer os.RemoveAll(tmp)
	if err := graph.InitQuadStore(name, tmp, opts); err != nil {
		return err
	}
	if fi, err := os.Lstat(path); err == nil && fi.IsDir() {
		os.Remove(path) // an empty folder given for the store; a store is kept
	}
	if err := os.Rename(tmp, path); err != nil {
		if empty, _ := missingOrEmpty(path); empty {
			return err
		}
		// Another process created the store meanwhile: open that one.
	}
	return nil
}

// checkBolt fails fast when another process holds the bolt store, which
// Cayley would otherwise wait for without end, and checks the structure of
// its file (checkBoltFile) under the lock, before Cayley maps it.
func checkBolt(path string) error {
	file := filepath.Join(path, "indexes.bolt")
	_, err := os.Stat(file)
	if err != nil {
		return nil // Cayley reports the problem itself
	}
	// Bolt maps the file when it opens it and reads its meta pages and
	// freelist: the meta pages and the length are checked first. Bolt
	// writes data pages before the meta page naming them, so a writer at
	// work cannot make this check fail; the pages are checked once the lock
	// is held.
	if err := checkBoltFile(file, false); err != nil {
		return err
	}
	db, err := bolt.Open(file, 0o600, &bolt.Options{Timeout: 2 * time.Second, ReadOnly: true})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return fmt.Errorf("%w (a load is writing it)%s", ErrInUse, inUseHint)
	case errors.Is(err, bolt.ErrInvalid), errors.Is(err, bolt.ErrVersionMismatch), errors.Is(err, bolt.ErrChecksum):
		return damaged("%s: %v", file, err)
	case err != nil:
		return err
	}
	defer db.Close()
	if checkedAlready(file) {
		return nil
	}
	if err := checkBoltFile(file, true); err != nil {
		return err
	}
	recordChecked(file)
	return nil
}

// ErrDamaged is wrapped by the errors of a store found damaged: a file cut
// short, overwritten or corrupted. Such a store cannot be used; restore a
// copy of it or load the inputs again into a new store.
var ErrDamaged = errors.New("the store is damaged")

// ErrNoStore is wrapped by the error of a read-only Open where no store was
// created yet.
var ErrNoStore = errors.New("no assemblykg store")

// ErrInUse is wrapped by the error of Open when another process holds an
// embedded store.
var ErrInUse = errors.New("the store is in use by another process")

// inUseHint tells what to do about ErrInUse.
const inUseHint = "; wait for the other load to end or stop the process using it (serve, query); several processes share a store through --db postgres"

// IsDamaged reports whether err says the store is damaged: it wraps
// ErrDamaged, or a record of the store that does not decode.
func IsDamaged(err error) bool {
	return errors.Is(err, ErrDamaged) || errors.Is(err, proto.Error)
}

// damaged returns an ErrDamaged error with what was found and what to do.
func damaged(format string, a ...any) error {
	return fmt.Errorf("%w: %s; restore a copy of the store, or load the inputs again into a new one", ErrDamaged, fmt.Sprintf(format, a...))
}

// storeError gives the errors of Cayley's open and reads their meaning: a
// held lock, a damaged store.
func storeError(kind string, err error) error {
	switch {
	case kind == LevelDB && (errors.Is(err, syscall.EAGAIN) || errors.Is(err, syscall.EWOULDBLOCK) ||
		strings.Contains(err.Error(), "resource temporarily unavailable")):
		return fmt.Errorf("%w (a leveldb store opens in one process at a time: %v)%s", ErrInUse, err, inUseHint)
	case kind == LevelDB && lverrors.IsCorrupted(err):
		return damaged("%v", err)
	case errors.Is(err, graph.ErrNotInitialized):
		return fmt.Errorf("%w: this folder holds no whole store (made by hand, or by a load killed while it created the store); remove it and load again", err)
	case kind == Bolt && (errors.Is(err, bolt.ErrInvalid) || errors.Is(err, bolt.ErrChecksum) || errors.Is(err, bolt.ErrVersionMismatch)),
		errors.Is(err, proto.Error): // a record overwritten
		return damaged("%v", err)
	}
	return err
}

// guard makes a memory fault a panic and returns the function to defer at a
// store entry point: it turns a panic while the store is read or written —
// a damaged page, a fault on a file cut short — into an ErrDamaged error of
// op. Use: defer s.guard("load", &err)().
func (s *Store) guard(op string, err *error) func() {
	old := debug.SetPanicOnFault(true)
	return func() {
		debug.SetPanicOnFault(old)
		if r := recover(); r != nil {
			*err = &Error{Op: op, Store: s.name(), Err: damaged("%v", r)}
		}
	}
}

// pgLockKey is the PostgreSQL advisory lock a writer holds: an arbitrary
// number, the same for every assemblykg process.
const pgLockKey = 0x616b67 // "akg"

// lockPostgres takes the database's writer lock on a connection of its own,
// held until Close, waiting for another writer to finish.
func (s *Store) lockPostgres() error {
	conn, err := s.db.Conn(context.Background())
	if err != nil {
		return err
	}
	if _, err := conn.ExecContext(context.Background(), `SELECT pg_advisory_lock($1)`, pgLockKey); err != nil {
		conn.Close()
		return fmt.Errorf("taking the writer lock: %w", err)
	}
	s.lock = conn
	return nil
}

func (s *Store) name() string {
	if s.path == "" {
		return s.kind
	}
	return s.kind + ":" + redactURL(s.path)
}

// redactURL hides a password in a postgres:// URL.
func redactURL(p string) string {
	if i := strings.Index(p, "://"); i >= 0 {
		if at := strings.Index(p[i+3:], "@"); at >= 0 {
			if c := strings.Index(p[i+3:i+3+at], ":"); c >= 0 {
				return p[:i+3+c] + ":xxx" + p[i+3+at:]
			}
		}
	}
	return p
}

// Kind is the backend of the store: bolt, leveldb, memory or postgres.
func (s *Store) Kind() string { return s.kind }

// Handle is the Cayley handle of the store, for Cayley's own APIs.
func (s *Store) Handle() *graph.Handle { return s.h }

// QuadStore is the Cayley quad store. Build query paths on it rather than
// on the Handle, so backends can optimise them (the SQL optimiser only sees
// an unwrapped quad store).
func (s *Store) QuadStore() graph.QuadStore { return s.h.QuadStore }

// Close closes the store.
func (s *Store) Close() error {
	var err error
	s.dropBulk() // a first load not flushed leaves the store empty
	if s.sum != nil {
		err = s.sum.close()
	}
	if s.lock != nil {
		s.lock.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, pgLockKey)
		s.lock.Close()
	}
	if s.db != nil {
		if e := s.db.Close(); e != nil && err == nil {
			err = e
		}
	}
	if e := s.h.Close(); e != nil && err == nil {
		err = e
	}
	if s.bolt != nil && err == nil {
		// The file is as bolt left it: the next Open need not walk it.
		recordChecked(filepath.Join(s.path, "indexes.bolt"))
	}
	return err
}

// Count returns the number of quads in the store, counted one by one.
func (s *Store) Count(ctx context.Context) (n int64, err error) {
	defer s.guard("count", &err)()
	// Iterate rather than trust the backend's size estimate: memstore's
	// counts nodes as well as quads.
	it := s.h.QuadStore.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		n++
	}
	if err := it.Err(); err != nil {
		return 0, &Error{Op: "count", Store: s.name(), Err: storeError(s.kind, err)}
	}
	return n, ctx.Err()
}
