#!/usr/bin/env bash
# Benchmarks the PokéAPI double against nginx serving the same bytes, with the same wrk load.
#
# The double serves a data directory (the real one when present, else a generated fixture); nginx
# serves, from a temp dir, the exact body the double returns for the chosen resource (about 5.9 KB
# of JSON). Both run on 127.0.0.1 on this machine, one after the other, with the same wrk threads,
# connections and duration, after a warm-up. It prints both rates and their ratio (goal >= 0.8).
#
# Usage: deploy/bench/pokeapi-double-vs-nginx.sh [options]
#   --connections N   wrk connections (default 64)
#   --threads N       wrk threads (default 2)
#   --duration S      seconds per measured run (default 10)
#   --warmup S        seconds of warm-up per server (default 10)
#   --rounds N        measured runs per server, in alternating order (default 4)
#   --path P          resource to fetch (default /api/v2/ability/246/, 5.9 KB)
#   --event-loops N   event loops of the double (default: its default, one per CPU)
#   --data-dir DIR    data directory (default: $POKEAPI_DATA_DIR, ../shared/pokeapi, /work/shared/pokeapi)
# Environment: JAVA_HOME (default temurin 25 if installed), DOUBLE_JAVA_OPTS, BUILD_SUFFIX (Maven
# output folder suffix, as -Dbuild.suffix), DOUBLE_PORT (18090), NGINX_PORT (18091).
set -euo pipefail

connections=64
threads=2
duration=10
warmup=10
rounds=4
path=/api/v2/ability/246/
event_loops=
data_dir=${POKEAPI_DATA_DIR:-}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --path) path=$2; shift 2 ;;
    --event-loops) event_loops=$2; shift 2 ;;
    --data-dir) data_dir=$2; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/../.." && pwd)
build_suffix=${BUILD_SUFFIX:-}
double_port=${DOUBLE_PORT:-18090}
nginx_port=${NGINX_PORT:-18091}
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
double_java_opts=${DOUBLE_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC -XX:+AlwaysPreTouch}

work=$(mktemp -d /tmp/pokeapi-double-bench.XXXXXX)
chmod 755 "$work" # nginx workers run as an unprivileged user
double_pid=
nginx_pid=
cleanup() {
  local pid
  for pid in "$double_pid" "$nginx_pid"; do
    if [[ -n "$pid" ]]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

# --- tools -------------------------------------------------------------------------------------
if [[ ! -x /usr/sbin/nginx ]] || ! command -v wrk >/dev/null; then
  echo "installing nginx and wrk (Debian packages)" >&2
  apt-get install -y --no-install-recommends nginx wrk >/dev/null \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends nginx wrk >/dev/null; }
fi

jar="$repo/deploy/pokeapi-double/target${build_suffix}/pokeapi-double-runner.jar"
if [[ ! -f "$jar" ]]; then
  echo "building $jar" >&2
  (cd "$repo" && JAVA_HOME=${JAVA_HOME:-} ./mvnw -B -q "-Dbuild.suffix=${build_suffix}" \
    -pl deploy/pokeapi-double package -DskipTests)
fi

# --- data --------------------------------------------------------------------------------------
if [[ -z "$data_dir" ]]; then
  for candidate in "$repo/../shared/pokeapi" /work/shared/pokeapi; do
    if [[ -d "$candidate/api/v2" ]]; then data_dir=$(cd "$candidate" && pwd); break; fi
  done
fi
if [[ -z "$data_dir" || ! -d "$data_dir/api/v2" ]]; then
  # No real data: a fixture whose ability 246 is about 5.9 KB, like the real one.
  data_dir="$work/fixture"
  mkdir -p "$data_dir/api/v2/meta" "$data_dir/api/v2/ability/246"
  echo '{"deploy_date": "0", "hash": "bench-fixture", "tag": null}' > "$data_dir/api/v2/meta/index.json"
  echo '{"count": 1, "next": null, "previous": null, "results": [{"name": "bench", "url": "/api/v2/ability/246/"}]}' \
    > "$data_dir/api/v2/ability/index.json"
  {
    printf '{"id": 246, "name": "bench", "pokemon": ['
    for i in $(seq 1 60); do
      [[ $i -gt 1 ]] && printf ', '
      printf '{"is_hidden": false, "pokemon": {"name": "pokemon-%d", "url": "/api/v2/pokemon/%d/"}}' "$i" "$i"
    done
    printf ']}'
  } > "$data_dir/api/v2/ability/246/index.json"
  path=/api/v2/ability/246/
  echo "no real data found: using a generated fixture" >&2
