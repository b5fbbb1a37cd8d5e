#!/usr/bin/env bash
# Status page benchmark: Vigil against nginx serving the same bytes.
#
# Vigil serves `/` and `/api/v2/summary.json` from an in-memory snapshot of prepared bytes
# (plain and gzip, see StatusHandlers), and an incident's page from memory once rendered (the page
# everyone opens from the status page during an outage; IncidentPageCache). This script asks how close that comes to a plain static
# file server. It:
#
#   1. builds target/vigil.jar if it is missing or older than the sources (BUILD=1 forces it),
#      starts Vigil with the demo configuration (data/vigil.yml) on a free port with a temporary
#      data folder, and waits for /health;
#   2. downloads the exact bytes Vigil serves for `/`, `/api/v2/summary.json` and the demo's first
#      listed incident page (`/incidents/N`), plain and gzip,
#      into a temporary nginx root, and starts nginx on another free port with a temporary
#      configuration (access_log off, sendfile on, gzip_static on, so the .gz files Vigil produced
#      are sent as they are with Content-Encoding: gzip);
#   3. warms Vigil's JVM up, then for each case runs wrk against Vigil and against nginx with the
#      same settings: a warm-up run, then the measured run (ROUNDS times, alternating, keeping the
#      best run of each server);
#   4. prints the machine, the date, the settings and a table: requests per second, p50 and p99
#      latency for each server, and the Vigil/nginx throughput ratio;
#   5. stops everything it started and deletes its temporary folder when it exits, also on
#      errors and Ctrl-C.
#
# Run from anywhere (it changes to the repository root):
#
#   src/bench/statuspage-bench.sh
#
# Settings (environment variables):
#   DURATION      length of each measured wrk run           (default 10s)
#   CONNECTIONS   wrk connections                           (default 64)
#   THREADS       wrk threads                               (default 2)
#   WARMUP        length of the warm-up run before each measured run (default 5s)
#   JVM_WARMUP    extra load on each Vigil URL before anything is measured (default 10s)
#   NGINX_WORKERS nginx worker_processes                    (default auto: one per core)
#   ROUNDS        measured runs per case and server, alternating; the best counts (default 1)
#   BUILD         1: always rebuild the jar (mvn -q -o package -DskipTests)
#
# Needs: java 17, maven (only to build), curl, gzip, nginx with gzip_static (Debian nginx-light
# has it), wrk. All load goes to 127.0.0.1. wrk, Vigil and nginx share the same cores, so read the
# ratio rather than the absolute numbers.
set -euo pipefail

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-5s}
JVM_WARMUP=${JVM_WARMUP:-10s}
NGINX_WORKERS=${NGINX_WORKERS:-auto}
ROUNDS=${ROUNDS:-1}
BUILD=${BUILD:-0}

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

for tool in java curl gzip cmp nginx wrk; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
if ! nginx -V 2>&1 | grep -q -- --with-http_gzip_static_module; then
    die "this nginx lacks the gzip_static module"
fi
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a whole number from 1"
if (( CONNECTIONS < THREADS )); then
    die "CONNECTIONS ($CONNECTIONS) must be at least THREADS ($THREADS)"
fi

# --- cleanup -----------------------------------------------------------------------------------

WORK=""
VIGIL_PID=""
NGINX_PID=""

