#!/usr/bin/env bash
# Benchmarks the whole pipeline on the real data set against a plain download of the same bytes.
#
# Brings up its own stack (deploy/local/stack up --offline, own state dir, ports and database, a
# fresh Kafka), then, in one run:
#   1. downloads the swept resources straight from the double with a plain JDK HTTP client at the
#      probe's sweep concurrency (once to warm the double's render cache, once measured);
#   2. runs a full sweep through the pipeline into the empty store (probe -> Kafka -> diff service
#      -> PostgreSQL), timed from the start request until the diff service has stored and
#      evaluated the run;
#   3. runs the same sweep again, unchanged.
# It prints resources/s and MB/s for each, the ratios to the plain download, the rows each sweep
# wrote, and the peak RSS (VmHWM) of every process of the stack. It asserts nothing: the figures go
# to README by hand.
#
# Usage: deploy/bench/pipeline.sh [--data-dir DIR] [--concurrency N] [--keep]
#   --data-dir DIR    data set (default: $POKEAPI_DATA_DIR, ../shared/pokeapi, /work/shared/pokeapi)
#   --concurrency N   requests in flight for the sweep and the plain client (default 4, the
#                     probe's default probe.sweep.concurrency)
#   --keep            leave the stack running afterwards (deploy/local/stack with
#                     POKEOBS_STACK_DIR=deploy/local/.run/bench-stack)
# Environment: JAVA_HOME, POKEOBS_BUILD_SUFFIX (as -Dbuild.suffix), BENCH_PORT_BASE (28080: the
# double on it, the services on +1..+4, Kafka on +1000), POKEOBS_PG_* for the server.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data_dir="${POKEAPI_DATA_DIR:-}"
concurrency=4
keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) data_dir="${2:?}"; shift 2 ;;
    --concurrency) concurrency="${2:?}"; shift 2 ;;
    --keep) keep=true; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
if [ -z "$data_dir" ]; then
  for d in "$repo/../shared/pokeapi" /work/shared/pokeapi; do
    if [ -d "$d/api/v2" ]; then data_dir="$d"; break; fi
  done
fi
[ -n "$data_dir" ] && [ -d "$data_dir/api/v2" ] || { echo "no data set (api/v2): pass --data-dir" >&2; exit 2; }
data_dir="$(cd "$data_dir" && pwd)"
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

base_port="${BENCH_PORT_BASE:-28080}"
export POKEOBS_STACK_DIR="$repo/deploy/local/.run/bench-stack"
export POKEOBS_PG_DB=pokeobs_bench
export POKEOBS_DOUBLE_PORT=$base_port POKEOBS_PROBE_PORT=$((base_port + 1)) POKEOBS_DIFF_PORT=$((base_port + 2))
export POKEOBS_LOAD_PORT=$((base_port + 3)) POKEOBS_REPORTER_PORT=$((base_port + 4)) POKEOBS_KAFKA_PORT=$((base_port + 1000))
export PROBE_SCHEDULE_SMOKE=off PROBE_SCHEDULE_REGRESSION=off PROBE_SCHEDULE_SWEEP=off
export PROBE_SWEEP_CONCURRENCY="$concurrency"
stack="$repo/deploy/local/stack"
endpoints=(pokemon pokemon-species ability type)

