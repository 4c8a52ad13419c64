#!/usr/bin/env bash
# Compares assemblykg with the RDF tools people already use, on the same
# triples, in one run, and prints rates and ratios (ours / theirs):
#
#   export  N-Triples, Turtle, JSON-LD end to end (read + detect + map + write)
#           vs serdi, rapper and N3.js re-serialising our N-Triples to Turtle
#   JSON-LD vs json-gold v0.9.1 fromRDF + compact with our context
#   load    assemblykg load vs Cayley's default batch writer (bolt, postgres)
#   query   "query mentions --body X" p50/p99 on the loaded bolt store
#   memory  peak RSS exporting 10k vs 100k transcripts, and of a load
#
# With --scale it measures instead how cost grows with the archive: it loads
# 1k, 10k and 80k generated transcripts into bolt (10k also into PostgreSQL)
# and records load time, quads/s, peak RSS (total, and anonymous: the
# loader's own memory, less the pages of the store file bolt maps), store
# size, and p50/p99 of each catalogue query for the most- and least-mentioned
# body and the busiest and quietest person, and of the explorer's page of
# the most- and least-mentioned body (bench/scalelat; a run past 10 s is
# stopped and reported as "> 10000"), as a table and an SVG plot
# (bench/scale.svg).
#
# Usage: bench/run.sh [--quick] [--scale]
#   --quick   small sizes, a smoke run of the script (about a minute)
#   --scale   the archive-scale run (80k transcripts: about 37M quads; about
#             40 minutes on 2 cores, and about 15 GB of disk)
# Environment:
#   ASSEMBLYKG_BIN   use this assemblykg binary instead of building one
#   BENCH_DIR        work folder (default: a new folder under /tmp, removed at the end)
#   BENCH_RUNS       timed runs per measurement, median reported (default 3; quick 1)
#   BENCH_PG=0       skip the PostgreSQL comparison
#   BENCH_MEM=0      skip the peak-memory comparison
#   BENCH_TIMEOUT    seconds before one run counts as stalled (default 300)
#   BENCH_SCALE_SIZES  transcripts per scale step (default "1000 10000 80000")
#   BENCH_SCALE_PG     the scale step also loaded into PostgreSQL (default 10000)
#   BENCH_SCALE_PG_QUERIES  the queries timed on PostgreSQL (default
#                    mentions,bodies,people; "" for all, which takes long)
#   BENCH_SVG        where --scale writes its plot (default bench/scale.svg)
# A scale step already loaded, or already timed, in BENCH_DIR (from an
# earlier run with the same BENCH_DIR) is not loaded, or timed, again.
# Needs: go, serdi, rapper, node with .ci/node_modules/n3 (bash .ci/validators.sh
# installs them); PostgreSQL binaries for the postgres rows.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

quick=0
scale=0
for a in "$@"; do
	case "$a" in
	--quick) quick=1 ;;
	--scale) scale=1 ;;
	-h | --help)
		sed -n '2,40p' "$0" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "run.sh: unknown argument $a" >&2
		exit 2
		;;
	esac
done

if [ "$quick" = 1 ]; then
	export_n=100    # transcripts for the export and JSON-LD comparisons
	store_n=100     # transcripts for the bolt load and the query store
	pg_n=20         # transcripts for the PostgreSQL load
	mem_small=200   # peak memory: small archive
	mem_large=2000  # peak memory: large archive
	runs=${BENCH_RUNS:-1}
	queries=50
else
	export_n=2000   # ~1.1M triples
	store_n=1800    # ~1M quads
	pg_n=180        # ~100k quads (Cayley's SQL writer loads ~5k quads/s)
	mem_small=10000
	mem_large=100000
	runs=${BENCH_RUNS:-3}
	queries=200
fi
step_timeout=${BENCH_TIMEOUT:-300} # seconds before a run counts as stalled

own_dir=0
if [ -z "${BENCH_DIR:-}" ]; then
	BENCH_DIR="$(mktemp -d /tmp/assemblykg-bench.XXXXXX)"
	own_dir=1
fi
mkdir -p "$BENCH_DIR"
w="$BENCH_DIR"
pg_started=0
cleanup() {
	if [ "$pg_started" = 1 ]; then
		TMPDIR="$w" ASSEMBLYKG_PG_PORT=55439 bash "$repo/.ci/postgres.sh" stop >/dev/null 2>&1 || true
	fi
	if [ "$own_dir" = 1 ]; then rm -rf "$w"; fi
}
trap cleanup EXIT

