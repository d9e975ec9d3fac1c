#!/usr/bin/env bash
# Side-by-side throughput benchmark on this machine, all on 127.0.0.1:
#   1. InfluxDB's own write API: the same points, pre-encoded, POSTed to /write by 1, 2 and 4 writers (best kept);
#   2. end to end: LoadGen -> gRPC -> ingest server -> InfluxDB, acks after the spool's fsync (the default) and,
#      separately, acks after InfluxDB's 204 (Ingest:AckAfter=Database); each at full load and at half load;
#   3. the server's ceiling: the same load into the server with the null sink (encode, then discard), and the raw
#      gRPC ceiling: the same batches into tools/Telemetry.Ceiling, whose handler only parses and acks;
#   4. the peer: InfluxDB.Client 5.1.0 (WriteApiAsync, 2 and 4 writers, best kept) writing the same points into the
#      same influxd, its /api/v2/write rewritten in process to /write (tests/Telemetry.Benchmarks peer-write);
#   5. with BASELINE=<git ref>: that ref's server, built in a temporary git worktree, end to end at full load.
# Both client sides encode before the clock starts (direct: line protocol; gRPC: serialized batches), so the
# client spends its share of the two cores on the wire only. Every server is warmed up until its JIT is nearly idle,
# the measured load generator warms itself, and each measured run starts with influxd idle: the figures are steady
# state, not start-up.
# Prints a table with the ratios of DESIGN.md's targets and the server's CPU seconds per million frames,
# writes the raw JSON lines to out/bench/results.jsonl, and a bar chart of every case beside them (bench.png, .svg).
#
#   tools/bench/bench.sh [FRAMES]             default 1,000,000 frames of 8 double fields and 2 tags
#   BASELINE=9b174e1 tools/bench/bench.sh [FRAMES]   also that ref's server (e.g. the commit before a change), for the CPU ratio new/baseline
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
FRAMES=${1:-1000000}
STREAMS=${STREAMS:-4}
# Frames per warm-up round before each measured run (JIT tiering, pools, connections); rounds repeat until fewer
# than JIT_QUIET methods were compiled in the last one (at most 6; the server's JIT never quite stops: a few hundred
# rarely called methods reach the tier-up threshold per million frames long after the hot ones).
WARMUP=${WARMUP:-200000}
JIT_QUIET=${JIT_QUIET:-400}
# Frames the measured load generator sends first, unmeasured, to warm its own JIT and connections.
CLIENT_WARMUP=${CLIENT_WARMUP:-20000}
out="$root/out/bench"
mkdir -p "$out"
: > "$out/results.jsonl"
work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
IPORT=$(free_port); RPORT=$(free_port); SPORT=$(free_port); OPORT=$(free_port)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  [ -d "$work/baseline" ] && git -C "$root" worktree remove --force "$work/baseline" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

command -v influxd >/dev/null || { echo "influxd missing: apt-get update && apt-get install -y influxdb" >&2; exit 1; }
echo "== building (Release)"
dotnet build src/Telemetry.Server -c Release -v q -nologo >/dev/null
dotnet build tools/Telemetry.LoadGen -c Release -v q -nologo >/dev/null
dotnet build tools/Telemetry.Ceiling -c Release -v q -nologo >/dev/null
dotnet build tests/Telemetry.Benchmarks -c Release -v q -nologo >/dev/null
server_dll="$root/src/Telemetry.Server/bin/Release/net10.0/Telemetry.Server.dll"
if [ -n "${BASELINE:-}" ]; then
  echo "== building the baseline server ($BASELINE) in a temporary worktree"
  git -C "$root" worktree add --detach "$work/baseline" "$BASELINE" >/dev/null
  dotnet build "$work/baseline/src/Telemetry.Server" -c Release -v q -nologo >/dev/null
