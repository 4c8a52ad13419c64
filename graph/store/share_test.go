package store

import "testing"

func TestLocalSSLMode(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://me@localhost:5432/kg":                "postgres://me@localhost:5432/kg?sslmode=disable",
		"postgres://me@127.0.0.1/kg":                     "postgres://me@127.0.0.1/kg?sslmode=disable",
		"postgres://me@[::1]:5432/kg":                    "postgres://me@[::1]:5432/kg?sslmode=disable",
		"postgres://me@localhost/kg?sslmode=require":     "postgres://me@localhost/kg?sslmode=require",
		"postgres://me@db.example.org/kg":                "postgres://me@db.example.org/kg",
		"postgresql://me@localhost/kg?connect_timeout=5": "postgresql://me@localhost/kg?connect_timeout=5&sslmode=disable",
	} {
		if got := localSSLMode(in); got != want {
			t.Errorf("localSSLMode(%q) = %q, want %q", in, got, want)
		}
	}
}