stop() {
    local pid=$1 name=$2
    [[ -n $pid ]] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "$name did not stop within 10 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop "$NGINX_PID" nginx
    stop "$VIGIL_PID" Vigil
    if [[ -n $WORK && -d $WORK ]]; then
        if (( status != 0 )); then
            for f in "$WORK"/vigil.log "$WORK"/nginx.log; do
                [[ -s $f ]] && { log "last lines of $(basename "$f"):"; tail -n 20 "$f" >&2; }
            done
        fi
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vigil-bench.XXXXXX")

# --- helpers -----------------------------------------------------------------------------------

# A TCP port on 127.0.0.1 that nothing answers on, other than the ones given as arguments.
free_port() {
    local port taken
    for _ in $(seq 100); do
        port=$((20000 + RANDOM % 40000))
        for taken in "$@"; do [[ $port == "$taken" ]] && continue 2; done
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    die "found no free port"
}

# wait_http URL PID NAME: waits up to 60 s for URL to answer 2xx while PID is alive.
wait_http() {
    local url=$1 pid=$2 name=$3
    for _ in $(seq 600); do
        kill -0 "$pid" 2>/dev/null || die "$name exited during start-up"
        curl -fs -o /dev/null --max-time 2 "$url" && return 0
        sleep 0.1
    done
    die "$name did not answer $url within 60 s"
}

# fetch URL FILE [curl options]: the raw response body, never decoded by curl.
fetch() {
    local url=$1 file=$2
    shift 2
    curl -fsS --max-time 10 -o "$file" "$@" "$url"
}

# run_wrk URL OUT DURATION [GZIP]: wrk with the shared settings; output goes to OUT.
run_wrk() {
    local url=$1 out=$2 duration=$3 gzip=${4:-}
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency)
    [[ -n $gzip ]] && args+=(-H 'Accept-Encoding: gzip')
    wrk "${args[@]}" "$url" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed against $url"; }
}

