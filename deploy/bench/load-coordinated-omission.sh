#!/usr/bin/env bash
# Coordinated omission (benchmark 2 of load-service): does a load generator tell the truth about a
# server that stalls?
#
# nginx (as in load-throughput.sh: the same real 6,019-byte JSON body on 127.0.0.1) is loaded at a
# constant rate R for T seconds; STALL_AT seconds into the run every nginx process gets SIGSTOP, and
# S seconds later SIGCONT. A request intended during the stall waits until it ends, so the requests
# of the stall wait from S down to 0 seconds: the slowest 1 % of all R·T requests wait at least
# S − 0.01·T, i.e. the true p99 is S·(1 − 0.01·T/S) (the rest of the run answers in about a
# millisecond). An honest generator keeps sending on schedule, R·T requests, and times each from
# its intended send time.
#
# Generators, one after the other on the same test:
#   load-service  model open: rate R for T s, latency from the intended send time
#   gatling       open model: constantUsersPerSec(R) during T s, one request per user (Gatling's way
#                 to say "a constant arrival rate"; each user opens its own connection)
#   wrk           wrk is a closed-loop tool (no rate option; wrk2 would be the rate-limited fork):
#                 C connections each paced to R/C requests/s with a Lua delay(), its --latency p99
# Every generator gets a 60 s request (and connect) timeout, so no stalled request is dropped as a
# timeout. Prints each one's p99 against the true value and its requests sent against R·T, and the
# two goals for load-service: p99 within 15 % of the true value, at least 99 % of R·T sent.
#
# Usage: deploy/bench/load-coordinated-omission.sh [options]
#   --rate R          requests per second (default 1000)
#   --duration T      seconds of load (default 60)
#   --stall S         seconds nginx is stopped (default 10)
#   --stall-at A      seconds into the load when nginx stops (default 20)
#   --connections C   load-service's maxConnections, wrk's connections (default 64)
#   --tools LIST      comma-separated, from load-service,gatling,wrk (default: all three)
#   --resource R      resource of the data set for the body (default ability/246)
#   --data-dir DIR    the PokéAPI data set (default $POKEAPI_DATA_DIR, ../shared/pokeapi, /work/shared/pokeapi)
#   --quiet-load L    first wait (at most 30 minutes) until the 1-minute load average is <= L
#   --install         apt-get install missing Debian tools instead of failing
#   --keep            keep the work directory (logs, reports) and print where it is
# Environment: as load-throughput.sh (JAVA_HOME, NGINX_PORT 35090, LOAD_PORT 35083, LOAD_JAR,
# LOAD_JAVA_OPTS, LOAD_EXTRA_JAVA_OPTS, GATLING_JAVA_OPTS, KAFKA_BOOTSTRAP_SERVERS, LOAD_KAFKA_PORT,
# BENCH_NO_KAFKA).
set -euo pipefail

rate=1000
duration=60
stall=10
stall_at=20
connections=64
tools="load-service,gatling,wrk"
resource=ability/246
data_dir=
keep=0
quiet_load=
BENCH_INSTALL=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --stall) stall=$2; shift 2 ;;
    --stall-at) stall_at=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --tools) tools=$2; shift 2 ;;
    --resource) resource=$2; shift 2 ;;
    --data-dir) data_dir=$2; shift 2 ;;
    --quiet-load) quiet_load=$2; shift 2 ;;
    --install) BENCH_INSTALL=1; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,37p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
export BENCH_INSTALL
((stall_at + stall < duration)) || { echo "the stall (--stall-at + --stall) must end before --duration" >&2; exit 2; }

# shellcheck source-path=SCRIPTDIR source=lib/load-bench.sh
source "$(dirname "$0")/lib/load-bench.sh"

IFS=, read -r -a tool_list <<<"$tools"
for tool in "${tool_list[@]}"; do
  case "$tool" in wrk|gatling|load-service) ;; *) bench_die "unknown tool $tool" ;; esac
