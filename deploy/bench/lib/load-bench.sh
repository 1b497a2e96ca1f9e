# shellcheck shell=bash
# Shared pieces of the load-service benchmarks (load-throughput.sh, load-coordinated-omission.sh):
# tool checks, the body taken from the real data, nginx on 127.0.0.1, the Gatling peer, and
# load-service started from its jar and driven over its REST API. Sourced, never run.

bench_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
bench_dir="$bench_repo/deploy/bench"

if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
bench_java=${JAVA_HOME:+$JAVA_HOME/bin/}java

bench_log() { printf '%s\n' "$*" >&2; }
bench_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# --- tools ----------------------------------------------------------------------------------------
# bench_require TOOL: fails with the command that installs a missing tool (Debian packages), or
# installs it when BENCH_INSTALL=1 (the scripts' --install option).
declare -A bench_package=(
  [nginx]=nginx [wrk]=wrk [hey]=hey [locust]=python3-locust [curl]=curl [jq]=jq [python3]=python3
  [bc]=bc [time]=time
)
bench_has() {
  case "$1" in
    nginx) [[ -x /usr/sbin/nginx ]] ;;
    locust) /usr/bin/python3 -c 'import locust.contrib.fasthttp' >/dev/null 2>&1 ;;
    time) [[ -x /usr/bin/time ]] ;;
    java) "$bench_java" -version >/dev/null 2>&1 ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}
bench_require() {
  local tool missing=()
  for tool in "$@"; do
    bench_has "$tool" || missing+=("$tool")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ " ${missing[*]} " == *" java "* ]]; then
    bench_die "no java: set JAVA_HOME to a JDK 21 or newer"
  fi
  local packages=()
  for tool in "${missing[@]}"; do packages+=("${bench_package[$tool]}"); done
  if [[ "${BENCH_INSTALL:-0}" == 1 ]]; then
    bench_log "installing ${packages[*]} (Debian packages)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; } \
      || bench_die "could not install ${packages[*]}"
    return 0
  fi
  bench_die "missing ${missing[*]}: install with
    apt-get update && apt-get install -y --no-install-recommends ${packages[*]}
  or run this script with --install (Locust runs with /usr/bin/python3: Debian's python3-locust)"
}

# --- the body -------------------------------------------------------------------------------------
# bench_body DATA_DIR RESOURCE OUT: writes the resource (e.g. ability/246) of the real data set as
# JSON the way the PokéAPI double and the live API serve it (", " and ": " separators, ASCII
# escapes): ability 246 gives 6,019 bytes, the 5.9 KB body of the benchmarks. Nothing is copied
# into the checkout.
bench_find_data() {
  local candidate
  for candidate in "${1:-}" "${POKEAPI_DATA_DIR:-}" "$bench_repo/../shared/pokeapi" /work/shared/pokeapi; do
    if [[ -n "$candidate" && -d "$candidate/api/v2" ]]; then (cd "$candidate" && pwd); return 0; fi
  done
  return 1
}
bench_body() {
  local file="$1/api/v2/$2/index.json.gz"
  [[ -f "$file" ]] || bench_die "no $file (the real PokéAPI data set; --data-dir DIR or POKEAPI_DATA_DIR)"
  /usr/bin/python3 -c 'import gzip, json, sys
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    body = json.dumps(json.load(f))
with open(sys.argv[2], "w", encoding="ascii") as out:
    out.write(body)' "$file" "$3"
}

# --- nginx ----------------------------------------------------------------------------------------
# bench_nginx_start WORK PORT BODY: nginx (daemon off, access_log off) on 127.0.0.1:PORT answering
# every path with BODY; sets bench_nginx_pid (the master; its workers are its children).
bench_nginx_pid=
bench_nginx_start() {
  local work=$1 port=$2 body=$3
  mkdir -p "$work/nginx" "$work/www"
  chmod 755 "$work" "$work/www" # the workers run as an unprivileged user
  cp "$body" "$work/www/body.json"
  chmod 644 "$work/www/body.json"
  cat > "$work/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 16384; }
worker_rlimit_nofile 40000;
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 100000000;
  keepalive_timeout 120s;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  types { application/json json; }
  default_type application/json;
  server {
    listen 127.0.0.1:$port backlog=4096;
    root $work/www;
    location / { try_files /body.json =404; }
  }
}
EOF
  /usr/sbin/nginx -c "$work/nginx.conf" -p "$work/nginx" &
  bench_nginx_pid=$!
  local _
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/" && break
    kill -0 "$bench_nginx_pid" 2>/dev/null || { cat "$work/nginx-error.log" >&2; bench_die "nginx did not start"; }
    sleep 0.1
  done
  curl -sf "http://127.0.0.1:$port/api/v2/x/" | cmp -s - "$body" \
    || { tail -3 "$work/nginx-error.log" >&2; bench_die "nginx on port $port does not serve the body"; }
}
# SIGSTOP must reach the workers too: they hold the connections.
# bench_nginx_signal SIGNAL: sends it to the master and every worker.
bench_nginx_signal() {
  local pids
  mapfile -t pids < <(echo "$bench_nginx_pid"; pgrep -P "$bench_nginx_pid")
  kill "-$1" "${pids[@]}" 2>/dev/null
}
bench_nginx_stop() {
  if [[ -n "$bench_nginx_pid" ]]; then
    bench_nginx_signal CONT || true
    kill "$bench_nginx_pid" 2>/dev/null || true
    wait "$bench_nginx_pid" 2>/dev/null || true
    bench_nginx_pid=
  fi
}