fi
benchmarks() { dotnet tests/Telemetry.Benchmarks/bin/Release/net10.0/Telemetry.Benchmarks.dll "$@"; }
loadgen() { dotnet tools/Telemetry.LoadGen/bin/Release/net10.0/Telemetry.LoadGen.dll --json --frames "$FRAMES" "$@"; }

"$root/tools/influxd/start-influxd.sh" "$work/influxdb" "$IPORT" "$RPORT"
influxd_pid=$(cat "$work/influxdb/influxd.pid"); pids+=("$influxd_pid")
influx_q() { curl -s -XPOST "http://127.0.0.1:$IPORT/query" --data-urlencode "q=$1" >/dev/null; }
count() { curl -sG "http://127.0.0.1:$IPORT/query" --data-urlencode "db=$1" --data-urlencode "q=SELECT COUNT(altitude_m) FROM loadgen" | python3 -c 'import json,sys; r=json.load(sys.stdin)["results"][0]; print(r["series"][0]["values"][0][1] if "series" in r else 0)'; }
jit_methods() { { curl -s --max-time 2 "http://127.0.0.1:$OPORT/metrics" || true; } | awk '/^system_runtime_dotnet_jit_compiled_methods /{print $2}'; }
# Before each measured run: influxd's compactions of the previous cases' points share the two cores, so wait
# (at most 60 s) until it has used under 5 % of a core for a second.
influxd_idle() {
  local t0 t1 waited=0
  while [ "$waited" -lt 60 ]; do
    t0=$(cpu_ticks "$influxd_pid"); sleep 1; t1=$(cpu_ticks "$influxd_pid"); waited=$((waited + 1))
    [ $((t1 - t0)) -lt 5 ] && break
  done
  [ "$waited" -gt 1 ] && echo "   waited ${waited} s for influxd to go idle"
  return 0
}
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

best_direct=0
for writers in 1 2 4; do
  db="direct_$writers"; influx_q "CREATE DATABASE $db"
  echo "== InfluxDB direct write, $writers writer(s)"
  influxd_idle
  line=$(loadgen --direct-influx "http://127.0.0.1:$IPORT" --database "$db" --streams "$writers" 2>/dev/null)
  echo "{\"run\":\"direct\",\"writers\":$writers,\"stored\":$(count "$db"),\"result\":$line}" >> "$out/results.jsonl"
  fps=$(field "$line" frames_per_s); echo "   $fps points/s, stored $(count "$db")"
  python3 -c "import sys; sys.exit(0 if float('$fps') > float('$best_direct') else 1)" && best_direct=$fps
done

