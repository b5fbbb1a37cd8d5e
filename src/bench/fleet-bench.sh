#!/usr/bin/env bash
# Probe engine benchmark: a fleet of HTTP monitors against local targets that take 200 ms to answer
# (some never answer), Vigil running from its jar as its own process with its own SQLite database.
# The figures come from what Vigil recorded (each check's scheduled and started times, so a check
# that started late or was skipped is counted as such) and from /proc (CPU and peak RSS of Vigil's
# process alone). See dev.vigil.bench.FleetBenchmark.
#
#   src/bench/fleet-bench.sh                                  # 10,000 monitors, 60 s, 10 minutes
#   src/bench/fleet-bench.sh --hanging-percent 5              # the same, 5 % never answer
#   src/bench/fleet-bench.sh --interval 10 --find-max --minutes 3   # largest fleet at 10 s
#
# Options: --monitors N, --interval SECONDS, --timeout SECONDS (default 10), --minutes M,
# --delay-ms MS (default 200), --hanging-percent P, --find-max [--sizes 5000,10000],
# --java-options "-Xmx256m" (Vigil's JVM), --jar PATH. BUILD=1 rebuilds the jar first.
# Needs java 17 and maven; wrk (optional) measures the public page after the window.
# All traffic stays on 127.0.0.1, and the run stops by itself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [[ "${BUILD:-0}" == 1 || ! -f target/vigil.jar ]]; then
    mvn -B -q -o package -DskipTests
fi
mvn -B -q -o test-compile -DskipTests
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    dev.vigil.bench.FleetBenchmark "$@"
