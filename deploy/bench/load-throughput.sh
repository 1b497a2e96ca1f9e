#!/usr/bin/env bash
# Load generators side by side (benchmarks 1 and 3 of load-service): how many requests per second
# each one drives through nginx on this machine, and load-service's peak memory meanwhile.
#
# nginx (Debian; daemon off, access_log off, 127.0.0.1) answers every path with the same 6,019-byte
# JSON body, a real resource of the PokéAPI data set (ability 246, serialized as the API serves it;
# read at run time, never copied into the checkout). Then wrk, hey, Locust (FastHttpUser, Debian's
# python3-locust), Gatling (Java DSL, closed model) and load-service (model fixed-connections) each
# load it with the same connections for the same seconds, one after the other, several rounds, the
# order reversed every other round. Each generator gets the same warm-up: wrk and hey nothing,
# Locust nothing (no JIT), Gatling a warm-up phase of --warmup seconds in its own JVM before the
# counted phase, load-service one untimed run at the start (it is a long-running service) and
# --warmup seconds before each counted run. Prints every round, then each generator's mean rate
# and its ratio to wrk's, then load-service's peak RSS (VmHWM of /proc/PID/status, sampled over
# the whole benchmark, start-up included).
#
# Usage: deploy/bench/load-throughput.sh [options]
#   --connections N    connections (= users) of every generator (default 64)
#   --duration S       counted seconds per run (default 10)
#   --warmup S         warm-up seconds of the JVM generators (default 3)
#   --rounds N         rounds (default 3)
#   --tools LIST       comma-separated, from wrk,hey,locust,gatling,load-service (default: all)
#   --threads N        wrk threads (default: the number of CPUs)
#   --locust-workers N Locust worker processes under one master; 0 runs one plain process
#                      (default: the number of CPUs, since one Locust process uses one core)
#   --resource R       resource of the data set for the body (default ability/246)
#   --data-dir DIR     the PokéAPI data set (default $POKEAPI_DATA_DIR, ../shared/pokeapi, /work/shared/pokeapi)
#   --jfr DIR          record load-service with JFR (settings=profile) over the counted rounds into
#                      DIR/load-service.jfr and print its hot methods, allocation sites and GC
#   --quiet-load L     first wait (at most 30 minutes) until the 1-minute load average is <= L
#   --install          apt-get install missing Debian tools instead of failing
#   --keep             keep the work directory (logs, reports) and print where it is
# Environment: JAVA_HOME; NGINX_PORT (35090), LOAD_PORT (35083), LOCUST_MASTER_PORT (35557);
# KAFKA_BOOTSTRAP_SERVERS (a broker for load-service's summaries; default: a throwaway broker from
# deploy/local/kafka on LOAD_KAFKA_PORT, 35092; BENCH_NO_KAFKA=1 for none);
# LOAD_JAR (default load-service/target/quarkus-app/quarkus-run.jar), LOAD_JAVA_OPTS (default
# deploy/local/stack's LOAD_JVM_OPTS: C2 on, -Xmx128m, SerialGC), LOAD_EXTRA_JAVA_OPTS (e.g. a
# JFR recording), GATLING_JAVA_OPTS (default -Xms512m -Xmx1g -XX:+UseParallelGC).
set -euo pipefail

connections=64
duration=10
warmup=3
rounds=3
tools=wrk,hey,locust,gatling,load-service
threads=$(nproc)
locust_workers=$(nproc)
resource=ability/246
data_dir=
keep=0
jfr_dir=
quiet_load=
BENCH_INSTALL=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --tools) tools=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --locust-workers) locust_workers=$2; shift 2 ;;
    --resource) resource=$2; shift 2 ;;
    --data-dir) data_dir=$2; shift 2 ;;
    --jfr) jfr_dir=$2; shift 2 ;;
    --quiet-load) quiet_load=$2; shift 2 ;;
    --install) BENCH_INSTALL=1; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,38p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
export BENCH_INSTALL

# shellcheck source-path=SCRIPTDIR source=lib/load-bench.sh
source "$(dirname "$0")/lib/load-bench.sh"

IFS=, read -r -a tool_list <<<"$tools"
for tool in "${tool_list[@]}"; do
  case "$tool" in wrk|hey|locust|gatling|load-service) ;; *) bench_die "unknown tool $tool" ;; esac