export PGHOST="${POKEOBS_PG_HOST:-127.0.0.1}" PGPORT="${POKEOBS_PG_PORT:-5432}" PGUSER="${POKEOBS_PG_USER:-postgres}" PGDATABASE=$POKEOBS_PG_DB
if [ -n "${POKEOBS_PG_PASSWORD:-}" ]; then export PGPASSWORD="$POKEOBS_PG_PASSWORD"; fi
sql() { psql -XAtqc "$1"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

cleanup() {
  if ! $keep; then
    "$stack" down >/dev/null 2>&1 || true
    "$repo/deploy/local/postgres" drop --db "$POKEOBS_PG_DB" >/dev/null 2>&1 || true
    rm -rf "$POKEOBS_STACK_DIR/kafka/data"
  fi
}
trap cleanup EXIT

echo "== bringing up a fresh stack (state $POKEOBS_STACK_DIR, database $POKEOBS_PG_DB)" >&2
"$stack" down >/dev/null 2>&1 || true
rm -rf "$POKEOBS_STACK_DIR"
"$repo/deploy/local/postgres" drop --db "$POKEOBS_PG_DB" >/dev/null 2>&1 || true
"$stack" up --offline "$data_dir" --no-smoke >/dev/null
eval "$("$stack" env | grep -E '^(DOUBLE|PROBE|DIFF|LOAD|REPORTER|KAFKA)_(URL|PID)=')"

# --- the plain download --------------------------------------------------------------------------
plain() { "$java" -Xmx512m "$repo/deploy/bench/PlainSweep.java" "$DOUBLE_URL/api/v2" "$concurrency" "${endpoints[@]}"; }
echo "== plain download, warm-up (renders every body once in the double)" >&2
plain >/dev/null
echo "== plain download, measured" >&2
read -r plain_resources plain_bytes plain_seconds < <(plain | sed -E 's/resources=([0-9]+) bytes=([0-9]+) seconds=([0-9.]+)/\1 \2 \3/')

# --- the pipeline --------------------------------------------------------------------------------
tables=(snapshots resource_heads resource_keys schema_shapes run_shapes schema_versions schema_heads schema_changes data_changes latency_samples probe_runs outbox_events)
row_counts() {
  local t out=""
  for t in "${tables[@]}"; do out+="$t=$(sql "SELECT count(*) FROM $t") "; done
  echo "$out"
}
rows_written() { # before after -> "total (t1 +n, t2 +m)"
  local before="$1" after="$2" t b a total=0 parts=()
  for t in "${tables[@]}"; do
    b="$(sed -E "s/.*(^| )$t=([0-9]+).*/\2/" <<<"$before")"
    a="$(sed -E "s/.*(^| )$t=([0-9]+).*/\2/" <<<"$after")"
    if [ "$a" != "$b" ]; then parts+=("$t +$((a - b))"); total=$((total + a - b)); fi
  done
  local IFS=,
  echo "$total (${parts[*]:-none})"
}

# Runs a sweep; prints "probe_seconds pipeline_seconds requests failed rows"
sweep() {
  local before t0 id run status t_probe t_done
  before="$(row_counts)"
  t0="$(now)"
  id="$(curl -s -X POST -H 'Content-Type: application/json' -d '{"suite":"sweep"}' "$PROBE_URL/api/runs" | jq -r .id)"
  [ -n "$id" ] && [ "$id" != null ] || { echo "could not start a sweep" >&2; exit 1; }
  while :; do
    run="$(curl -s "$PROBE_URL/api/runs/$id")"
    status="$(jq -r .status <<<"$run")"
    [ "$status" != running ] && break
    sleep 0.2
  done
  t_probe="$(now)"
  [ "$status" = completed ] || { echo "the sweep ended $status: $run" >&2; exit 1; }
  until [ "$(sql "SELECT count(*) FROM probe_runs WHERE run_id = '$id' AND finalized_at IS NOT NULL")" = 1 ]; do sleep 0.2; done
  t_done="$(now)"
  echo "$(elapsed "$t0" "$t_probe") $(elapsed "$t0" "$t_done") $(jq -r .progress.requests <<<"$run") $(jq -r .progress.failed <<<"$run") $(rows_written "$before" "$(row_counts)")"
}

echo "== pipeline sweep into the empty store" >&2
read -r first_probe first_seconds first_requests first_failed first_rows < <(sweep)
echo "== pipeline sweep again, unchanged" >&2
read -r again_probe again_seconds again_requests again_failed again_rows < <(sweep)

# --- figures -------------------------------------------------------------------------------------
peak_rss() { awk '/^VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }
ratio() { awk -v p="$1" -v s="$2" 'BEGIN { printf "%.2f", p / s }'; }
mb="$(awk -v b="$plain_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')"

echo
echo "Pipeline benchmark: $plain_resources resources (${endpoints[*]}), $mb MB of JSON, concurrency $concurrency, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %9s %12s %9s %10s  %s\n' "" seconds resources/s MB/s "vs plain" "rows written"
printf '%-34s %9s %12s %9s %10s  %s\n' "plain download (JDK client)" "$plain_seconds" "$(rate "$plain_resources" "$plain_seconds")" "$(mbps "$plain_bytes" "$plain_seconds")" 1.00 -
printf '%-34s %9s %12s %9s %10s  %s\n' "pipeline, first sweep (stored)" "$first_seconds" "$(rate "$plain_resources" "$first_seconds")" "$(mbps "$plain_bytes" "$first_seconds")" "$(ratio "$plain_seconds" "$first_seconds")" "$first_rows"
printf '%-34s %9s %12s %9s %10s  %s\n' "  of which the probe's run" "$first_probe" "$(rate "$plain_resources" "$first_probe")" "$(mbps "$plain_bytes" "$first_probe")" "$(ratio "$plain_seconds" "$first_probe")" ""
printf '%-34s %9s %12s %9s %10s  %s\n' "pipeline, unchanged sweep" "$again_seconds" "$(rate "$plain_resources" "$again_seconds")" "$(mbps "$plain_bytes" "$again_seconds")" "$(ratio "$plain_seconds" "$again_seconds")" "$again_rows"
printf '%-34s %9s %12s %9s %10s  %s\n' "  of which the probe's run" "$again_probe" "$(rate "$plain_resources" "$again_probe")" "$(mbps "$plain_bytes" "$again_probe")" "$(ratio "$plain_seconds" "$again_probe")" ""
echo "(pipeline times run from the start request until the diff service has stored and evaluated the run; requests ${first_requests} and ${again_requests} with the list pages, failed checks ${first_failed} and ${again_failed})"
echo "database size after both sweeps: $(sql "SELECT pg_size_pretty(pg_database_size(current_database()))")"
echo "peak RSS (VmHWM): pokeapi-double $(peak_rss "$DOUBLE_PID"), probe-service $(peak_rss "$PROBE_PID"), diff-service $(peak_rss "$DIFF_PID"), kafka $(peak_rss "$KAFKA_PID"), load-service $(peak_rss "$LOAD_PID") (idle), reporter-service $(peak_rss "$REPORTER_PID") (idle)"
