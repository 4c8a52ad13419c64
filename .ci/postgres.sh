#!/usr/bin/env bash
# Starts or stops a private PostgreSQL server for the store tests.
#
#   bash .ci/postgres.sh start   # prints: export ASSEMBLYKG_TEST_POSTGRES=postgres://...
#   bash .ci/postgres.sh stop
#
# The server runs as an unprivileged user from a temporary folder
# ($TMPDIR/assemblykg-pg), listens on 127.0.0.1 only, on port
# $ASSEMBLYKG_PG_PORT (55432 by default), with its socket in that folder.
# The URL is also written to $TMPDIR/assemblykg-pg/url.
set -euo pipefail

dir="${TMPDIR:-/tmp}/assemblykg-pg"
port="${ASSEMBLYKG_PG_PORT:-55432}"
db=assemblykg
runas=postgres

find_bin() {
	if command -v "$1" >/dev/null 2>&1; then
		command -v "$1"
		return
	fi
	local b
	for b in /usr/lib/postgresql/*/bin/"$1"; do
		if [ -x "$b" ]; then
			echo "$b"
			return
		fi
	done
	echo "postgres.sh: $1 not found; install PostgreSQL (apt-get install -y postgresql)" >&2
	exit 1
}

# as runs a command as the server's user (directly when not root).
as() {
	if [ "$(id -u)" = 0 ]; then
		su -s /bin/sh "$runas" -c "$(printf '%q ' "$@")"
	else
		"$@"
	fi
}

# private_dir moves the server's folder to /tmp when the server's user
# cannot reach $TMPDIR (a private temp folder of root's, say).
private_dir() {
	if [ "$(id -u)" = 0 ] && id "$runas" >/dev/null 2>&1 &&
		! su -s /bin/sh "$runas" -c "test -x '$(dirname "$dir")'" 2>/dev/null; then
		dir="/tmp/assemblykg-pg-$port"
	fi
}

# fail prints what the server programs said and stops.
fail() {
	echo "postgres.sh: $1 failed; its log:" >&2
	cat "$2" >&2 2>/dev/null || true
	exit 1
}

start() {
	local initdb pg_ctl postgres
	initdb="$(find_bin initdb)"
	postgres="$(find_bin postgres)"
	pg_ctl="$(find_bin pg_ctl)"
	if [ "$(id -u)" = 0 ] && ! id "$runas" >/dev/null 2>&1; then
		useradd --system --no-create-home --shell /usr/sbin/nologin "$runas"
	fi
	private_dir
	if [ -f "$dir/data/postmaster.pid" ] && [ -f "$dir/url" ] &&
		as "$pg_ctl" -D "$dir/data" status >/dev/null 2>&1 &&
		"$(find_bin pg_isready)" -q -h 127.0.0.1 -p "$port" >/dev/null 2>&1; then
		echo "postgres.sh: already running from $dir" >&2
		echo "export ASSEMBLYKG_TEST_POSTGRES=$(cat "$dir/url")"
		return
	fi
	# A folder left by a server that is no longer running (a machine
	# restarted, a killed job) is stale: start again from nothing.
	if [ -e "$dir" ]; then
		echo "postgres.sh: removing stale $dir" >&2
		rm -rf "$dir"
	fi
	mkdir -p "$dir"
	if [ "$(id -u)" = 0 ]; then
		chown "$runas" "$dir"
	fi
	as "$initdb" -D "$dir/data" -U "$runas" --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
		fail initdb "$dir/initdb.log"
	# Create the database in single-user mode: only the server programs are needed.
	echo "CREATE DATABASE $db" | as "$postgres" --single -D "$dir/data" postgres >"$dir/createdb.log" 2>&1 ||
		fail "CREATE DATABASE" "$dir/createdb.log"
	as "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null ||
		fail "the server" "$dir/server.log"
	local url="postgres://$runas@127.0.0.1:$port/$db?sslmode=disable"
	echo "$url" >"$dir/url"
	echo "export ASSEMBLYKG_TEST_POSTGRES=$url"
}

stop() {
	local pg_ctl
	pg_ctl="$(find_bin pg_ctl)"
	private_dir
	if [ -f "$dir/data/postmaster.pid" ]; then
		as "$pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null ||
			echo "postgres.sh: the server did not stop cleanly" >&2
	fi
	rm -rf "$dir"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*)
	echo "usage: bash .ci/postgres.sh start|stop" >&2
	exit 2
	;;
esac