done
has_tool() { [[ ",$tools," == *",$1,"* ]]; }
required=(nginx curl jq python3 bc)
has_tool wrk && required+=(wrk)
if has_tool gatling || has_tool load-service; then required+=(java); fi
bench_require "${required[@]}"
data_dir=$(bench_find_data "$data_dir") || bench_die "no PokéAPI data set found (--data-dir DIR or POKEAPI_DATA_DIR)"
has_tool gatling && bench_gatling_build

nginx_port=${NGINX_PORT:-35090}
load_port=${LOAD_PORT:-35083}
path="/api/v2/$resource/"
url="http://127.0.0.1:$nginx_port$path"

work=$(mktemp -d /tmp/load-co.XXXXXX)
tool_pid=
cleanup() {
  [[ -n "$tool_pid" ]] && kill "$tool_pid" 2>/dev/null
  bench_load_stop
  bench_kafka_stop
  bench_nginx_stop
  if [[ $keep == 1 ]]; then echo "work directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

bench_body "$data_dir" "$resource" "$work/body.json"
size=$(wc -c <"$work/body.json")
bench_nginx_start "$work" "$nginx_port" "$work/body.json"

now() { date +%s.%N; }
# stall_nginx: waits --stall-at seconds from the start of the load, stops nginx for --stall seconds;
# records how long it really was stopped.
stall_nginx() {
  local started=$1
  sleep "$(bc -l <<<"$started + $stall_at - $(now)")"
  local stopped
  stopped=$(now)
  bench_nginx_signal STOP || bench_die "could not stop nginx"
  sleep "$stall"
  bench_nginx_signal CONT || bench_die "could not resume nginx"
  printf '%.2f' "$(bc -l <<<"$(now) - $stopped")" >"$work/stalled-seconds"
}

# --- each generator prints "P99_SECONDS SENT NOTE" ----------------------------------------------
load_profile() { # SECONDS
  jq -cn --arg base "http://127.0.0.1:$nginx_port" --arg path "$path" --argjson rate "$rate" \
    --arg d "${1}s" --argjson c "$connections" --argjson inflight $((rate * (stall + 5) > 10000 ? rate * (stall + 5) : 10000)) \
    '{name: "coordinated-omission", model: "open", baseUrl: $base, rate: $rate, duration: $d,
      maxConnections: $c, maxInFlight: $inflight, timeout: "60s", requests: [{path: $path}]}'
}
run_load_service() {
  local id
  id=$(bench_load_post "$(load_profile "$duration")")
  bench_load_wait_status "$id" 120 running completed stopped
  stall_nginx "$(now)"
  bench_load_wait_status "$id" $((duration + 180)) completed stopped
  bench_load_report "$id" >"$work/load-report.json"
  jq -r '.summary | [(.latencyMs.p99 / 1000),
      .requests,
      "errors \(.errors), dropped \(.dropped), connection wait p99 \(.connectionWaitMs.p99) ms, corrected \(.correctedForCoordinatedOmission), valid \(.valid)\(if .invalidReason then " (" + .invalidReason + ")" else "" end)"]
    | @tsv' "$work/load-report.json"
}
run_gatling() {
  bench_gatling ConstantRateSimulation "$work/gatling-results" -Dbench.url="$url" -Dbench.rate="$rate" \
    -Dbench.duration="$duration" -Dgatling.http.requestTimeout=60000 -Dgatling.socket.connectTimeout=60000 \
    >"$work/gatling.out" 2>&1 &
  tool_pid=$!
  local _
  for _ in $(seq 1 600); do
    grep -q 'Simulation bench.ConstantRateSimulation started' "$work/gatling.out" && break
    kill -0 "$tool_pid" 2>/dev/null || break
    sleep 0.1
  done
  grep -q 'Simulation bench.ConstantRateSimulation started' "$work/gatling.out" \
    || { tail -30 "$work/gatling.out" >&2; bench_die "Gatling did not start"; }
  stall_nginx "$(now)"
  wait "$tool_pid" || { tail -30 "$work/gatling.out" >&2; bench_die "Gatling failed"; }
  tool_pid=
  # the report's "Global Information": "> response time 99th percentile (ms) | total | OK | KO"
  awk -F'|' '
    /^> request count/ {gsub(/[ ,]/, ""); sent = $2; ko = $4}
    /^> response time 99th percentile/ {gsub(/[ ,]/, ""); p99 = $2}
    END {printf "%.3f\t%d\tKO %s (failed requests)\n", p99 / 1000, sent, ko}' "$work/gatling.out"
}
run_wrk() {
  # each of the C connections waits C/R seconds before its next request: R requests/s in all
  # while the server answers quickly (a closed loop: no request goes out while its connection waits)
  printf 'function delay()\n  return %s\nend\n' "$(bc -l <<<"scale=3; $connections * 1000 / $rate")" >"$work/pace.lua"
  local threads
  threads=$(nproc)
  ((threads > connections)) && threads=$connections
  wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 60s --latency -s "$work/pace.lua" "$url" >"$work/wrk.out" &
  tool_pid=$!
  stall_nginx "$(now)"
  wait "$tool_pid" || bench_die "wrk failed"
  tool_pid=
  local p99 sent
  p99=$(awk '$1 == "99%" {v = $2; if (v ~ /us$/) s = v / 1e6; else if (v ~ /ms$/) s = v / 1e3; else if (v ~ /m$/) s = v * 60; else s = v + 0; printf "%.3f", s}' "$work/wrk.out")
  sent=$(awk '/requests in/ {print $1}' "$work/wrk.out")
  printf '%s\t%s\tclosed loop, %s connections paced to %s req/s\n' "$p99" "$sent" "$connections" "$rate"
}

