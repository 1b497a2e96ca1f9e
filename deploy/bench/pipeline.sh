#!/usr/bin/env bash
# Benchmarks the whole pipeline on the real data set against a plain download of the same bytes.
#
# Brings up its own stack (deploy/local/stack up --offline, own state dir, ports and database, a
# fresh Kafka), then, for each concurrency asked for (each round on a fresh database, with the probe
# and the diff service restarted so that the probe has no ETags and the store is empty, and the
# reporter stopped: it is not part of the measured pipeline):
#   1. downloads the swept resources straight from the double with a plain JDK HTTP client at the
#      sweep's concurrency (once to warm the double's render cache, once measured);
#   2. runs a full sweep through the pipeline into the empty store (probe -> Kafka -> diff service
#      -> PostgreSQL), timed from the start request until the diff service has stored and
#      evaluated the run;
#   3. runs the same sweep again, unchanged.
# For each step it prints the seconds, resources/s, MB/s, the ratio to the plain download (how many
# times slower), the rows each sweep wrote, and per process the CPU seconds the step took and the
# peak RSS (VmHWM, reset before each step through /proc/PID/clear_refs) during it: the double, the
# probe, the diff service, Kafka, the PostgreSQL backends of the benchmark's database, the plain
# client, and load-service (idle). The figures at concurrency 16 show how the cost grows when
# more work is in flight. With --repeat N the whole measurement runs N times and a last table gives
# the medians. It asserts nothing: the figures go to README by hand.
#
# Usage: deploy/bench/pipeline.sh [--data-dir DIR] [--concurrency LIST] [--repeat N] [--profile DIR] [--keep]
#   --data-dir DIR      data set (default: $POKEAPI_DATA_DIR, ../shared/pokeapi, /work/shared/pokeapi)
#   --concurrency LIST  comma-separated requests in flight for the sweep and the plain client
#                       (default 4,16: 4 is the probe's default probe.sweep.concurrency)
#   --repeat N          measure everything N times and print the medians too (default 1)
#   --profile DIR       record each sweep of the probe and the diff service with JDK Flight
#                       Recorder (settings=profile) into DIR/<round>-<sweep>-<service>.jfr and
#                       write `jfr view` summaries (hot methods, allocations, GC) beside them
#   --async-profiler LIB  with --profile: record each sweep with async-profiler instead (LIB: its
#                       libasyncProfiler.so, from tools.profiler:async-profiler on Maven Central;
#                       CPU samples of Java, native, JIT and GC code) into
#                       DIR/<round>-<sweep>-<service>.collapsed, with the top frames beside them
#   --keep              leave the stack running afterwards (deploy/local/stack with
#                       POKEOBS_STACK_DIR=deploy/local/.run/bench-stack)
# Environment: JAVA_HOME, POKEOBS_BUILD_SUFFIX (as -Dbuild.suffix), BENCH_PORT_BASE (28080: the
# double on it, the services on +1..+4, the ReportPortal double on +5), BENCH_KAFKA_PORT (BENCH_PORT_BASE + 1000), BENCH_PG_DB (pokeobs_bench), BENCH_ASYNC_PROFILER_EVENT
# (what --async-profiler samples, default event=cpu,interval=1ms; event=alloc for allocations), POKEOBS_PG_*
# for the server, POKEOBS_<NAME>_JVM_OPTS to try other JVM settings than the stack's defaults.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data_dir="${POKEAPI_DATA_DIR:-}"
concurrencies=4,16
repeat=1
profile_dir=""
async_profiler=""
async_profiler_event="${BENCH_ASYNC_PROFILER_EVENT:-event=cpu,interval=1ms}"
keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) data_dir="${2:?}"; shift 2 ;;
    --concurrency) concurrencies="${2:?}"; shift 2 ;;
    --repeat) repeat="${2:?}"; shift 2 ;;
    --profile) profile_dir="${2:?}"; shift 2 ;;
    --async-profiler) async_profiler="${2:?}"; shift 2 ;;
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
jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
jfr="${JAVA_HOME:+$JAVA_HOME/bin/}jfr"
IFS=, read -r -a conc_list <<<"$concurrencies"
if [ -n "$async_profiler" ]; then
  [ -n "$profile_dir" ] || { echo "--async-profiler needs --profile DIR" >&2; exit 2; }
  [ -f "$async_profiler" ] || { echo "no such library: $async_profiler" >&2; exit 2; }
  async_profiler="$(cd "$(dirname "$async_profiler")" && pwd)/$(basename "$async_profiler")"