done
has_tool() { [[ ",$tools," == *",$1,"* ]]; }

required=(nginx curl jq python3 bc time)
for tool in wrk hey locust; do has_tool "$tool" && required+=("$tool"); done
if has_tool gatling || has_tool load-service; then required+=(java); fi
bench_require "${required[@]}"
data_dir=$(bench_find_data "$data_dir") || bench_die "no PokéAPI data set found (--data-dir DIR or POKEAPI_DATA_DIR)"
has_tool gatling && bench_gatling_build

nginx_port=${NGINX_PORT:-35090}
load_port=${LOAD_PORT:-35083}
locust_port=${LOCUST_MASTER_PORT:-35557}
path="/api/v2/$resource/"
url="http://127.0.0.1:$nginx_port$path"

work=$(mktemp -d /tmp/load-throughput.XXXXXX)
sampler_pid=
cleanup() {
  [[ -n "$sampler_pid" ]] && kill "$sampler_pid" 2>/dev/null
  bench_load_stop
  bench_kafka_stop
  bench_nginx_stop
  if [[ $keep == 1 ]]; then echo "work directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

bench_body "$data_dir" "$resource" "$work/body.json"
size=$(wc -c <"$work/body.json")
bench_nginx_start "$work" "$nginx_port" "$work/body.json"

# --- one run of each generator: prints "REQUESTS_PER_SECOND ERRORS PEAK_RSS_KB" ----------------
run_wrk() {
  /usr/bin/time -f '%M' -o "$work/rss" wrk -t"$threads" -c"$connections" -d"${duration}s" "$url" >"$work/wrk.out"
  local rate errors
  rate=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {for (i = 4; i <= NF; i += 2) n += $i} END {print n + 0}' "$work/wrk.out")
  echo "$rate $errors $(tail -1 "$work/rss")"
}
run_hey() {
  /usr/bin/time -f '%M' -o "$work/rss" hey -z "${duration}s" -c "$connections" "$url" >"$work/hey.out"
  local rate errors
  rate=$(awk '/Requests\/sec:/ {print $2}' "$work/hey.out")
  # "Status code distribution:" lines "  [CODE] N responses", "Error distribution:" lines "  [N] error"
  errors=$(awk '/^Status code distribution:/ {s = "status"; next} /^Error distribution:/ {s = "error"; next}
    /^ +\[[0-9]+\]/ {v = $1; gsub(/[][]/, "", v); if (s == "status" && v + 0 >= 400) n += $2; else if (s == "error") n += v}
    END {print n + 0}' "$work/hey.out")
  echo "$rate $errors $(tail -1 "$work/rss")"
}
run_locust() {
  local locustfile="$bench_dir/locust/fasthttp_locustfile.py" common
  common=(-f "$locustfile" --host "http://127.0.0.1:$nginx_port")
  : >"$work/locust-workers.out"
  local worker_pids=() i
  if [[ $locust_workers -gt 0 ]]; then
    for i in $(seq 1 "$locust_workers"); do
      BENCH_PATH=$path /usr/bin/time -f '%M' -o "$work/rss.worker$i" /usr/bin/python3 -m locust "${common[@]}" \
        --worker --master-host 127.0.0.1 --master-port "$locust_port" >>"$work/locust-workers.out" 2>&1 &
      worker_pids+=($!)
    done
    BENCH_PATH=$path /usr/bin/time -f '%M' -o "$work/rss" /usr/bin/python3 -m locust "${common[@]}" --headless \
      --master --master-bind-host 127.0.0.1 --master-bind-port "$locust_port" --expect-workers "$locust_workers" \
      -u "$connections" -r "$connections" -t "${duration}s" --only-summary >"$work/locust.out" 2>&1 || true
    wait "${worker_pids[@]}" 2>/dev/null || true
  else
    BENCH_PATH=$path /usr/bin/time -f '%M' -o "$work/rss" /usr/bin/python3 -m locust "${common[@]}" --headless \
      -u "$connections" -r "$connections" -t "${duration}s" --only-summary >"$work/locust.out" 2>&1 || true
  fi
  # the summary's "Aggregated  REQUESTS  FAILS(PCT) | avg min max med | req/s failures/s" line
  local line rss=0 f
  line=$(grep -E '^ +Aggregated +[0-9]+ +[0-9]+\(' "$work/locust.out" | head -1)
  [[ -n "$line" ]] || { tail -20 "$work/locust.out" >&2; bench_die "no Locust summary"; }
  for f in "$work"/rss "$work"/rss.worker*; do [[ -f "$f" ]] && rss=$((rss + $(tail -1 "$f"))); done
  rm -f "$work"/rss.worker*
  awk -v rss="$rss" '{split($3, f, "("); print $(NF - 1), f[1], rss}' <<<"$line"
}
run_gatling() {
  BENCH_WRAP=(/usr/bin/time -f '%M' -o "$work/rss")
  bench_gatling ThroughputSimulation "$work/gatling-results" -Dbench.url="$url" \
    -Dbench.connections="$connections" -Dbench.duration="$duration" -Dbench.warmup="$warmup" -- -nr \
    >"$work/gatling.out" 2>&1 || { tail -30 "$work/gatling.out" >&2; bench_die "Gatling failed"; }
  BENCH_WRAP=()
  # the last console summary's "> measured | total | OK | KO" line
  local line
  line=$(grep -E '^> measured ' "$work/gatling.out" | tail -1)
  [[ -n "$line" ]] || { tail -30 "$work/gatling.out" >&2; bench_die "no Gatling summary"; }
  awk -F'|' -v d="$duration" -v rss="$(tail -1 "$work/rss")" '{gsub(/[ ,]/, ""); printf "%.2f %d %d\n", $2 / d, ($4 == "-" ? 0 : $4), rss}' <<<"$line"
}
load_profile() { # SECONDS WARMUP
  jq -cn --arg base "http://127.0.0.1:$nginx_port" --arg path "$path" --argjson c "$connections" \
    --arg d "$1s" --arg w "$2s" \
    '{name: "throughput", model: "fixed-connections", baseUrl: $base, connections: $c, duration: $d,
      warmup: $w, requests: [{path: $path}]}'
}
run_load_service() {
  local id
  id=$(bench_load_post "$(load_profile "$duration" "$warmup")")
  bench_load_wait_status "$id" $((duration + warmup + 180)) completed stopped
  bench_load_report "$id" >"$work/load-report.json"
  jq -r '[.summary.requestsPerSecond, .summary.errors, 0] | @tsv' "$work/load-report.json" | tr '\t' ' '
  jq -r 'if .summary.valid == false then .summary.invalidReason else empty end' "$work/load-report.json" \
    >>"$work/load-invalid"
}

# --- load-service: started once, for the whole benchmark, its memory sampled throughout --------
if has_tool load-service; then
  bench_kafka_start "$work" "${LOAD_KAFKA_PORT:-35092}"
  bench_load_start "$work" "$load_port"
  (
    peak=0
    while kill -0 "$bench_load_pid" 2>/dev/null; do
      rss=$(bench_kb VmRSS "$bench_load_pid"); rss=${rss:-0}
      ((rss > peak)) && peak=$rss && echo "$peak" >"$work/rss-peak-sampled"
      sleep 0.2
    done
  ) &
  sampler_pid=$!
  bench_log "load-service: one untimed warm-up run"
  run_load_service >/dev/null
  : >"$work/load-invalid"
fi

if [[ -n "$jfr_dir" ]] && has_tool load-service; then
  mkdir -p "$jfr_dir"
  jfr_file="$(cd "$jfr_dir" && pwd)/load-service.jfr"
  "${JAVA_HOME:+$JAVA_HOME/bin/}jcmd" "$bench_load_pid" JFR.start name=bench settings=profile >/dev/null \
    || bench_die "could not start a JFR recording (jcmd)"
fi
[[ -n "$quiet_load" ]] && bench_wait_quiet "$quiet_load"

cpus=$(nproc)
echo "Load generators vs nginx: GET $path ($size bytes of JSON), $connections connections, ${duration}s x $rounds rounds, $cpus CPUs"
echo "data: $data_dir; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ $locust_workers -gt 0 ]] && has_tool locust && locust_label="locust ($locust_workers workers)" || locust_label=locust

declare -A rates errors_total rss_peak
for round in $(seq 1 "$rounds"); do
  order=("${tool_list[@]}")
  if ((round % 2 == 0)); then
    order=(); for ((i = ${#tool_list[@]} - 1; i >= 0; i--)); do order+=("${tool_list[$i]}"); done
  fi
  line="round $round:"
  for tool in "${order[@]}"; do
    sleep 1 # let the previous generator's connections close
    read -r rate errors rss < <("run_${tool//-/_}")
    rates[$tool]="${rates[$tool]:-} $rate"
    errors_total[$tool]=$((${errors_total[$tool]:-0} + errors))
    ((rss > ${rss_peak[$tool]:-0})) && rss_peak[$tool]=$rss
    line+=$(printf ' %s %.0f' "$tool" "$rate")
  done
  echo "$line   (load average $(cut -d' ' -f1 /proc/loadavg))"
done

mean() { awk '{s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.0f", s / NF}' <<<"$1"; }
range() { awk '{lo = $1; hi = $1; for (i = 2; i <= NF; i++) {if ($i < lo) lo = $i; if ($i > hi) hi = $i}; printf "%.0f-%.0f", lo, hi}' <<<"$1"; }
wrk_mean=
has_tool wrk && wrk_mean=$(mean "${rates[wrk]}")
echo
printf '%-28s %10s %15s %9s %8s %14s\n' generator 'req/s' 'range' 'vs wrk' errors 'peak RSS MB'
for tool in "${tool_list[@]}"; do
  m=$(mean "${rates[$tool]}")
  ratio=-
  [[ -n "$wrk_mean" ]] && ratio=$(printf '%.2f' "$(bc -l <<<"$m / $wrk_mean")")
  label=$tool
  [[ $tool == locust ]] && label=$locust_label
  rss=-
  [[ $tool != load-service ]] && rss=$(( ${rss_peak[$tool]:-0} / 1024 ))
  printf '%-28s %10s %15s %9s %8s %14s\n' "$label" "$m" "$(range "${rates[$tool]}")" "$ratio" "${errors_total[$tool]}" "$rss"
done

if has_tool load-service; then
  hwm=$(bench_kb VmHWM "$bench_load_pid")
  sampled=$(cat "$work/rss-peak-sampled" 2>/dev/null || echo 0)
  echo
  load_mean=$(mean "${rates[load-service]}")
  if [[ -n "$wrk_mean" ]]; then
    ratio=$(bc -l <<<"$load_mean / $wrk_mean")
    verdict=$(bc -l <<<"$ratio >= 0.9" | sed 's/1/met/;s/0/NOT met/')
    printf 'goal load-service >= 0.9 of wrk: %.2f, %s\n' "$ratio" "$verdict"
  fi
  ahead=() behind=()
  for tool in gatling hey locust; do
    has_tool "$tool" || continue
    if (($(bc -l <<<"$load_mean > $(mean "${rates[$tool]}")"))); then ahead+=("$tool"); else behind+=("$tool"); fi
  done
  echo "goal load-service ahead of Gatling, hey and Locust: ahead of ${ahead[*]:-none}${behind[*]:+; NOT ahead of ${behind[*]}}"
  invalid=$(grep -c . "$work/load-invalid" || true)
  echo "load-service's own verdict: $((rounds - invalid)) of $rounds counted runs valid"
  sed 's/^/  not valid: /' "$work/load-invalid"
  printf 'load-service peak RSS (VmHWM, start-up and %d runs): %d MB (highest VmRSS sampled every 0.2 s: %d MB); goal <= 256 MB: %s\n' \
    $((rounds + 1)) $((hwm / 1024)) $((sampled / 1024)) "$( ((hwm <= 256 * 1024)) && echo met || echo NOT met)"
  echo "load-service JVM options: $bench_load_java_opts ${LOAD_EXTRA_JAVA_OPTS:-}"
  if [[ -n "$jfr_dir" ]]; then
    jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
    "${jdk_bin}jcmd" "$bench_load_pid" JFR.stop name=bench filename="$jfr_file" >/dev/null
    echo
    echo "JFR recording of load-service over the counted rounds: $jfr_file"
    for view in hot-methods allocation-by-site gc thread-cpu-load; do
      "${jdk_bin}jfr" view --width 160 "$view" "$jfr_file" | head -32
    done
  fi
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on this machine shares the $cpus CPUs)"