log() { printf '%s\n' "$*" >&2; }
results="$w/results.tsv"
: >"$results"
# row SECTION WHAT VALUE UNIT
row() { printf '%s\t%s\t%s\t%s\n' "$@" >>"$results"; }

# --- tools -------------------------------------------------------------------
if ! command -v serdi >/dev/null || ! command -v rapper >/dev/null || [ ! -d "$repo/.ci/node_modules/n3" ]; then
	bash "$repo/.ci/validators.sh" >&2
fi
n3js="$repo/bench/n3convert.cjs"

log "building assemblykg and the bench programs..."
bin="$w/bin"
mkdir -p "$bin"
if [ -n "${ASSEMBLYKG_BIN:-}" ]; then
	akg="$ASSEMBLYKG_BIN"
else
	go build -o "$bin/assemblykg" ./cmd/assemblykg
	akg="$bin/assemblykg"
fi
go build -o "$bin/mqtgen" ./cmd/mqtgen
go build -o "$bin/jsongold" ./bench/jsongold
go build -o "$bin/cayleyload" ./bench/cayleyload
go build -o "$bin/querylat" ./bench/querylat
go build -o "$bin/scalelat" ./bench/scalelat

# --- helpers -----------------------------------------------------------------
now() { date +%s.%N; }

# timed SECONDS_VAR CMD...: runs CMD $runs times (stdout to /dev/null unless
# redirected inside CMD) and sets SECONDS_VAR to the median wall time, or to
# "stalled" when a run passes $step_timeout.
timed() {
	local var="$1"
	shift
	local ts=() t0 t1 rc
	for ((k = 0; k < runs; k++)); do
		t0=$(now)
		set +e
		timeout "$step_timeout" "$@" >/dev/null 2>"$w/stderr.txt"
		rc=$?
		set -e
		t1=$(now)
		if [ "$rc" = 124 ]; then
			printf -v "$var" '%s' stalled
			return 0
		elif [ "$rc" != 0 ]; then
			log "failed ($rc): $*"
			cat "$w/stderr.txt" >&2
			printf -v "$var" '%s' failed
			return 0
		fi
		ts+=("$(echo "$t1 - $t0" | bc -l)")
	done
	printf -v "$var" '%s' "$(printf '%s\n' "${ts[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}')"
}

rate() { # TRIPLES SECONDS -> triples/s
	case "$2" in stalled | failed | "") echo "-" ;; *) echo "$1 $2" | awk '{printf "%.0f", $1/$2}' ;; esac
}
ratio() { # OURS_RATE THEIR_RATE
	case "$1$2" in *-*) echo "-" ;; *) echo "$1 $2" | awk '{printf "%.2f", $1/$2}' ;; esac
}
verdict() { # VALUE OP TARGET
	case "$1" in -) echo "n/a" ;; *) if awk -v a="$1" -v b="$3" "BEGIN{exit !(a $2 b)}"; then echo met; else echo "NOT met"; fi ;; esac
}

# export FORMAT DIR: our end-to-end export, timed; falls back to one worker
# when the parallel pipeline stalls, and says so.
ours_export() {
	local fmt="$1" dir="$2" var="$3"
	timed "$var" "$akg" export -q -f "$fmt" "$dir"
	if [ "${!var}" = stalled ]; then
		log "export -f $fmt stalled with the default workers; timing --workers 1"
		timed "$var" "$akg" export -q -f "$fmt" --workers 1 "$dir"
		printf -v "$var" '%s' "${!var}"
		stalled_note="(parallel export stalled; rows marked * ran with --workers 1)"
		eval "${var}_mark='*'"
	fi
}

printf '\nassemblykg benchmarks  %s\n' "$(date -u +%Y-%m-%dT%H:%MZ)"
printf 'machine: %s cores, %s, %s RAM; %s; serdi %s; rapper %s; node %s\n' "$(nproc)" \
	"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" \
	"$(free -h | awk '/Mem:/{print $2}')" "$(go version | cut -d' ' -f3)" \
	"$(serdi -v 2>&1 | head -1 | grep -o '[0-9][0-9.]*' | head -1)" "$(rapper --version)" "$(node --version)"
stalled_note=""