# CPU accounting, in clock ticks, to tell how much of the machine other work took during a run.
# /proc/stat "cpu": user nice system idle iowait irq softirq steal. Without IRQ time accounting
# the kernel also charges irq and softirq ticks to the interrupted task's stime, so they count as
# busy here too.
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
# utime + stime of the given processes (all their threads), plus this shell's reaped children
# (wrk, once it has ended).
our_ticks() {
    local total pid
    total=$(awk '{ sub(/.*\) /, ""); print $14 + $15 }' /proc/$$/stat)
    for pid in "$@"; do
        [[ -r /proc/$pid/stat ]] || continue
        total=$((total + $(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat")))
    done
    echo "$total"
}
server_pids() { echo "$VIGIL_PID" "$NGINX_PID" $(pgrep -P "$NGINX_PID" || true); }

# measure URL OUT GZIP: the measured wrk run; also writes OUT.others, the share of the machine's
# CPU time (in percent) that went to processes other than Vigil, nginx and wrk meanwhile.
measure() {
    local url=$1 out=$2 gzip=$3 busy0 all0 ours0 busy1 all1 ours1 pids
    pids=$(server_pids)
    read -r busy0 all0 < <(machine_ticks)
    # shellcheck disable=SC2086
    ours0=$(our_ticks $pids)
    run_wrk "$url" "$out" "$DURATION" "$gzip"
    read -r busy1 all1 < <(machine_ticks)
    # shellcheck disable=SC2086
    ours1=$(our_ticks $pids)
    awk -v b=$((busy1 - busy0)) -v a=$((all1 - all0)) -v o=$((ours1 - ours0)) \
        'BEGIN { x = a > 0 ? 100 * (b - o) / a : 0; printf "%.0f%%\n", x < 0 ? 0 : x }' >"$out.others"
}

# Fields of a wrk report.
wrk_rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
wrk_pct() { awk -v p="$2" '$1 == p { print $2 }' "$1"; }
wrk_errors() {
    awk '/Non-2xx or 3xx responses:/ { n += $NF }
         /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 }
         END { print n + 0 }' "$1"
}

# --- 1. Vigil ----------------------------------------------------------------------------------

JAR=target/vigil.jar
if [[ $BUILD == 1 || ! -f $JAR || -n $(find pom.xml src/main -newer "$JAR" -print -quit) ]]; then
    command -v mvn >/dev/null || die "maven is needed to build $JAR"
    log "building $JAR (mvn -q -o package -DskipTests)"
    mvn -q -o package -DskipTests >&2
fi
[[ -f $JAR ]] || die "$JAR was not built"

VIGIL_PORT=$(free_port)
mkdir -p "$WORK/vigil-data"
log "starting Vigil on 127.0.0.1:$VIGIL_PORT"
VIGIL_PORT=$VIGIL_PORT VIGIL_DATA_DIR="$WORK/vigil-data" \
    java -jar "$JAR" --config data/vigil.yml >"$WORK/vigil.log" 2>&1 &
VIGIL_PID=$!
VIGIL=http://127.0.0.1:$VIGIL_PORT
wait_http "$VIGIL/health" "$VIGIL_PID" Vigil

# --- 2. nginx with the same bytes --------------------------------------------------------------

ROOT=$WORK/www
mkdir -p "$ROOT/api/v2" "$WORK/nginx-temp"
INCIDENT=$(curl -fsS "$VIGIL/" | grep -o 'href="/incidents/[0-9]*"' | head -n 1 | grep -o '[0-9]*' || true)
[[ -n $INCIDENT ]] || die "the status page links no incident (the demo history should have some)"

# The snapshot can be rebuilt between two downloads (a probe result arrives); download again until
# the plain and gzip bodies of both resources come from one snapshot.
snapshot_ok=""
for _ in $(seq 5); do
    fetch "$VIGIL/" "$ROOT/index.html"
    fetch "$VIGIL/" "$ROOT/index.html.gz" -H 'Accept-Encoding: gzip'
    fetch "$VIGIL/api/v2/summary.json" "$ROOT/api/v2/summary.json"
    fetch "$VIGIL/api/v2/summary.json" "$ROOT/api/v2/summary.json.gz" -H 'Accept-Encoding: gzip'
    fetch "$VIGIL/incidents/$INCIDENT" "$ROOT/incident.html"
    fetch "$VIGIL/incidents/$INCIDENT" "$ROOT/incident.html.gz" -H 'Accept-Encoding: gzip'
    if gzip -dc "$ROOT/index.html.gz" | cmp -s - "$ROOT/index.html" \
        && gzip -dc "$ROOT/api/v2/summary.json.gz" | cmp -s - "$ROOT/api/v2/summary.json" \
        && gzip -dc "$ROOT/incident.html.gz" | cmp -s - "$ROOT/incident.html"; then
        snapshot_ok=1
        break
    fi
    sleep 1
done
[[ -n $snapshot_ok ]] || die "the plain and gzip responses never matched"

# nginx workers may run as another user (nobody, when started as root): let them read the root.
chmod 755 "$WORK" "$ROOT" "$ROOT/api" "$ROOT/api/v2"
chmod 644 "$ROOT"/index.html* "$ROOT"/incident.html* "$ROOT"/api/v2/summary.json*

NGINX_PORT=$(free_port "$VIGIL_PORT")
cat >"$WORK/nginx.conf" <<EOF
# Written by statuspage-bench.sh; deleted when it ends.
worker_processes $NGINX_WORKERS;
pid $WORK/nginx.pid;
error_log $WORK/nginx.log warn;
events {
    worker_connections 1024;
}
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    # wrk keeps its connections open for the whole run, as Jetty lets it; nginx's default would
    # close each one after 1000 requests.
    keepalive_requests 100000000;
    keepalive_timeout 75s;
    # Headers Vigil also sends.
    gzip_static on;
    gzip_vary on;
    add_header Cache-Control "public, max-age=5";
    types {
        text/html html;
        application/json json;
    }
    charset utf-8;
    charset_types application/json;
    client_body_temp_path $WORK/nginx-temp/body;
    proxy_temp_path $WORK/nginx-temp/proxy;
    fastcgi_temp_path $WORK/nginx-temp/fastcgi;
    uwsgi_temp_path $WORK/nginx-temp/uwsgi;
    scgi_temp_path $WORK/nginx-temp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $ROOT;
        location = / {
            try_files /index.html =404;
        }
        location = /api/v2/summary.json {
        }
        location = /incidents/$INCIDENT {
            try_files /incident.html =404;
        }
        location / {
            return 404;
        }
    }
}
EOF
log "starting nginx on 127.0.0.1:$NGINX_PORT (worker_processes $NGINX_WORKERS)"
nginx -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx.log" -g 'daemon off;' >>"$WORK/nginx.log" 2>&1 &
NGINX_PID=$!
NGINX=http://127.0.0.1:$NGINX_PORT
wait_http "$NGINX/" "$NGINX_PID" nginx

