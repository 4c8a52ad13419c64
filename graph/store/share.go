package store

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// boltShared is the Cayley backend that opens a bolt store read-only. Bolt
// locks its file shared for readers and exclusively for a writer, so any
// number of read-only handles — serve, and queries while it runs — share a
// store, while a load waits for them or fails with ErrInUse.
const boltShared = "bolt-readonly"

var registerShared sync.Once

func registerBoltShared() {
	registerShared.Do(func() {
		open := func(path string, _ graph.Options) (hkv.KV, error) {
			return hbolt.Open(filepath.Join(path, "indexes.bolt"), &bolt.Options{ReadOnly: true, Timeout: lockWait})
		}
		kv.Register(boltShared, kv.Registration{NewFunc: open, InitFunc: open, IsPersistent: true})
	})
}

// lockWait is how long Open waits for another process's lock on a bolt
// store before it reports ErrInUse.
const lockWait = 2 * time.Second

// checkAlone fails with ErrInUse when another process reads or writes the
// bolt store at path, which a writer must wait for: bolt would wait without
// end.
func checkAlone(path string) error {
	db, err := bolt.Open(filepath.Join(path, "indexes.bolt"), 0o600, &bolt.Options{Timeout: lockWait})
	if errors.Is(err, bolt.ErrTimeout) {
		return fmt.Errorf("%w (serve, a query or a load has it open; a load writes a bolt store alone)%s; or load with --wait", ErrInUse, inUseHint)
	}
	if err != nil {
		return err
	}
	return db.Close()
}

// localSSLMode adds sslmode=disable to a postgres:// URL that names no
// sslmode and a server on this machine (localhost, a loopback address or a
// Unix socket), which seldom has SSL: the PostgreSQL driver asks for SSL
// otherwise, and such a server refuses. Other URLs are unchanged; when their
// server has no SSL, Open's error says to add ?sslmode=disable.
func localSSLMode(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Query().Has("sslmode") {
		return raw
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); host != "" && host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		if !u.Query().Has("host") || !strings.HasPrefix(u.Query().Get("host"), "/") {
			return raw
		}
	}
	q := u.Query()
	q.Set("sslmode", "disable")
	u.RawQuery = q.Encode()
	return u.String()
}