# peak_run OUT CMD...: runs CMD (output discarded, stderr to OUT.err),
# sampling its memory every 0.2 s, and writes "seconds peak_rss_kb
# peak_anon_kb exit_status" to OUT. Peak RSS is the kernel's high-water
# mark; anonymous RSS leaves out file pages, such as those of the store file
# bolt maps, which are the kernel's cache rather than the loader's memory.
peak_run() {
	local out="$1" t0 t1 pid hwm=0 anon=0 h a rc
	shift
	t0=$(now)
	"$@" >/dev/null 2>"$out.err" &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		if read -r h a < <(awk '/^VmHWM/{h=$2} /^RssAnon/{a=$2} END{print h+0, a+0}' "/proc/$pid/status" 2>/dev/null); then
			if [ "$h" -gt "$hwm" ]; then hwm=$h; fi
			if [ "$a" -gt "$anon" ]; then anon=$a; fi
		fi
		sleep 0.2
	done
	set +e
	wait "$pid"
	rc=$?
	set -e
	t1=$(now)
	echo "$(echo "$t1 - $t0" | bc -l) $hwm $anon $rc" >"$out"
}

# start_pg: starts the private PostgreSQL server once and sets $url.
start_pg() {
	if [ "$pg_started" = 1 ]; then return 0; fi
	log "starting a private PostgreSQL..."
	if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
		pg_env="no PostgreSQL binaries"
		return 1
	fi
	pg_env="$(TMPDIR="$w" ASSEMBLYKG_PG_PORT=55439 bash "$repo/.ci/postgres.sh" start 2>&1)" || return 1
	pg_started=1
	url="$(echo "$pg_env" | sed -n 's/^export ASSEMBLYKG_TEST_POSTGRES=//p')"
}