fi

# --- the double --------------------------------------------------------------------------------
double_args=(--data-dir "$data_dir" --host 127.0.0.1 --port "$double_port")
[[ -n "$event_loops" ]] && double_args+=(--event-loops "$event_loops")
# shellcheck disable=SC2086
"$java" $double_java_opts -jar "$jar" "${double_args[@]}" >"$work/double.log" 2>&1 &
double_pid=$!
for _ in $(seq 1 150); do
  curl -sf -o /dev/null "http://127.0.0.1:$double_port/api/v2/meta/" && break
  kill -0 "$double_pid" 2>/dev/null || { cat "$work/double.log" >&2; exit 1; }
  sleep 0.2
done

mkdir -p "$work/www"
curl -sf "http://127.0.0.1:$double_port$path" -o "$work/www/body.json"
chmod -R a+rX "$work/www"
size=$(wc -c < "$work/www/body.json")

# --- nginx, serving the same bytes -------------------------------------------------------------
mkdir -p "$work/nginx"
cat > "$work/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 100000000;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  types { application/json json; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location / { try_files /body.json =404; }
  }
}
EOF
/usr/sbin/nginx -c "$work/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
for _ in $(seq 1 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$nginx_port$path" && break
  sleep 0.1
done
if ! curl -sf "http://127.0.0.1:$nginx_port$path" | cmp -s - "$work/www/body.json"; then
  echo "nginx does not serve the double's bytes:" >&2; tail -3 "$work/nginx-error.log" >&2; curl -si "http://127.0.0.1:$nginx_port$path" | head -5 >&2
  exit 1
fi

# --- load ---------------------------------------------------------------------------------------
rate() { # url seconds -> requests/s
  wrk -t"$threads" -c"$connections" -d"$2"s "$1" | awk '/Requests\/sec/ {print $2}'
}
double_url="http://127.0.0.1:$double_port$path"
nginx_url="http://127.0.0.1:$nginx_port$path"

echo "PokéAPI double vs nginx: $path ($size bytes), wrk -t$threads -c$connections, ${duration}s x $rounds rounds, $(nproc) CPUs"
echo "data: $data_dir"
grep -o 'listening on .*event loops on [A-Za-z]*' "$work/double.log" | sed 's/^/double /' 
# Warm-up: the double's JIT compiles during its first seconds; let it settle before measuring.
rate "$double_url" "$warmup" >/dev/null
rate "$nginx_url" "$warmup" >/dev/null
sleep 2
double_rates=()
nginx_rates=()
for round in $(seq 1 "$rounds"); do
  # alternate the order, so neither server always runs right after the other
  if (( round % 2 == 1 )); then
    d=$(rate "$double_url" "$duration")
    n=$(rate "$nginx_url" "$duration")
  else
    n=$(rate "$nginx_url" "$duration")
    d=$(rate "$double_url" "$duration")
  fi
  double_rates+=("$d")
  nginx_rates+=("$n")
  printf 'round %d: double %10.0f req/s   nginx %10.0f req/s   ratio %.3f\n' "$round" "$d" "$n" \
    "$(echo "$d / $n" | bc -l)"
done
mean() { printf '%s\n' "$@" | awk '{s += $1} END {printf "%.0f", s / NR}'; }
double_mean=$(mean "${double_rates[@]}")
nginx_mean=$(mean "${nginx_rates[@]}")
ratio=$(echo "$double_mean / $nginx_mean" | bc -l)
printf 'double: %s req/s\nnginx:  %s req/s\nratio:  %.3f (goal >= 0.8: %s)\n' \
  "$double_mean" "$nginx_mean" "$ratio" "$(echo "$ratio >= 0.8" | bc -l | sed 's/1/met/;s/0/not met/')"
