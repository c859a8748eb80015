#!/usr/bin/env bash
# Load test of `peiling serve` on this machine (docs/serve.md#load), bounded in time, loopback only:
#   benchmarks/serve-load.sh [respondents=200] [seconds=30]
# Starts a throw-away PostgreSQL cluster (Debian's postgresql package; as root it runs as the postgres
# user) on a free port, measures pgbench's simple-update rate on it with as many clients as respondents
# (the ceiling), then starts `peiling serve` on it and runs ServeLoad: that many respondents answering
# at once. Needs cli/target/peiling.jar and benchmarks/target/benchmarks.jar
# (./mvnw -B -q package -DskipTests -pl cli,benchmarks -am). Everything is removed afterwards.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
respondents="${1:-200}"
seconds="${2:-30}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
work="$(mktemp -d)"
chmod 755 "$work"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
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

echo "== pgbench simple-update, $respondents clients, $seconds s (PostgreSQL $("$bin/postgres" --version | awk '{print $3}'))"
"$bin/pgbench" "${pg[@]}" -i -s 10 -q postgres >/dev/null 2>&1
"$bin/pgbench" "${pg[@]}" -b simple-update -c "$respondents" -j 2 -T "$seconds" postgres 2>/dev/null \
  | grep -E '^(tps|latency average)'
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
java -cp "$root/benchmarks/target/benchmarks.jar" nl.peiling.benchmarks.ServeLoad \
  "http://127.0.0.1:$serve_port" "$work/api-key" 25LZ 01 "$respondents" "$seconds"