# --- archive scale ----------------------------------------------------------------
if [ "$scale" = 1 ]; then
	if [ "$quick" = 1 ]; then
		sizes=${BENCH_SCALE_SIZES:-"100 300"}
		pg_scale=${BENCH_SCALE_PG:-100}
		qruns=10
	else
		sizes=${BENCH_SCALE_SIZES:-"1000 10000 80000"}
		pg_scale=${BENCH_SCALE_PG:-10000}
		qruns=50
	fi
	svg="${BENCH_SVG:-$repo/bench/scale.svg}"
	loads="$w/scale-loads.tsv"     # kind transcripts quads seconds quads/s rss_kb anon_kb store_kb
	lat="$w/scale-queries.tsv"     # kind transcripts quads query param target rows runs p50 p99
	: >"$loads"
	: >"$lat"
	for n in $sizes; do
		d="$w/scale/$n"
		mkdir -p "$d"
		if [ ! -d "$d/txt" ]; then
			log "generating $n transcripts..."
			"$bin/mqtgen" -q -n "$n" -seed 5 -o "$d/txt"
		fi
		kinds="bolt"
		if [ "$n" = "$pg_scale" ] && [ "${BENCH_PG:-1}" != 0 ]; then kinds="bolt postgres"; fi
		for kind in $kinds; do
			if [ "$kind" = bolt ]; then
				dbpath="$d/bolt.db"
			elif start_pg; then
				dbname="scale$n"
				dbpath="${url/\/assemblykg\?//$dbname?}"
			else
				printf 'SKIPPED PostgreSQL at %s transcripts: %s\n' "$n" "$pg_env"
				continue
			fi
			if [ "$kind" = postgres ] && [ -f "$d/$kind.load" ] &&
				[ "$(psql -tA "$url" -c "SELECT count(*) FROM pg_database WHERE datname = '$dbname'")" != 1 ]; then
				# The private server of an earlier run is gone with its databases.
				rm -f "$d/$kind.load" "$d/$kind.queries"
			fi
			if [ ! -f "$d/$kind.load" ]; then
				log "loading $n transcripts into $kind..."
				if [ "$kind" = bolt ]; then
					rm -rf "$dbpath"
				else
					psql -q "$url" -c "DROP DATABASE IF EXISTS $dbname" -c "CREATE DATABASE $dbname" >/dev/null
				fi
				peak_run "$d/$kind.load" "$akg" load -q --db "$kind" --dbpath "$dbpath" "$d/txt"
			fi
			read -r secs hwm anon rc <"$d/$kind.load"
			if [ "$rc" != 0 ]; then
				log "load of $n transcripts into $kind failed ($rc):"
				tail -5 "$d/$kind.load.err" >&2 || true
				continue
			fi
			if [ ! -s "$d/$kind.queries" ]; then
				log "timing the catalogue's queries on $n transcripts ($kind)..."
				only=""
				if [ "$kind" = postgres ]; then only="${BENCH_SCALE_PG_QUERIES-mentions,bodies,people}"; fi
				"$bin/scalelat" -db "$kind" -dbpath "$dbpath" -n "$qruns" -budget 3s -limit 10s -queries "$only" >"$d/$kind.queries.tmp"
				mv "$d/$kind.queries.tmp" "$d/$kind.queries"
			fi
			quads=$(awk -F'\t' '$1 == "quads" {print $2}' "$d/$kind.queries")
			if [ "$kind" = bolt ]; then
				size_kb=$(du -sk "$dbpath" | cut -f1)
			else
				size_kb=$(psql -tA "$dbpath" -c 'SELECT pg_database_size(current_database()) / 1024')
			fi
			printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$n" "$quads" "$secs" "$(rate "$quads" "$secs")" "$hwm" "$anon" "$size_kb" >>"$loads"
			awk -F'\t' -v k="$kind" -v n="$n" -v q="$quads" 'BEGIN{OFS="\t"} $1 != "quads" {print k, n, q, $0}' "$d/$kind.queries" >>"$lat"
		done
	done

	printf '\n== Archive scale: loads (one run each, fresh stores)\n'
	printf '| store | transcripts | quads | load s | quads/s | peak RSS MB | peak anon RSS MB | store MB |\n|---|---:|---:|---:|---:|---:|---:|---:|\n'
	awk -F'\t' '{printf "| %s | %d | %d | %.1f | %d | %.0f | %.0f | %.0f |\n", $1, $2, $3, $4, $5, $6/1024, $7/1024, $8/1024}' "$loads"
	printf '\n== Archive scale: catalogue queries, p50 / p99 ms (in one process, store opened read-only)\n'
	printf '| store | transcripts | query | parameter | target | rows | p50 ms | p99 ms |\n|---|---:|---|---|---|---:|---:|---:|\n'
	awk -F'\t' '{printf "| %s | %d | %s | %s | %s | %s | %s | %s |\n", $1, $2, $4, $5, $6, $7, $9, $10}' "$lat"
	mentions_goal() { # the goals for "mentions --body" on the most-mentioned body
		awk -F'\t' '$1 == "bolt" && $4 == "mentions" && $5 == "body" && $6 ~ /^most-mentioned/ {
			goal = ($3 <= 1500000) ? 2 : 20
			printf "  mentions --body (most-mentioned) at %d quads: p50 %s ms (goal <= %d ms: %s)\n", $3, $9, goal, ($9 <= goal) ? "met" : "NOT met"
		}' "$lat"
		awk -F'\t' '$1 == "bolt" {printf "  load peak anonymous RSS at %d quads: %.0f MB (goal <= 1024 MB: %s)\n", $3, $7/1024, ($7 <= 1048576) ? "met" : "NOT met"}' "$loads"
	}
	printf '\ngoals:\n'
	mentions_goal
	# The plot: cost against size, log-log, one line per series.
	awk -F'\t' -v loads="$loads" -v out="$svg" '
	function lx(v) { return L + (log(v) - log(xmin)) / (log(xmax) - log(xmin)) * (W - L - R) }
	function ly(v, lo, hi) { return H - B - (log(v) - log(lo)) / (log(hi) - log(lo)) * (H - T - B) }
	function axis(y0, title, lo, hi, unit,   e, v) {
		printf "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>\n", L, y0 + T - 10, title > out
		for (e = -3; e <= 6; e++) { v = 10 ^ e; if (v >= lo && v <= hi) {
			printf "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", L, W - R, y0 + ly(v, lo, hi), y0 + ly(v, lo, hi) > out
			printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%g %s</text>\n", L - 4, y0 + ly(v, lo, hi) + 4, v, unit > out } }
		for (e = 3; e <= 9; e++) { v = 10 ^ e; if (v >= xmin && v <= xmax) {
			printf "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>\n", lx(v), lx(v), y0 + T, y0 + H - B > out
			printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s quads</text>\n", lx(v), y0 + H - B + 14, (e >= 6 ? 10 ^ (e - 6) "M" : 10 ^ (e - 3) "k") > out } }
	}
	function line(y0, name, n, xs, ys, lo, hi, color, k,   i, pts) {
		pts = ""
		for (i = 1; i <= n; i++) pts = pts sprintf("%.1f,%.1f ", lx(xs[i]), y0 + ly(ys[i], lo, hi))
		printf "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n", color, pts > out
		for (i = 1; i <= n; i++) printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", lx(xs[i]), y0 + ly(ys[i], lo, hi), color > out
		printf "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n", W - R + 8, y0 + T + 14 * k, color, name > out
	}
	BEGIN {
		W = 760; H = 260; L = 70; R = 250; T = 30; B = 24
		while ((getline row < loads) > 0) { split(row, f, "\t"); if (f[1] != "bolt") continue
			nl++; lq[nl] = f[3]; ls[nl] = f[4]; lm[nl] = f[7] / 1024 }
	}
	$1 == "bolt" && $6 ~ /^(most-mentioned|busiest|all)/ && $9 !~ /[>a-z]/ { key = $4 " " $5 " " substr($6, 1, index($6, ":") ? index($6, ":") - 1 : length($6))
		if (!(key in cnt)) { keys[++nk] = key }
		cnt[key]++; qx[key, cnt[key]] = $3; qy[key, cnt[key]] = ($9 > 0.01 ? $9 : 0.01) }
	END {
		xmin = 1e9; xmax = 1
		for (i = 1; i <= nl; i++) { if (lq[i] < xmin) xmin = lq[i]; if (lq[i] > xmax) xmax = lq[i] }
		xmin = xmin / 2; xmax = xmax * 2
		printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n", W, 2 * H, W, 2 * H > out
		printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n" > out
		axis(0, "bolt load: seconds and peak anonymous memory (MB)", 1, 100000, "")
		for (i = 1; i <= nl; i++) { xs[i] = lq[i]; ys[i] = ls[i] } line(0, "load seconds", nl, xs, ys, 1, 100000, "#1f77b4", 1)
		for (i = 1; i <= nl; i++) { ys[i] = lm[i] } line(0, "peak anon RSS MB", nl, xs, ys, 1, 100000, "#d62728", 2)
		axis(H, "catalogue queries p50 (ms), busiest targets", 0.01, 100000, "ms")
		split("#1f77b4 #ff7f0e #2ca02c #d62728 #9467bd #8c564b #e377c2 #7f7f7f #bcbd22 #17becf #393b79 #637939", colors, " ")
		for (k = 1; k <= nk; k++) { key = keys[k]
			for (i = 1; i <= cnt[key]; i++) { xs[i] = qx[key, i]; ys[i] = qy[key, i] }
			line(H, key, cnt[key], xs, ys, 0.01, 100000, colors[(k - 1) % 12 + 1], k) }
		print "</svg>" > out
	}' "$lat"
	printf '\nplot: %s\nraw results: %s %s\n' "$svg" "$loads" "$lat"
	if [ "$own_dir" = 1 ]; then
		cp "$loads" "$lat" /tmp/
		printf '(copied to /tmp; the work folder is removed)\n'
	fi
	exit 0
fi

# --- 1. export vs serdi, rapper, N3.js ----------------------------------------
log "generating $export_n transcripts..."
"$bin/mqtgen" -q -n "$export_n" -seed 1 -o "$w/export"
set +e
timeout "$step_timeout" "$akg" export -q -f ntriples "$w/export" >"$w/export.nt" 2>"$w/stderr.txt" ||
	timeout "$step_timeout" "$akg" export -q -f ntriples --workers 1 "$w/export" >"$w/export.nt"
timeout "$step_timeout" "$akg" export -q -f nquads "$w/export" >"$w/export.nq" 2>"$w/stderr.txt" ||
	timeout "$step_timeout" "$akg" export -q -f nquads --workers 1 "$w/export" >"$w/export.nq"
set -e
triples=$(wc -l <"$w/export.nt")
log "export: $export_n transcripts, $triples triples"

for fmt in ntriples turtle jsonld; do
	log "timing our export -f $fmt..."
	eval "ours_${fmt}_mark=''"
	ours_export "$fmt" "$w/export" "ours_$fmt"
done
log "timing serdi, rapper, N3.js..."
timed serdi_ttl serdi -i ntriples -o turtle "$w/export.nt"
timed serdi_nt serdi -i ntriples -o ntriples "$w/export.nt"
timed rapper_ttl rapper -q -i ntriples -o turtle "$w/export.nt"
timed n3_ttl sh -c "node '$n3js' N-Triples Turtle <'$w/export.nt'"
log "timing json-gold..."
jg_out="$(timeout "$step_timeout" "$bin/jsongold" "$w/export.nq" || echo "- failed")"
jg_s="$(echo "$jg_out" | awk '{print $2}')"

r_nt=$(rate "$triples" "$ours_ntriples")
r_ttl=$(rate "$triples" "$ours_turtle")
r_jl=$(rate "$triples" "$ours_jsonld")
r_serdi=$(rate "$triples" "$serdi_ttl")
r_serdi_nt=$(rate "$triples" "$serdi_nt")
r_rapper=$(rate "$triples" "$rapper_ttl")
r_n3=$(rate "$triples" "$n3_ttl")
r_jg=$(rate "$triples" "$jg_s")

printf '\n== Export, %s transcripts -> %s triples (median of %s) %s\n' "$export_n" "$triples" "$runs" "$stalled_note"
printf '%-44s %10s %14s\n' "run" "seconds" "triples/s"
printf '%-44s %10s %14s\n' "assemblykg export -f ntriples (end to end)${ours_ntriples_mark}" "$ours_ntriples" "$r_nt"
printf '%-44s %10s %14s\n' "assemblykg export -f turtle (end to end)${ours_turtle_mark}" "$ours_turtle" "$r_ttl"
printf '%-44s %10s %14s\n' "assemblykg export -f jsonld (end to end)${ours_jsonld_mark}" "$ours_jsonld" "$r_jl"
printf '%-44s %10s %14s\n' "serdi N-Triples -> Turtle" "$serdi_ttl" "$r_serdi"
printf '%-44s %10s %14s\n' "serdi N-Triples -> N-Triples" "$serdi_nt" "$r_serdi_nt"
printf '%-44s %10s %14s\n' "rapper N-Triples -> Turtle" "$rapper_ttl" "$r_rapper"
printf '%-44s %10s %14s\n' "N3.js N-Triples -> Turtle (stream)" "$n3_ttl" "$r_n3"
printf '%-44s %10s %14s\n' "json-gold fromRDF + compact (1 run)" "$jg_s" "$r_jg"
printf '\nratios (ours / theirs; target):\n'
q_nt=$(ratio "$r_nt" "$r_serdi")
q_ttl=$(ratio "$r_ttl" "$r_serdi")
q_jl=$(ratio "$r_jl" "$r_jg")
printf '  N-Triples / serdi      %6s   (>= 1.2: %s)\n' "$q_nt" "$(verdict "$q_nt" '>=' 1.2)"
printf '  Turtle    / serdi      %6s   (>= 1.2: %s)\n' "$q_ttl" "$(verdict "$q_ttl" '>=' 1.2)"
printf '  Turtle    / rapper     %6s\n' "$(ratio "$r_ttl" "$r_rapper")"
printf '  Turtle    / N3.js      %6s\n' "$(ratio "$r_ttl" "$r_n3")"
printf '  JSON-LD   / json-gold  %6s   (>= 10: %s)\n' "$q_jl" "$(verdict "$q_jl" '>=' 10)"
row export ntriples_per_s "$r_nt" triples/s
row export turtle_per_s "$r_ttl" triples/s
row export jsonld_per_s "$r_jl" triples/s
row export serdi_per_s "$r_serdi" triples/s
row export rapper_per_s "$r_rapper" triples/s
row export n3js_per_s "$r_n3" triples/s
row export jsongold_per_s "$r_jg" triples/s

# --- 2. loads ------------------------------------------------------------------
printf '\n== Store loads and queries\n'
if ! "$akg" load --help >/dev/null 2>&1; then
	printf 'SKIPPED: "assemblykg load" is not available in this build; rerun when it is.\n'
else
	log "generating $store_n transcripts for the store..."
	"$bin/mqtgen" -q -n "$store_n" -seed 2 -o "$w/store"
	timeout "$step_timeout" "$akg" export -q -f nquads "$w/store" >"$w/store.nq" ||
		timeout "$step_timeout" "$akg" export -q -f nquads --workers 1 "$w/store" >"$w/store.nq"
	squads=$(wc -l <"$w/store.nq")
	# Each run loads into a fresh store, so runs=1 here.
	runs_save=$runs
	runs=1
	rm -rf "$w/ours.bolt" "$w/cayley.bolt" "$w/ours2.bolt"
	timed ours_bolt_nq "$akg" load -q --db bolt --dbpath "$w/ours.bolt" "$w/store.nq"
	peak_run "$w/ours2.load" "$akg" load -q --db bolt --dbpath "$w/ours2.bolt" "$w/store"
	read -r ours_bolt_txt load_hwm load_anon load_rc <"$w/ours2.load"
	if [ "$load_rc" != 0 ]; then ours_bolt_txt=failed; else ours_bolt_txt=$(printf "%.3f" "$ours_bolt_txt"); fi
	cl_out="$(timeout "$step_timeout" "$bin/cayleyload" -db bolt -dbpath "$w/cayley.bolt" "$w/store.nq" || echo "- failed")"
	cl_bolt=$(echo "$cl_out" | awk '{print $2}')
	runs=$runs_save
	r_ob=$(rate "$squads" "$ours_bolt_nq")
	r_obt=$(rate "$squads" "$ours_bolt_txt")
	r_cb=$(rate "$squads" "$cl_bolt")
	q_bolt=$(ratio "$r_ob" "$r_cb")
	printf '%-52s %10s %12s\n' "bolt, $squads quads" "seconds" "quads/s"
	printf '%-52s %10s %12s\n' "assemblykg load (.nq file)" "$ours_bolt_nq" "$r_ob"
	printf '%-52s %10s %12s\n' "assemblykg load (transcripts: read+map+load)" "$ours_bolt_txt" "$r_obt"
	printf '%-52s %10s %12s\n' "Cayley graph.NewWriter, CopyBatch 10000" "$cl_bolt" "$r_cb"
	q_bolt_txt=$(ratio "$r_obt" "$r_cb")
	printf '  embedded load / Cayley  %6s   (>= 2: %s); from transcripts %s (>= 2: %s)\n' "$q_bolt" "$(verdict "$q_bolt" '>=' 2)" \
		"$q_bolt_txt" "$(verdict "$q_bolt_txt" '>=' 2)"
	printf '  peak memory of the load from transcripts: %.0f MB resident, %.0f MB less the store file mapping   (<= 1024: %s)\n' \
		"$(echo "$load_hwm / 1024" | bc -l)" "$(echo "$load_anon / 1024" | bc -l)" "$(verdict "$load_anon" '<=' 1048576)"
	row load bolt_txt_per_s "$r_obt" quads/s
	row memory load_rss_kb "$load_hwm" KB
	row memory load_anon_kb "$load_anon" KB
	row load bolt_ours_per_s "$r_ob" quads/s
	row load bolt_cayley_per_s "$r_cb" quads/s

	# Query latency on the bolt store (about 1M quads in the full run).
	body="Transport for London"
	ql="$(timeout "$step_timeout" "$bin/querylat" -db bolt -dbpath "$w/ours.bolt" -body "$body" -n "$queries" 2>"$w/stderr.txt" || echo "- - failed")"
	read -r p50 p99 qrows <<<"$ql"
	cli=()
	for ((k = 0; k < 20; k++)); do
		t0=$(now)
		"$akg" query mentions --db bolt --dbpath "$w/ours.bolt" --body "$body" --format tsv >/dev/null 2>&1 || true
		t1=$(now)
		cli+=("$(echo "($t1 - $t0) * 1000" | bc -l)")
	done
	cli_p50=$(printf '%s\n' "${cli[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]}')
	printf '\nquery mentions --body "%s" on %s quads (bolt; %s queries in one process; %s rows):\n' "$body" "$squads" "$queries" "$qrows"
	printf '  p50 %s ms, p99 %s ms   (p50 <= 2 ms: %s)\n' "$p50" "$p99" "$(verdict "$p50" '<=' 2)"
	printf '  whole command (process start, open, query, print), p50 of 20: %s ms\n' "$cli_p50"
	row query mentions_p50_ms "$p50" ms
	row query mentions_p99_ms "$p99" ms

	# PostgreSQL: our bulk load vs Cayley's SQL writer, in a private server.
	if [ "${BENCH_PG:-1}" != 0 ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
		log "starting a private PostgreSQL..."
		if pg_env="$(TMPDIR="$w" ASSEMBLYKG_PG_PORT=55439 bash "$repo/.ci/postgres.sh" start 2>&1)"; then
			pg_started=1
			url="$(echo "$pg_env" | sed -n 's/^export ASSEMBLYKG_TEST_POSTGRES=//p')"
			psql -q "$url" -c 'CREATE DATABASE cayleybench' >/dev/null
			url_c="${url/\/assemblykg\?/\/cayleybench?}"
			"$bin/mqtgen" -q -n "$pg_n" -seed 3 -o "$w/pg"
			"$akg" export -q -f nquads --workers 1 "$w/pg" >"$w/pg.nq"
			pquads=$(wc -l <"$w/pg.nq")
			runs_save=$runs
			runs=1
			timed ours_pg "$akg" load -q --db postgres --dbpath "$url" "$w/pg.nq"
			runs=$runs_save
			cl_out="$(timeout "$step_timeout" "$bin/cayleyload" -db postgres -dbpath "$url_c" "$w/pg.nq" || echo "- failed")"
			cl_pg=$(echo "$cl_out" | awk '{print $2}')
			r_op=$(rate "$pquads" "$ours_pg")
			r_cp=$(rate "$pquads" "$cl_pg")
			q_pg=$(ratio "$r_op" "$r_cp")
			printf '\n%-52s %10s %12s\n' "postgres, $pquads quads" "seconds" "quads/s"
			printf '%-52s %10s %12s\n' "assemblykg load --db postgres (.nq file)" "$ours_pg" "$r_op"
			printf '%-52s %10s %12s\n' "Cayley sql writer, CopyBatch 10000" "$cl_pg" "$r_cp"
			printf '  PostgreSQL load / Cayley  %6s   (>= 10: %s)\n' "$q_pg" "$(verdict "$q_pg" '>=' 10)"
			row load pg_ours_per_s "$r_op" quads/s
			row load pg_cayley_per_s "$r_cp" quads/s
		else
			printf 'SKIPPED PostgreSQL: could not start a server: %s\n' "$pg_env"
		fi
	else
		printf 'SKIPPED PostgreSQL (BENCH_PG=0 or no PostgreSQL binaries)\n'
	fi
fi

# --- 3. peak memory -------------------------------------------------------------
if [ "${BENCH_MEM:-1}" != 0 ]; then
	printf '\n== Peak memory of export -f ntriples (max RSS)\n'
	for n in "$mem_small" "$mem_large"; do
		log "generating $n transcripts..."
		t0=$(now)
		"$bin/mqtgen" -q -n "$n" -seed 4 -o "$w/mem$n"
		t1=$(now)
		gen_s=$(echo "$t1 - $t0" | bc -l)
		set +e
		timeout "$step_timeout" /usr/bin/time -f '%M %e' -o "$w/time$n" "$akg" export -q -f ntriples "$w/mem$n" >/dev/null 2>"$w/stderr.txt"
		rc=$?
		set -e
		if [ "$rc" != 0 ]; then
			log "export of $n stalled or failed ($rc); measuring with --workers 1"
			/usr/bin/time -f '%M %e' -o "$w/time$n" "$akg" export -q -f ntriples --workers 1 "$w/mem$n" >/dev/null
		fi
		read -r kb secs <"$w/time$n"
		printf -v "rss_$n" '%s' "$kb"
		printf '  %7s transcripts: max RSS %8s KB, %7s s (generated in %.1f s)\n' "$n" "$kb" "$secs" "$gen_s"
		row memory "rss_kb_$n" "$kb" KB
		rm -rf "$w/mem$n"
	done
	small_var="rss_$mem_small"
	large_var="rss_$mem_large"
	q_mem=$(ratio "${!large_var}" "${!small_var}")
	printf '  %s / %s transcripts: %s   (<= 2: %s)\n' "$mem_large" "$mem_small" "$q_mem" "$(verdict "$q_mem" '<=' 2)"
fi

printf '\nraw results: %s\n' "$results"
if [ "$own_dir" = 1 ]; then
	cp "$results" "/tmp/assemblykg-bench-results.tsv"
	printf '(copied to /tmp/assemblykg-bench-results.tsv; the work folder is removed)\n'
fi