fi
if [ -n "$profile_dir" ]; then
  mkdir -p "$profile_dir"
  profile_dir="$(cd "$profile_dir" && pwd)"
fi

base_port="${BENCH_PORT_BASE:-28080}"
export POKEOBS_STACK_DIR="$repo/deploy/local/.run/bench-stack"
export POKEOBS_PG_DB="${BENCH_PG_DB:-pokeobs_bench}"
export POKEOBS_DOUBLE_PORT=$base_port POKEOBS_PROBE_PORT=$((base_port + 1)) POKEOBS_DIFF_PORT=$((base_port + 2))
export POKEOBS_LOAD_PORT=$((base_port + 3)) POKEOBS_REPORTER_PORT=$((base_port + 4)) POKEOBS_RP_DOUBLE_PORT=$((base_port + 5))
export POKEOBS_KAFKA_PORT="${BENCH_KAFKA_PORT:-$((base_port + 1000))}"
export PROBE_SCHEDULE_SMOKE=off PROBE_SCHEDULE_REGRESSION=off PROBE_SCHEDULE_SWEEP=off
# no Prometheus beside the benchmark (it would scrape, and take port 9090)
export POKEOBS_PROMETHEUS=off
stack="$repo/deploy/local/stack"
endpoints=(pokemon pokemon-species ability type)

export PGHOST="${POKEOBS_PG_HOST:-127.0.0.1}" PGPORT="${POKEOBS_PG_PORT:-5432}" PGUSER="${POKEOBS_PG_USER:-postgres}" PGDATABASE=$POKEOBS_PG_DB
if [ -n "${POKEOBS_PG_PASSWORD:-}" ]; then export PGPASSWORD="$POKEOBS_PG_PASSWORD"; fi
sql() { psql -XAtqc "$1"; }
now() { date +%s.%N; }
# The waits during a sweep start no process. Polling with curl, jq and psql every 0.1 s cost about
# 60 ms of CPU per poll (a third of a core on this two-core machine, taken from the measured
# pipeline, while the plain download is timed with no poller beside it). Now: a pause is a read
# that times out on a pipe nobody writes, the probe is asked over bash's /dev/tcp, and PostgreSQL
# through one psql kept open (started by open_sql_session).
exec {pause_fd}<> <(:)
pause() { read -rt "$1" -u "$pause_fd" _ || true; }
open_sql_session() { coproc SQL_SESSION { psql -XAtq 2>&1; }; }
sql_session() { # query -> $sql_answer (first line of the answer)
  printf '%s;\n' "$1" >&"${SQL_SESSION[1]}"
  IFS= read -r sql_answer <&"${SQL_SESSION[0]}"
}
# GET url (http://host:port/path) -> $http_answer (status line, headers and body)
http_get() {
  local rest="${1#http://}" hostport path fd
  hostport="${rest%%/*}" path="/${rest#*/}"
  exec {fd}<>"/dev/tcp/${hostport%:*}/${hostport##*:}"
  printf 'GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$hostport" >&"$fd"
  http_answer=""
  IFS= read -rd '' -u "$fd" http_answer || true
  exec {fd}>&-
}
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
log() { echo "== $*" >&2; }