# --- measuring a process --------------------------------------------------------------------------
# bench_kb FIELD PID: a VmXXX field of /proc/PID/status in kB (empty when the process is gone).
bench_kb() { awk -v f="$1:" '$1 == f {print $2}' "/proc/$2/status" 2>/dev/null; }

# --- Gatling --------------------------------------------------------------------------------------
bench_gatling_dir="$bench_dir/gatling"
# Compiles the simulations (a standalone Maven project, not in the reactor) with the wrapper.
bench_gatling_build() {
  local stamp="$bench_gatling_dir/target/classpath.txt"
  if [[ ! -f "$stamp" || -n "$(find "$bench_gatling_dir/src" "$bench_gatling_dir/pom.xml" -newer "$stamp" 2>/dev/null)" ]]; then
    bench_log "building the Gatling simulations (deploy/bench/gatling, Gatling from Maven Central)"
    (cd "$bench_repo" && ./mvnw -B -q -f deploy/bench/gatling/pom.xml compile) >&2 \
      || bench_die "the Gatling project did not build (needs Maven Central)"
    touch "$stamp"
  fi
}
# bench_gatling SIMULATION RESULTS_DIR [-Dbench.x=y ...] [-- gatling options]: runs one simulation
# in its own JVM; its console output goes to stdout. The array BENCH_WRAP, when set, prefixes the
# java command (e.g. /usr/bin/time).
BENCH_WRAP=()
bench_gatling() {
  local simulation=$1 results=$2
  shift 2
  local props=() opts=()
  while [[ $# -gt 0 ]]; do
    if [[ "$1" == -- ]]; then shift; opts=("$@"); break; fi
    props+=("$1"); shift
  done
  mkdir -p "$results"
  # The JVM options the gatling-maven-plugin passes (--add-opens for its log writer), plus a heap.
  # shellcheck disable=SC2086
  "${BENCH_WRAP[@]}" "$bench_java" ${GATLING_JAVA_OPTS:--Xms512m -Xmx1g -XX:+UseParallelGC} \
    -XX:+HeapDumpOnOutOfMemoryError -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 \
    --add-opens=java.base/java.lang=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
    -Dsun.misc.unsafe.memory.access=allow \
    -Dgatling.data.enableAnalytics=false -Dgatling.data.console.writePeriod=5 \
    -Dlogback.configurationFile="$bench_gatling_dir/logback.xml" \
    "${props[@]}" \
    -cp "$bench_gatling_dir/target/classes:$(cat "$bench_gatling_dir/target/classpath.txt")" \
    io.gatling.app.Gatling -s "bench.$simulation" -rf "$results" "${opts[@]}"
}

# --- load-service ---------------------------------------------------------------------------------
# The packaged service (Quarkus fast-jar); LOAD_JAR points elsewhere (e.g. another checkout's build).
bench_load_jar=${LOAD_JAR:-$bench_repo/load-service/target/quarkus-app/quarkus-run.jar}
bench_load_pid=
bench_load_url=
bench_kafka_dir=
# bench_kafka_start WORK PORT: load-service publishes its summaries to Kafka, as deployed. Uses
# KAFKA_BOOTSTRAP_SERVERS when set; else starts a throwaway broker (deploy/local/kafka, state in
# WORK/kafka, stopped with this script) on 127.0.0.1:PORT. BENCH_NO_KAFKA=1 starts none: the
# service then runs with a port where nothing listens, logs connection warnings and cannot publish
# its summaries (the load and the report do not need the broker).
bench_kafka_start() {
  local work=$1 port=$2
  if [[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
    bench_kafka_bootstrap=$KAFKA_BOOTSTRAP_SERVERS
  elif [[ "${BENCH_NO_KAFKA:-0}" == 1 ]]; then
    bench_kafka_bootstrap=127.0.0.1:$port
  else
    bench_log "starting a Kafka broker for load-service's summaries on 127.0.0.1:$port"
    bench_kafka_dir="$work/kafka"
    # twice: right after a previous benchmark its broker's port can still be held for a moment
    "$bench_repo/deploy/local/kafka" start --port "$port" --dir "$bench_kafka_dir" --watch-pid $$ >"$work/kafka-start.log" 2>&1 \
      || { "$bench_repo/deploy/local/kafka" stop --dir "$bench_kafka_dir" >/dev/null 2>&1; sleep 10
        "$bench_repo/deploy/local/kafka" start --port "$port" --dir "$bench_kafka_dir" --watch-pid $$ >>"$work/kafka-start.log" 2>&1; } \
      || { tail -5 "$work/kafka-start.log" >&2; bench_die "the Kafka broker did not start (BENCH_NO_KAFKA=1 runs without one)"; }
    bench_kafka_bootstrap=127.0.0.1:$port
  fi
}
bench_kafka_stop() {
  if [[ -n "$bench_kafka_dir" ]]; then
    "$bench_repo/deploy/local/kafka" stop --dir "$bench_kafka_dir" >/dev/null 2>&1 || true
    bench_kafka_dir=
  fi
}
bench_kafka_bootstrap=
# load-service's JVM options: LOAD_JAVA_OPTS, by default deploy/local/stack's LOAD_JVM_OPTS (the
# settings the stack, the compose file and the chart give it)
bench_load_java_opts=${LOAD_JAVA_OPTS:-$(sed -n 's/^LOAD_JVM_OPTS="\(.*\)"$/\1/p' "$bench_repo/deploy/local/stack")}
# bench_load_start WORK PORT: starts load-service on 127.0.0.1:PORT with $bench_load_java_opts
# and waits until it is live; sets bench_load_pid.
# Call bench_kafka_start first.
bench_load_start() {
  local work=$1 port=$2
  [[ -f "$bench_load_jar" ]] || bench_die "no $bench_load_jar: build it with
    ./mvnw -B -q -pl load-service -am install -DskipTests
  (or point LOAD_JAR at a built quarkus-run.jar)"
  bench_load_url="http://127.0.0.1:$port"
  # shellcheck disable=SC2086
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$port \
    KAFKA_BOOTSTRAP_SERVERS=${bench_kafka_bootstrap:-127.0.0.1:1} \
    LOAD_SCHEDULE_WEEKLY=off LOAD_API_TOKEN='' \
    "$bench_java" $bench_load_java_opts \
    ${LOAD_EXTRA_JAVA_OPTS:-} -jar "$bench_load_jar" >"$work/load-service.log" 2>&1 &
  bench_load_pid=$!
  local _
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "$bench_load_url/q/health/live" && return 0
    kill -0 "$bench_load_pid" 2>/dev/null || { tail -20 "$work/load-service.log" >&2; bench_die "load-service did not start"; }
    sleep 0.2
  done
  tail -20 "$work/load-service.log" >&2
  bench_die "load-service did not become live within 60 s"
}
bench_load_stop() {
  if [[ -n "$bench_load_pid" ]]; then
    kill "$bench_load_pid" 2>/dev/null || true
    wait "$bench_load_pid" 2>/dev/null || true
    bench_load_pid=
  fi
}
# bench_load_post PROFILE_JSON: starts a run, prints its id.
bench_load_post() {
  local answer
  answer=$(curl -s -w '\n%{http_code}' -XPOST "$bench_load_url/api/load-runs" \
    -H 'Content-Type: application/json' -d "{\"profile\": $1}")
  [[ "${answer##*$'\n'}" == 202 ]] || bench_die "load-service refused the run: ${answer%$'\n'*}"
  jq -r .id <<<"${answer%$'\n'*}"
}
# bench_load_status ID: the run's status (starting, running, completed, stopped, failed).
bench_load_status() { curl -sf "$bench_load_url/api/load-runs/$1" | jq -r .status; }
# bench_load_wait_status ID SECONDS STATUS...: waits until the run's status is one of them; fails
# after SECONDS, printing the run as load-service shows it.
bench_load_wait_status() {
  local id=$1 seconds=$2 status deadline
  shift 2
  deadline=$(($(date +%s) + seconds))
  while true; do
    status=$(bench_load_status "$id")
    [[ " $* " == *" $status "* ]] && return 0
    [[ "$status" == failed ]] && bench_die "load run $id failed: $(curl -s "$bench_load_url/api/load-runs/$id" | jq -c .failure)"
    if (($(date +%s) >= deadline)); then
      curl -s "$bench_load_url/api/load-runs/$id" >&2
      bench_die "load run $id is still $status after $seconds s (expected: $*)"
    fi
    sleep 0.1
  done
}
# bench_load_report ID: the run's JSON report on stdout.
bench_load_report() { curl -sf "$bench_load_url/api/load-runs/$1/report" -H 'Accept: application/json'; }

# --- a quiet moment -------------------------------------------------------------------------------
# bench_wait_quiet MAX_LOAD [MINUTES]: waits (default at most 30 minutes) until the 1-minute load
# average is at most MAX_LOAD; goes on anyway after that, saying so.
bench_wait_quiet() {
  local max=$1 minutes=${2:-30} deadline load
  deadline=$(($(date +%s) + minutes * 60))
  while true; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    (($(bc -l <<<"$load <= $max"))) && return 0
    if (($(date +%s) >= deadline)); then
      bench_log "load average still $load after $minutes minutes of waiting for <= $max: measuring anyway"
      return 0
    fi
    bench_log "load average $load > $max: waiting for a quieter moment"
    sleep 30
  done
}