# Both servers must send the same bytes, or the comparison means nothing.
check_same() {
    local path=$1 name=$2
    shift 2
    fetch "$VIGIL$path" "$WORK/check-vigil" "$@"
    fetch "$NGINX$path" "$WORK/check-nginx" "$@"
    cmp -s "$WORK/check-vigil" "$WORK/check-nginx" || die "Vigil and nginx send different bytes for $name"
}
check_same / "page plain"
check_same / "page gzip" -H 'Accept-Encoding: gzip'
check_same /api/v2/summary.json "summary.json gzip" -H 'Accept-Encoding: gzip'
check_same "/incidents/$INCIDENT" "incident page gzip" -H 'Accept-Encoding: gzip'
for url in "$VIGIL/" "$NGINX/"; do
    curl -fsS -o /dev/null -D - -H 'Accept-Encoding: gzip' "$url" | grep -qi '^content-encoding: gzip' \
        || die "$url does not answer gzip"
done

size() { wc -c <"$1" | tr -d ' '; }
PAGE_PLAIN=$(size "$ROOT/index.html")
PAGE_GZIP=$(size "$ROOT/index.html.gz")
SUMMARY_PLAIN=$(size "$ROOT/api/v2/summary.json")
SUMMARY_GZIP=$(size "$ROOT/api/v2/summary.json.gz")
INCIDENT_PLAIN=$(size "$ROOT/incident.html")
INCIDENT_GZIP=$(size "$ROOT/incident.html.gz")

# --- 3. load -----------------------------------------------------------------------------------

# Anything else running on the machine skews the numbers; say so rather than hide it.
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
if awk -v l="${LOAD_BEFORE%% *}" 'BEGIN { exit !(l + 0 >= 0.5) }' 2>/dev/null; then
    log "warning: load average is $LOAD_BEFORE before the load starts; other work will skew the numbers"
fi

CASES=("page plain|/|" "page gzip|/|gzip" "summary.json gzip|/api/v2/summary.json|gzip"
    "incident gzip|/incidents/$INCIDENT|gzip")

log "warming up Vigil's JVM: $JVM_WARMUP on each URL"
for c in "${CASES[@]}"; do
    IFS='|' read -r _ path gzip <<<"$c"
    run_wrk "$VIGIL$path" "$WORK/jvm-warmup" "$JVM_WARMUP" "$gzip"
done

# Each round measures Vigil, then nginx; with ROUNDS > 1 the best run of each server counts (other
# work on the machine can only slow a run down).
i=0
for c in "${CASES[@]}"; do
    IFS='|' read -r name path gzip <<<"$c"
    for r in $(seq "$ROUNDS"); do
        for server in vigil nginx; do
            if [[ $server == vigil ]]; then base=$VIGIL; else base=$NGINX; fi
            log "$name, $server, round $r of $ROUNDS: warm-up $WARMUP, then $DURATION"
            run_wrk "$base$path" "$WORK/warmup" "$WARMUP" "$gzip"
            run=$WORK/round-$i-$server-$r
            measure "$base$path" "$run" "$gzip"
            best=$WORK/wrk-$i-$server
            if [[ ! -f $best ]] || awk -v a="$(wrk_rps "$run")" -v b="$(wrk_rps "$best")" 'BEGIN { exit !(a > b) }'; then
                cp "$run" "$best"
                cp "$run.others" "$best.others"
            fi
        done
    done
    i=$((i + 1))
