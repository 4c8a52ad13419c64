package main

import (
	"os"
	"os/exec"
	"testing"
)

// mainEnv, when set, makes the test binary run the command itself, so
// tests can start it as a process of its own, to signal or kill it.
const mainEnv = "ASSEMBLYKG_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(mainEnv) == "1" {
		main()
	}
	os.Exit(m.Run())
}

// subprocess returns the command line args as a process of its own.
func subprocess(t testing.TB, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), mainEnv+"=1")
	return cmd
}
