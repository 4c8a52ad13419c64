package storetest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/lib/pq" // the driver Cayley's postgres backend uses
)

// PostgresEnv names the variable holding the test server's URL.
const PostgresEnv = "ASSEMBLYKG_TEST_POSTGRES"

// PostgresURL returns the server to test against, or skips.
func PostgresURL(t testing.TB) string {
	u := os.Getenv(PostgresEnv)
	if u == "" {
		t.Skip("PostgreSQL tests need a server: run `bash .ci/postgres.sh start` and export the ASSEMBLYKG_TEST_POSTGRES line it prints")
	}
	return u
}

var dbSeq atomic.Int64

// FreshDatabase creates an empty database on the test server and returns its
// URL; it is dropped when the test ends.
func FreshDatabase(t testing.TB, base string) string {
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("akgtest_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, dbSeq.Add(1))
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	u.Path = "/" + name
	return u.String()
}