if has_tool load-service; then
  bench_kafka_start "$work" "${LOAD_KAFKA_PORT:-35092}"
  bench_load_start "$work" "$load_port"
  # a long-running service is warm: one untimed run of 5 s at the same rate, no stall
  bench_log "load-service: one untimed warm-up run"
  bench_load_wait_status "$(bench_load_post "$(load_profile 5)")" 180 completed stopped
fi
[[ -n "$quiet_load" ]] && bench_wait_quiet "$quiet_load"
true_p99=$(bc -l <<<"$stall * (1 - 0.01 * $duration / $stall)")
planned=$((rate * duration))
echo "Coordinated omission: GET $path ($size bytes) at $rate requests/s for $duration s; nginx stopped (SIGSTOP) $stall s from second $stall_at; $(nproc) CPUs"
printf 'true p99 = S·(1 − 0.01·T/S) = %.3f s; R·T = %d requests; load average before: %s\n' "$true_p99" "$planned" "$(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "The true p99 of each run uses the time nginx was really stopped (the stall column): on a busy"
echo "machine the stop and the resume can come late."
printf '%-14s %9s %9s %9s %9s %9s %8s  %s\n' generator stall 'true p99' 'p99' 'vs true' sent 'of R·T' notes
declare -A errs sents
for tool in "${tool_list[@]}"; do
  sleep 2
  IFS=$'\t' read -r p99 sent note < <("run_${tool//-/_}")
  stalled=$(cat "$work/stalled-seconds")
  truth=$(bc -l <<<"$stalled - 0.01 * $duration")
  errs[$tool]=$(bc -l <<<"($p99 - $truth) / $truth")
  sents[$tool]=$sent
  printf '%-14s %8.2fs %8.3fs %8.3fs %+8.1f%% %9d %7.1f%%  %s\n' "$tool" "$stalled" "$truth" "$p99" \
    "$(bc -l <<<"${errs[$tool]} * 100")" "$sent" "$(bc -l <<<"$sent * 100 / $planned")" "$note"
done

if has_tool load-service; then
  echo
  error=$(bc -l <<<"e = ${errs[load-service]}; if (e < 0) -e else e")
  printf 'goal load-service p99 within 15%% of the true value: %.1f%% off, %s\n' "$(bc -l <<<"$error * 100")" \
    "$( (($(bc -l <<<"$error <= 0.15"))) && echo met || echo NOT met)"
  printf 'goal load-service sends at least 99%% of R·T: %.1f%%, %s\n' "$(bc -l <<<"${sents[load-service]} * 100 / $planned")" \
    "$( (($(bc -l <<<"${sents[load-service]} >= 0.99 * $planned"))) && echo met || echo NOT met)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on this machine shares the $(nproc) CPUs)"
