#!/usr/bin/env bash
# Benchmarks the drift engine (schema inference and conformance check) on the real PokéAPI data.
# Compiles common-model's test classes, then runs DriftEngineBenchmark, which prints documents/s
# and MB/s for each. Prints figures only; no timing is asserted anywhere.
#
# Usage: deploy/bench/drift-engine.sh [--warmup N] [--passes N]
# Env:   JAVA_HOME (default: Temurin 25), POKEAPI_DATA_DIR (default: ../shared/pokeapi or
#        /work/shared/pokeapi), BUILD_SUFFIX (Maven output folder suffix, default -bench),
#        BENCH_HEAP (default 3g: the 2,771 parsed resources take about 1.3 GB).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
suffix="${BUILD_SUFFIX:--bench}"
target="$root/common-model/target$suffix"
classpath_file="$target/drift-benchmark.classpath"

cd "$root"
./mvnw -q -B -Dbuild.suffix="$suffix" -pl common-model \
  test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

exec "$JAVA_HOME/bin/java" -Xms"${BENCH_HEAP:-3g}" -Xmx"${BENCH_HEAP:-3g}" \
  -Dproject.root.dir="$root" \
  -cp "$target/test-classes:$target/classes:$(cat "$classpath_file")" \
  io.pokeapi.observability.common.schema.DriftEngineBenchmark "$@"
