#!/usr/bin/env bash
# Load test of `peiling serve` on this machine (docs/serve.md#load), bounded in time, loopback only:
#   benchmarks/serve-load.sh [respondents=200] [seconds=30] [rate=1000]
# Starts a throw-away PostgreSQL cluster (Debian's postgresql package; as root it runs as the postgres
# user) on a free port, measures pgbench's simple-update rate on it with as many clients as respondents
# (the ceiling), then starts `peiling serve` on it and runs ServeLoad: that many respondents answering
# at once, first each as fast as it can (the most answers per second, and the CPU time per answer of
# serve, PostgreSQL and the load generator), then paced at `rate` answers per second in all (the latency
# at that rate). Needs cli/target/peiling.jar and benchmarks/target/benchmarks.jar
# (./mvnw -B -q package -DskipTests -pl cli,benchmarks -am). Everything is removed afterwards.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
respondents="${1:-200}"
seconds="${2:-30}"
rate="${3:-1000}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
work="$(mktemp -d)"
chmod 755 "$work"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# CPU seconds (user + system) a process and its reaped children used so far.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15 + $16 + $17) / hz}' "/proc/$1/stat"; }
# CPU seconds of the cluster: the postmaster with its reaped children, plus the live backends.
cpu_of_postgres() {
  local total=0 pid
  for pid in $(pgrep -u postgres -f "postgres" || true); do
    total=$(awk -v t="$total" -v hz="$(getconf CLK_TCK)" '{printf "%.2f", t + ($14 + $15) / hz}' "/proc/$pid/stat" 2>/dev/null || echo "$total")
  done
  local master; master="$(head -1 "$work/pg/postmaster.pid")"
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" '{printf "%.2f", t + ($16 + $17) / hz}' "/proc/$master/stat"
}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
serve_pid=""
stop() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null || true
  as_postgres "$bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT

as_postgres "$bin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
as_postgres "$bin/pg_ctl" -D "$work/pg" -w -l "$work/pg/log" \
  -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=$((respondents + 50))" start >/dev/null
pg=(-h 127.0.0.1 -p "$port" -U postgres)

echo "== load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
echo "== pgbench simple-update, $respondents clients, $seconds s (PostgreSQL $("$bin/postgres" --version | awk '{print $3}'))"
"$bin/pgbench" "${pg[@]}" -i -s 10 -q postgres >/dev/null 2>&1
pg_before="$(cpu_of_postgres)"
"$bin/pgbench" "${pg[@]}" -b simple-update -c "$respondents" -j 2 -T "$seconds" postgres 2>/dev/null \
  | grep -E '^(number of transactions actually processed|tps|latency average)' | tee "$work/pgbench.out"
pg_after="$(cpu_of_postgres)"
transactions="$(awk -F': ' '/actually processed/ {split($2, n, "/"); print n[1]}' "$work/pgbench.out")"
awk -v b="$pg_before" -v a="$pg_after" -v n="$transactions" \
  'BEGIN {printf "PostgreSQL CPU: %.2f ms per transaction\n", (a - b) * 1000 / n}'
"$bin/psql" "${pg[@]}" -q -c 'create database peiling' postgres

echo "== peiling serve, $respondents respondents, $seconds s"
printf 'load-seed\n' > "$work/seed.txt"
printf 'load-test-api-key-0123456789\n' > "$work/api-key"
cat > "$work/institutions.json" <<'JSON'
[{"code": "25LZ", "name": "Load test", "shortName": "Load", "chosen": ["llo", "welzijn", "stage"],
  "excluded": [], "locations": [{"code": "01", "name": "Main"}]}]
JSON
java ${PEILING_JAVA_OPTS:-} -jar "$root/cli/target/peiling.jar" serve --edition 2027 \
  --institutions "$work/institutions.json" --seed-file "$work/seed.txt" --api-key-file "$work/api-key" \
  --database "jdbc:postgresql://127.0.0.1:$port/peiling?user=postgres" --port 0 \
  --pool 16 --max-active "$respondents" > "$work/serve.out" 2> "$work/serve.err" &
serve_pid=$!
for _ in $(seq 1 60); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 1; done
serve_port="$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$work/serve.out")"
[ -n "$serve_port" ] || { cat "$work/serve.err" >&2; exit 1; }
# A first run warms the JVMs up (the JIT compilers' work would otherwise count as the requests' CPU).
java -cp "$root/benchmarks/target/benchmarks.jar" nl.peiling.benchmarks.ServeLoad \
  "http://127.0.0.1:$serve_port" "$work/api-key" 25LZ 01 "$respondents" 15 > /dev/null
echo "-- as fast as possible"
serve_before="$(cpu_of "$serve_pid")"
pg_before="$(cpu_of_postgres)"
java ${LOAD_JAVA_OPTS:-} -cp "$root/benchmarks/target/benchmarks.jar" nl.peiling.benchmarks.ServeLoad \
  "http://127.0.0.1:$serve_port" "$work/api-key" 25LZ 01 "$respondents" "$seconds" > "$work/load.out"
cat "$work/load.out"
serve_after="$(cpu_of "$serve_pid")"
pg_after="$(cpu_of_postgres)"
# CPU per answer (logins and finishes count too): serve's and PostgreSQL's over the whole run and all
# its answers (serve is warm by then), the load generator's over its measured window. Unlike the rate,
# it hardly changes with what else runs on the machine.
answers="$(grep -o 'answers in the whole run: [0-9]*' "$work/load.out" | awk '{print $6}' | tr -d ';')"
load_ms="$(grep -o 'load generator CPU: [0-9.]*' "$work/load.out" | awk '{print $4}')"
awk -v sb="$serve_before" -v sa="$serve_after" -v pb="$pg_before" -v pa="$pg_after" -v l="$load_ms" -v n="$answers" \
  'BEGIN {printf "CPU per answer: peiling serve %.3f ms, PostgreSQL %.3f ms, load generator %.3f ms, total %.3f ms\n",
          (sa - sb) * 1000 / n, (pa - pb) * 1000 / n, l, (sa - sb) * 1000 / n + (pa - pb) * 1000 / n + l}'
if [ "$rate" -gt 0 ]; then
  echo "-- paced at $rate answers/s"
  java ${LOAD_JAVA_OPTS:-} -cp "$root/benchmarks/target/benchmarks.jar" nl.peiling.benchmarks.ServeLoad \
    "http://127.0.0.1:$serve_port" "$work/api-key" 25LZ 01 "$respondents" "$seconds" "$rate"
fi
echo "== load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
