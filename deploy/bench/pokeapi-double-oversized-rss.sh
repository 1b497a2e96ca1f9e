#!/usr/bin/env bash
# Measures what oversized-body faults leave in the PokéAPI double's memory (issue 9 item 11).
#
# Starts the double with the stack's JVM options (-Xms256m -Xmx1g, ParallelGC, exit on OOM) on the
# real data, fetches N pokemon once without faults (their renderings are then cached, so that what
# follows measures the faults alone), then the same N with an oversized_body fault of SIZE bytes on
# pokemon (each body pads to the same size, so each needs a different amount of padding), then
# clears the faults. After each phase it runs a full GC and prints the process's RSS and the heap
# in use. Before the fix, every distinct padding size kept its own buffer for ever: the heap grew by
# up to SIZE per resource and stayed (with -Xmx1g, 40 sizes of 16 MiB end in an OutOfMemoryError).
#
# Usage: deploy/bench/pokeapi-double-oversized-rss.sh [--count N (40)] [--size BYTES (16777216)]
#        [--jar PATH] [--data-dir DIR]
# Environment: JAVA_HOME (default temurin 25 if installed), DOUBLE_JAVA_OPTS, BUILD_SUFFIX,
# DOUBLE_PORT (18092).
set -euo pipefail

count=40
size=$((16 << 20))
jar=
data_dir=${POKEAPI_DATA_DIR:-}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    --data-dir) data_dir=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/../.." && pwd)
port=${DOUBLE_PORT:-18092}
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
java_opts=${DOUBLE_JAVA_OPTS:--Xms256m -Xmx1g -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError}
jar=${jar:-$repo/deploy/pokeapi-double/target${BUILD_SUFFIX:-}/pokeapi-double-runner.jar}
if [[ ! -f "$jar" ]]; then
  (cd "$repo" && ./mvnw -B -q -pl deploy/pokeapi-double package -DskipTests ${BUILD_SUFFIX:+-Dbuild.suffix=$BUILD_SUFFIX})
fi
if [[ -z "$data_dir" ]]; then
  for d in "$repo/../shared/pokeapi" /work/shared/pokeapi; do
    [[ -d "$d/api/v2" ]] && { data_dir=$d; break; }
  done
fi
[[ -d "$data_dir/api/v2/pokemon" ]] || { echo "no data directory with api/v2/pokemon (--data-dir)" >&2; exit 2; }

log=$(mktemp /tmp/pokeapi-double-rss.XXXXXX.log)
# shellcheck disable=SC2086
"$java" $java_opts -jar "$jar" --data-dir "$data_dir" --host 127.0.0.1 --port "$port" --admin >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"; }
trap cleanup EXIT
base=http://127.0.0.1:$port
for _ in $(seq 1 120); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v2/meta/")" == 200 ]] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done

ids=$(ls "$data_dir/api/v2/pokemon" | grep -E '^[0-9]+$' | sort -n | head -n "$count")

measure() {
  if ! kill -0 "$pid" 2>/dev/null; then
    printf '%-34s the double is gone: %s\n' "$1" "$(grep -m1 -i 'OutOfMemory' "$log" || tail -n 1 "$log")"
    return 1
  fi
  "$jcmd" "$pid" GC.run >/dev/null
  sleep 1
  local rss heap
  rss=$(awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status")
  heap=$("$jcmd" "$pid" GC.heap_info | grep -oE 'used [0-9]+K' | awk '{s += $2} END {printf "%d", s / 1024}')
  printf '%-34s RSS %5d MB   heap in use after full GC %5d MB\n' "$1" "$rss" "$heap"
}

fetch_all() {
  local id bytes total=0
  for id in $ids; do
    bytes=$(curl -s -o /dev/null -w '%{size_download}' "$base/api/v2/pokemon/$id/") || return 1
    total=$((total + bytes))
  done
  echo "$total"
}

echo "PokéAPI double, oversized_body faults: $count pokemon padded to $size bytes; $java_opts"
echo "jar $jar"
fetch_all >/dev/null
measure "after $count plain answers" || exit 1
curl -s -o /dev/null -X PUT "$base/_admin/faults" -H 'Content-Type: application/json' \
  -d "{\"rules\": [{\"endpoint\": \"pokemon\", \"kind\": \"oversized_body\", \"sizeBytes\": $size}]}"
sent=$(fetch_all || echo 0)
echo "oversized answers: $sent bytes received"
measure "after $count oversized answers" || exit 1
curl -s -o /dev/null -X DELETE "$base/_admin/faults"
sleep 2
measure "faults cleared, 2 s later" || exit 1