cleanup() {
  if ! $keep; then
    "$stack" down >/dev/null 2>&1 || true
    "$repo/deploy/local/postgres" drop --db "$POKEOBS_PG_DB" >/dev/null 2>&1 || true
    rm -rf "$POKEOBS_STACK_DIR/kafka/data"
  fi
  rm -f "${threads_file:-}" "${timings_file:-}"
}
trap cleanup EXIT

# --- per-process CPU and peak RSS ----------------------------------------------------------------
clk_tck="$(getconf CLK_TCK)"
procs=(double probe diff kafka load)
declare -A pid_of
refresh_pids() {
  eval "$("$stack" env | grep -E '^(DOUBLE|PROBE|DIFF|LOAD|REPORTER|KAFKA)_(URL|PID)=')"
  pid_of=([double]=$DOUBLE_PID [probe]=$PROBE_PID [diff]=$DIFF_PID [kafka]=$KAFKA_PID [load]=$LOAD_PID [reporter]=${REPORTER_PID:-})
}
# CPU seconds (user + system) a process has used so far
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# the PostgreSQL backends serving the benchmark's database (the server itself is shared)
pg_backends() { sql "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()" 2>/dev/null || true; }
# CPU ticks per thread group of a process ("C2 CompilerThre", "vert.x-eventloo", "GC Thread#", ...:
# /proc's 15-character thread names with their numbers dropped), one "group ticks" line each
thread_ticks() {
  local task
  for task in /proc/"$1"/task/*; do
    printf '%s\t%s\n' "$(sed 's/[0-9]*$//; s/[ #-]*$//' "$task/comm" 2>/dev/null)" "$(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null || echo 0)"
  done | awk -F'\t' '{ t[$1] += $2 } END { for (g in t) printf "%s\t%d\n", g, t[g] }'
}
declare -A threads_before
# the thread groups of probe and diff that used the most CPU since step_begin, as "group s, ..."
thread_report() { # proc
  local pid="${pid_of[$1]}"
  awk -F'\t' -v h="$clk_tck" 'NR == FNR { b[$1] = $2; next } { d = $2 - b[$1]; if (d > 0) printf "%s\t%.1f\n", $1, d / h }' \
    <(printf '%s\n' "${threads_before[$1]}") <(thread_ticks "$pid") | sort -t$'\t' -k2 -gr | head -n 8 |
    awk -F'\t' '{ printf "%s%s %s s", (NR > 1 ? ", " : ""), ($1 == "" ? "virtual-thread carriers" : $1), $2 }'
}
declare -A cpu_before pg_before
step_begin() { # resets the peaks and takes the CPU counters
  local p pid
  threads_before[probe]="$(thread_ticks "${pid_of[probe]}")"
  threads_before[diff]="$(thread_ticks "${pid_of[diff]}")"
  for p in "${procs[@]}"; do
    cpu_before[$p]="$(cpu_ticks "${pid_of[$p]}")"
    echo 5 >"/proc/${pid_of[$p]}/clear_refs" 2>/dev/null || true
  done
  pg_before=()
  for pid in $(pg_backends); do pg_before[$pid]="$(cpu_ticks "$pid")"; done
}
# prints "name=cpu_seconds/peak_mb ..." for the step that step_begin started
step_end() {
  local p pid out="" ticks peak pg=0
  for p in "${procs[@]}"; do
    ticks=$(($(cpu_ticks "${pid_of[$p]}") - ${cpu_before[$p]}))
    peak="$(awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/${pid_of[$p]}/status" 2>/dev/null || echo 0)"
    out+="$p=$(awk -v t="$ticks" -v h="$clk_tck" 'BEGIN { printf "%.1f", t / h }')/$peak "
  done
  for pid in $(pg_backends); do pg=$((pg + $(cpu_ticks "$pid") - ${pg_before[$pid]:-0})); done
  out+="postgres=$(awk -v t="$pg" -v h="$clk_tck" 'BEGIN { printf "%.1f", t / h }')/- "
  echo "$out"
  echo "  probe threads: $(thread_report probe)" >>"$threads_file"
  echo "  diff threads: $(thread_report diff)" >>"$threads_file"
}

# --- JFR per sweep ----------------------------------------------------------------------------------
jfr_start() { # name
  [ -n "$profile_dir" ] || return 0
  if [ -n "$async_profiler" ]; then
    "$jcmd" "$PROBE_PID" JVMTI.agent_load "$async_profiler" "\"start,$async_profiler_event\"" >/dev/null
    "$jcmd" "$DIFF_PID" JVMTI.agent_load "$async_profiler" "\"start,$async_profiler_event\"" >/dev/null
    return 0
  fi
  "$jcmd" "$PROBE_PID" JFR.start name="$1" settings=profile >/dev/null
  "$jcmd" "$DIFF_PID" JFR.start name="$1" settings=profile >/dev/null
}
jfr_stop() { # name
  [ -n "$profile_dir" ] || return 0
  local svc pid file
  if [ -n "$async_profiler" ]; then
    for svc in probe diff; do
      file="$profile_dir/$1-$svc.collapsed"
      "$jcmd" "${pid_of[$svc]}" JVMTI.agent_load "$async_profiler" "\"dump,file=$file,collapsed\"" >/dev/null
      "$jcmd" "${pid_of[$svc]}" JVMTI.agent_load "$async_profiler" "\"stop,file=${file%.collapsed}.flat.txt,flat=40,traces=0\"" >/dev/null 2>&1 || true
    done
    return 0
  fi
  for svc in probe diff; do
    pid="${pid_of[$svc]}"
    file="$profile_dir/$1-$svc.jfr"
    "$jcmd" "$pid" JFR.stop name="$1" filename="$file" >/dev/null
    {
      for view in hot-methods allocation-by-class allocation-by-site gc-pauses cpu-time-hot-methods; do
        "$jfr" view --width 200 "$view" "$file" 2>/dev/null || true
      done
    } >"${file%.jfr}.txt"
  done
}

# --- one round ------------------------------------------------------------------------------------
plain() { "$java" -Xmx256m "$repo/deploy/bench/PlainSweep.java" "$DOUBLE_URL/api/v2" "$1" "${endpoints[@]}"; }

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
  open_sql_session
  t0="$(now)"
  id="$(curl -s -X POST -H 'Content-Type: application/json' -d '{"suite":"sweep"}' "$PROBE_URL/api/runs" | jq -r .id)"
  [ -n "$id" ] && [ "$id" != null ] || { echo "could not start a sweep" >&2; exit 1; }
  while :; do
    http_get "$PROBE_URL/api/runs/$id"
    [[ $http_answer =~ \"status\":\"([a-z_]+)\" ]] || { echo "no run status in: $http_answer" >&2; exit 1; }
    [ "${BASH_REMATCH[1]}" != running ] && break
    pause 0.05
  done
  t_probe="$(now)"
  while :; do
    sql_session "SELECT count(*) FROM probe_runs WHERE run_id = '$id' AND finalized_at IS NOT NULL"
    [ "$sql_answer" = 1 ] && break
    pause 0.05
  done
  t_done="$(now)"
  run="$(curl -s "$PROBE_URL/api/runs/$id")"
  status="$(jq -r .status <<<"$run")"
  [ "$status" = completed ] || { echo "the sweep ended $status: $run" >&2; exit 1; }
  eval "exec ${SQL_SESSION[1]}>&-"
  wait "$SQL_SESSION_PID" || true
  # where the diff service's part of the wait went, from its own bookkeeping of the run
  sql "SELECT format('end seen +%s s, last capture stored +%s s, evaluated +%s s',
         round(extract(epoch FROM finish_seen_at - finished_at)::numeric, 2),
         round(extract(epoch FROM last_ingested_at - finished_at)::numeric, 2),
         round(extract(epoch FROM finalized_at - finished_at)::numeric, 2))
       FROM probe_runs WHERE run_id = '$id'" >>"$timings_file"
  echo "$(elapsed "$t0" "$t_probe") $(elapsed "$t0" "$t_done") $(jq -r .progress.requests <<<"$run") $(jq -r .progress.failed <<<"$run") $(rows_written "$before" "$(row_counts)")"
}

# Stops the probe and the diff service, empties the store, starts them again with the
# concurrency. The reporter stays stopped: it is not part of the measured pipeline (and its tables,
# in the same database, are dropped with the store; a reporter left running would only fail).
fresh_services() {
  export PROBE_SWEEP_CONCURRENCY="$1"
  "$stack" down probe-service diff-service reporter-service >/dev/null 2>&1
  "$repo/deploy/local/postgres" drop --db "$POKEOBS_PG_DB" >/dev/null 2>&1 || true
  "$stack" up --offline "$data_dir" --no-smoke --no-build >/dev/null
  "$stack" down reporter-service >/dev/null 2>&1
  refresh_pids
}

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }
times_slower() { awk -v p="$1" -v s="$2" 'BEGIN { printf "%.2f", s / p }'; }
field() { sed -E "s/.*(^| )$2=([^ ]*).*/\2/" <<<"$1"; } # "k=v ..." key

threads_file="$(mktemp)"
timings_file="$(mktemp)"
results=()  # "round conc plain first first_probe again again_probe" per round
round_report() { # round conc: measures and prints one round
  local round="$1" conc="$2" plain_line plain_res plain_bytes plain_s plain_cpu p_usage
  log "round $round, concurrency $conc: fresh store, probe and diff service restarted, reporter stopped"
  fresh_services "$conc"
  log "plain download, warm-up (renders every body once in the double)"
  plain "$conc" >/dev/null
  log "plain download, measured"
  step_begin
  plain_line="$(plain "$conc")"
  p_usage="$(step_end)"
  plain_res="$(field "$plain_line" resources)" plain_bytes="$(field "$plain_line" bytes)"
  plain_s="$(field "$plain_line" seconds)" plain_cpu="$(field "$plain_line" cpu)/$(field "$plain_line" peak_mb)"
  log "pipeline sweep into the empty store"
  local f_probe f_s f_req f_failed f_rows f_usage a_probe a_s a_req a_failed a_rows a_usage
  step_begin
  jfr_start "r$round-c$conc-first"
  read -r f_probe f_s f_req f_failed f_rows < <(sweep)
  f_usage="$(step_end)"
  jfr_stop "r$round-c$conc-first"
  log "pipeline sweep again, unchanged"
  step_begin
  jfr_start "r$round-c$conc-unchanged"
  read -r a_probe a_s a_req a_failed a_rows < <(sweep)
  a_usage="$(step_end)"
  jfr_stop "r$round-c$conc-unchanged"
  results+=("$conc $plain_s $f_s $f_probe $a_s $a_probe")

  local mb
  mb="$(awk -v b="$plain_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')"
  echo
  echo "Round $round: $plain_res resources (${endpoints[*]}), $mb MB of JSON, concurrency $conc, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-34s %8s %11s %7s %8s  %s\n' "" seconds resources/s MB/s "x plain" "rows written"
  printf '%-34s %8s %11s %7s %8s  %s\n' "plain download (JDK client)" "$plain_s" "$(rate "$plain_res" "$plain_s")" "$(mbps "$plain_bytes" "$plain_s")" 1.00 -
  printf '%-34s %8s %11s %7s %8s  %s\n' "pipeline, first sweep (stored)" "$f_s" "$(rate "$plain_res" "$f_s")" "$(mbps "$plain_bytes" "$f_s")" "$(times_slower "$plain_s" "$f_s")" "$f_rows"
  printf '%-34s %8s %11s %7s %8s  %s\n' "  of which the probe's run" "$f_probe" "$(rate "$plain_res" "$f_probe")" "$(mbps "$plain_bytes" "$f_probe")" "$(times_slower "$plain_s" "$f_probe")" ""
  printf '%-34s %8s %11s %7s %8s  %s\n' "pipeline, unchanged sweep" "$a_s" "$(rate "$plain_res" "$a_s")" "$(mbps "$plain_bytes" "$a_s")" "$(times_slower "$plain_s" "$a_s")" "$a_rows"
  printf '%-34s %8s %11s %7s %8s  %s\n' "  of which the probe's run" "$a_probe" "$(rate "$plain_res" "$a_probe")" "$(mbps "$plain_bytes" "$a_probe")" "$(times_slower "$plain_s" "$a_probe")" ""
  echo "(requests ${f_req} and ${a_req} with the list pages, failed checks ${f_failed} and ${a_failed}; database $(sql "SELECT pg_size_pretty(pg_database_size(current_database()))") after both sweeps)"
  echo "diff service, after the end of the probe's run: first sweep $(sed -n 1p "$timings_file"); unchanged sweep $(sed -n 2p "$timings_file")"
  : >"$timings_file"
  echo "CPU seconds / peak RSS MB per step:"
  printf '  %-20s' step
  local p
  for p in client "${procs[@]}" postgres; do printf ' %14s' "$p"; done
  echo
  usage_row() { # label usage client
    printf '  %-20s' "$1"
    printf ' %14s' "$3"
    for p in "${procs[@]}" postgres; do printf ' %14s' "$(field "$2" "$p")"; done
    echo
  }
  usage_row "plain download" "$p_usage" "$plain_cpu"
  usage_row "first sweep" "$f_usage" "-"
  usage_row "unchanged sweep" "$a_usage" "-"
  echo "CPU seconds by thread (first sweep, then unchanged sweep):"
  sed -n '3,$p' "$threads_file"
  : >"$threads_file"
}

# --- run ------------------------------------------------------------------------------------------
log "bringing up a fresh stack (state $POKEOBS_STACK_DIR, database $POKEOBS_PG_DB)"
"$stack" down >/dev/null 2>&1 || true
rm -rf "$POKEOBS_STACK_DIR"
"$repo/deploy/local/postgres" drop --db "$POKEOBS_PG_DB" >/dev/null 2>&1 || true
"$stack" up --offline "$data_dir" --no-smoke >/dev/null
refresh_pids
echo "JVM options: $(for c in double probe diff load reporter; do printf '%s: %s; ' "$c" "$(tr '\0' ' ' <"/proc/${pid_of[$c]}/cmdline" | grep -oE -- '-(X|XX:)[^ ]+' | grep -v 'pokeobs' | tr '\n' ' ' | sed 's/ $//')"; done)"

for ((r = 1; r <= repeat; r++)); do
  for c in "${conc_list[@]}"; do round_report "$r" "$c"; done
done

if [ "$repeat" -gt 1 ]; then
  median() { sort -g | awk '{ a[NR] = $1 } END { printf "%.2f\n", NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
  echo
  echo "Medians of $repeat rounds (seconds; x plain is the median of each round's ratio):"
  printf '  %-11s %8s %8s %8s %8s %8s %9s %9s\n' concurrency plain first "x plain" unchanged "x plain" "probe 1st" "probe 2nd"
  for c in "${conc_list[@]}"; do
    rows="$(printf '%s\n' "${results[@]}" | awk -v c="$c" '$1 == c')"
    col() { awk "{ print $1 }" <<<"$rows" | median; }
    printf '  %-11s %8s %8s %8s %8s %8s %9s %9s\n' "$c" "$(col '$2')" "$(col '$3')" "$(col '$3 / $2')" "$(col '$5')" "$(col '$5 / $2')" "$(col '$4')" "$(col '$6')"
  done
fi
if [ -n "$profile_dir" ]; then echo "JFR recordings and their summaries: $profile_dir"; fi