measure() { # $1 = name, $2 = send rate (0: as fast as acks allow), $3 = database to count ('' = none), $4... = server command
  local name=$1 rate=$2 db=$3; shift 3
  "$@" >"$work/server-$name.log" 2>&1 &
  local pid=$!; pids+=($pid)
  until (exec 3<>"/dev/tcp/127.0.0.1/$SPORT") 2>/dev/null; do sleep 0.2; done
  # Warm up (JIT tiering, pools, connections) on another measurement, in rounds until the server's JIT is nearly
  # idle: methods called a few times per connection reach the tier-up threshold only after millions of frames, and
  # the JIT's seconds would otherwise be counted as the measured run's CPU. Without an ops endpoint to ask (the
  # ceiling), two rounds.
  local round compiled="" previous=""
  for round in 1 2 3 4 5 6; do
    dotnet tools/Telemetry.LoadGen/bin/Release/net10.0/Telemetry.LoadGen.dll --url "http://127.0.0.1:$SPORT" \
      --frames "$WARMUP" --streams "$STREAMS" --measurement warmup --source warmup >/dev/null 2>&1
    sleep 1
    compiled=$(jit_methods)
    if [ -z "$compiled" ]; then [ "$round" -ge 2 ] && break; continue; fi
    [ -n "$previous" ] && [ $((compiled - previous)) -lt "$JIT_QUIET" ] && break
    previous=$compiled
  done
  echo "   warmed up: $round round(s) of $WARMUP frames${compiled:+, $compiled methods compiled by the server JIT}"
  influxd_idle
  local before; before=$(cpu_ticks $pid)
  echo "== $name: $STREAMS streams x 16 batches of 500 in flight, rate ${rate} frames/s (0 = as fast as acks allow)"
  local line; line=$(loadgen --url "http://127.0.0.1:$SPORT" --streams "$STREAMS" --prepare --rate "$rate" --warmup "$CLIENT_WARMUP" 2>/dev/null)
  # Acks from the spool come before InfluxDB has the points: wait (bounded) until it has all of them.
  local stored=0 waited=0
  while [ -n "$db" ] && stored=$(count "$db"); [ -n "$db" ] && [ "$stored" -lt "$FRAMES" ] && [ "$waited" -lt 120 ]; do sleep 1; waited=$((waited + 1)); done
  local ticks=$(( $(cpu_ticks $pid) - before ))
  kill $pid; wait $pid 2>/dev/null || true
  [ -n "$db" ] && echo "   stored $stored of $FRAMES after ${waited} s of forwarding past the last ack"
  echo "{\"run\":\"$name\",\"rate\":$rate,\"stored\":$stored,\"server_cpu_ticks\":$ticks,\"result\":$line}" >> "$out/results.jsonl"
}
run_server() { # $1 = name, $2 = send rate, $3... = server settings; SERVER_DLL picks another build (the baseline)
  local name=$1 rate=$2; shift 2
  local db="e2e_${name//-/_}"; influx_q "CREATE DATABASE $db"
  [ "$name" = null ] && db=""  # the null sink stores nothing
  measure "$name" "$rate" "$db" dotnet "${SERVER_DLL:-$server_dll}" \
    --Kestrel:Endpoints:Grpc:Url="http://127.0.0.1:$SPORT" --Kestrel:Endpoints:Ops:Url="http://127.0.0.1:$OPORT" \
    --Influx:Url="http://127.0.0.1:$IPORT" --Influx:Database="e2e_${name//-/_}" --Spool:Directory="$work/spool-$name" \
    --Logging:LogLevel:Default=Warning "$@"
}
run_server spool 0
run_server database 0 --Ingest:AckAfter=Database
half=$(python3 -c "import json; rows=[json.loads(l) for l in open('$out/results.jsonl')]; print(int(min(r['result']['frames_per_s'] for r in rows if r['run'] in ('spool','database')) / 2))")
run_server spool-half "$half"
run_server database-half "$half" --Ingest:AckAfter=Database
run_server null 0 --Ingest:Sink=Null
measure ceiling 0 "" dotnet tools/Telemetry.Ceiling/bin/Release/net10.0/Telemetry.Ceiling.dll --url "http://127.0.0.1:$SPORT"
if [ -n "${BASELINE:-}" ]; then
  SERVER_DLL="$work/baseline/src/Telemetry.Server/bin/Release/net10.0/Telemetry.Server.dll" run_server baseline 0
fi
for writers in 2 4; do
  db="client_$writers"; influx_q "CREATE DATABASE $db"
  echo "== InfluxDB.Client WriteApiAsync, $writers writers, into the same influxd"
  influxd_idle
  line=$(benchmarks peer-write --url "http://127.0.0.1:$IPORT" --database "$db" --points "$FRAMES" --clients async --writers "$writers" 2>/dev/null)
  echo "{\"run\":\"client\",\"writers\":$writers,\"stored\":$(count "$db"),\"result\":$line}" >> "$out/results.jsonl"
  echo "   $(field "$line" points_per_s) points/s, $(field "$line" cpu_s_per_million) client CPU s per million, stored $(count "$db")"
done
hz=$(getconf CLK_TCK)