done

# --- 4. report ---------------------------------------------------------------------------------

cpu_model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
java_version=$(java -version 2>&1 | head -n 1)
nginx_version=$(nginx -v 2>&1)
wrk_version=$(wrk -v 2>&1 | head -n 1 | awk '{ print $1, $2 }' || true)
workers_shown=$NGINX_WORKERS
[[ $NGINX_WORKERS == auto ]] && workers_shown="auto ($(nproc))"

echo
echo "Vigil status page benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "Machine:  $(nproc) cores, ${cpu_model:-unknown CPU}, $(uname -sr)"
echo "Java:     $java_version"
echo "nginx:    ${nginx_version#nginx version: }, worker_processes $workers_shown, access_log off, sendfile on, gzip_static on"
echo "wrk:      $wrk_version, -t$THREADS -c$CONNECTIONS -d$DURATION --latency (gzip cases add -H 'Accept-Encoding: gzip')"
echo "Warm-up:  $JVM_WARMUP per URL on Vigil first, then $WARMUP before every measured run"
echo "Rounds:   $ROUNDS per case and server, alternating Vigil and nginx; the table shows each server's best"
echo "Load:     load average $LOAD_BEFORE before the runs (Vigil and nginx idle)"
echo "Sizes:    / ${PAGE_PLAIN} B plain, ${PAGE_GZIP} B gzip; /api/v2/summary.json ${SUMMARY_PLAIN} B plain, ${SUMMARY_GZIP} B gzip; /incidents/$INCIDENT ${INCIDENT_PLAIN} B plain, ${INCIDENT_GZIP} B gzip"
echo
printf '| %-17s | %11s | %9s | %9s | %11s | %9s | %9s | %11s | %15s |\n' \
    case "Vigil req/s" "Vigil p50" "Vigil p99" "nginx req/s" "nginx p50" "nginx p99" "Vigil/nginx" "other CPU V / n"
printf '|%s|%s:|%s:|%s:|%s:|%s:|%s:|%s:|%s:|\n' \
    "-------------------" "------------" "----------" "----------" "------------" "----------" "----------" "------------" \
    "----------------"
errors=0
i=0
for c in "${CASES[@]}"; do
    IFS='|' read -r name _ _ <<<"$c"
    v=$WORK/wrk-$i-vigil
    n=$WORK/wrk-$i-nginx
    v_rps=$(wrk_rps "$v")
    n_rps=$(wrk_rps "$n")
    ratio=$(awk -v a="$v_rps" -v b="$n_rps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
    printf '| %-17s | %11.0f | %9s | %9s | %11.0f | %9s | %9s | %11s | %15s |\n' \
        "$name" "$v_rps" "$(wrk_pct "$v" 50%)" "$(wrk_pct "$v" 99%)" \
        "$n_rps" "$(wrk_pct "$n" 50%)" "$(wrk_pct "$n" 99%)" "$ratio" \
        "$(cat "$v.others") / $(cat "$n.others")"
    for server in vigil nginx; do
        for r in $(seq "$ROUNDS"); do
            e=$(wrk_errors "$WORK/round-$i-$server-$r")
            if (( e > 0 )); then
                log "warning: $name, $server, round $r: $e errors or non-2xx responses"
                errors=$((errors + e))
            fi
        done
    done
    i=$((i + 1))
done
echo
echo "other CPU: share of the machine's CPU time that went to processes other than Vigil, nginx and"
echo "wrk during the measured run against Vigil (V) and nginx (n); near 0% means nothing else competed."
echo "Latencies and other CPU belong to the run whose req/s is shown."
if (( errors > 0 )); then
    echo "Some requests failed ($errors); see the warnings above."
else
    echo "No errors or non-2xx responses in the measured runs."
fi