python3 - "$out/results.jsonl" "$hz" "$FRAMES" "$out/cases.json" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
hz, frames = int(sys.argv[2]), int(sys.argv[3])
best = lambda run, key: max((r for r in rows if r["run"] == run), key=lambda r: r["result"][key])
direct = best("direct", "frames_per_s")
client = best("client", "points_per_s")
run = {r["run"]: r for r in rows if r["run"] not in ("direct", "client")}
cpu = lambda r: r["server_cpu_ticks"] / hz / (frames / 1e6)
lat = lambda r, p: r["result"]["ack_latency_ms"][p]
fps = lambda name: run[name]["result"]["frames_per_s"]
labels = {
    "spool": "end to end, acks after spool fsync (default)",
    "database": "end to end, acks after InfluxDB 204",
    "spool-half": "  same, half load: spool",
    "database-half": "  same, half load: InfluxDB 204",
    "null": "server, null sink",
    "ceiling": "raw gRPC ceiling (parse + ack only)",
    "baseline": "baseline server, end to end (spool)",
}
short = {"spool": "end to end: spool", "database": "end to end: 204", "spool-half": "half load: spool",
         "database-half": "half load: 204", "null": "null sink", "ceiling": "gRPC ceiling", "baseline": "baseline: spool"}
print()
print(f"{'path':46} {'frames/s':>10} {'stored':>10} {'CPU s/M':>8} {'p50 ms':>8} {'p99 ms':>8} {'p99.9 ms':>9}")
print(f"{'InfluxDB direct /write, ' + str(direct['writers']) + ' writer(s) (best)':46} {direct['result']['frames_per_s']:>10,.0f} {direct['stored']:>10,}")
print(f"{'InfluxDB.Client, ' + str(client['writers']) + ' async writers (best), client CPU':46} {client['result']['points_per_s']:>10,.0f} {client['stored']:>10,} {client['result']['cpu_s_per_million']:>8.2f}")
cases = [{"label": f"direct /write ({direct['writers']})", "frames_per_s": direct["result"]["frames_per_s"], "cpu_s_per_million": None},
         {"label": f"InfluxDB.Client ({client['writers']})", "frames_per_s": client["result"]["points_per_s"], "cpu_s_per_million": client["result"]["cpu_s_per_million"]}]
for name, label in labels.items():
    if name not in run:
        continue
    r = run[name]
    stored = f"{r['stored']:,}" if name not in ("null", "ceiling") else "-"
    print(f"{label:46} {fps(name):>10,.0f} {stored:>10} {cpu(r):>8.2f} {lat(r, '50'):>8.2f} {lat(r, '99'):>8.2f} {lat(r, '99.9'):>9.2f}")
    cases.append({"label": short[name], "frames_per_s": fps(name), "cpu_s_per_million": round(cpu(r), 3)})
json.dump(cases, open(sys.argv[4], "w"), indent=1)
print()
print(f"end to end (spool) / direct = {fps('spool') / direct['result']['frames_per_s']:.2f}   (target >= 0.9)")
print(f"spool / database at full load = {fps('spool') / fps('database'):.2f}   (target >= 0.9)")
print(f"half load with the spool: p99 {lat(run['spool-half'], '99'):.2f} ms (target <= 10), p99.9 {lat(run['spool-half'], '99.9'):.2f} ms (target <= 25)")
print(f"server with null sink / raw gRPC ceiling = {fps('null') / fps('ceiling'):.2f}   (target >= 0.9)")
print(f"end to end (spool) / InfluxDB.Client = {fps('spool') / client['result']['points_per_s']:.2f}x   (target >= 1.7)")
print(f"server CPU per point (spool) / client CPU per point = {cpu(run['spool']) / client['result']['cpu_s_per_million']:.2f}   (target <= 0.2)")
if "baseline" in run:
    print(f"server CPU per million frames, new / baseline = {cpu(run['spool']):.2f} / {cpu(run['baseline']):.2f} = {cpu(run['spool']) / cpu(run['baseline']):.2f}   (target <= 0.33)")
PY
benchmarks chart "$out/cases.json"
