#!/usr/bin/env bash
# InfluxDB outage benchmark: streams at RATE frames/s into the server (acks after the spool's fsync) while influxd
# is frozen (SIGSTOP) for SECONDS, sampling the server's RSS every 10 s; then lets influxd run again and measures
# how long the spool takes to drain and whether every frame is stored. All on 127.0.0.1, bounded in time.
# Writes out/bench/outage.csv (time, RSS) and out/bench/outage.json.
#
#   tools/bench/outage.sh [SECONDS] [RATE]      defaults 600 s and 20,000 frames/s
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
SECONDS_DOWN=${1:-600}
RATE=${2:-20000}
LEAD=10
FRAMES=$(( RATE * (SECONDS_DOWN + 2 * LEAD) ))
out="$root/out/bench"; mkdir -p "$out"
work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
IPORT=$(free_port); RPORT=$(free_port); SPORT=$(free_port)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -CONT "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
command -v influxd >/dev/null || { echo "influxd missing: apt-get update && apt-get install -y influxdb" >&2; exit 1; }

echo "== building (Release)"
dotnet build src/Telemetry.Server -c Release -v q -nologo >/dev/null
dotnet build tools/Telemetry.LoadGen -c Release -v q -nologo >/dev/null
"$root/tools/influxd/start-influxd.sh" "$work/influxdb" "$IPORT" "$RPORT"
ipid=$(cat "$work/influxdb/influxd.pid"); pids+=("$ipid")
curl -s -XPOST "http://127.0.0.1:$IPORT/query" --data-urlencode "q=CREATE DATABASE outage" >/dev/null
count() { curl -sG "http://127.0.0.1:$IPORT/query" --data-urlencode "db=outage" --data-urlencode "q=SELECT COUNT(altitude_m) FROM loadgen" | python3 -c 'import json,sys; r=json.load(sys.stdin)["results"][0]; print(r["series"][0]["values"][0][1] if "series" in r else 0)'; }
rss() { awk '/VmRSS/ {print $2 * 1024}' "/proc/$1/status"; }

dotnet src/Telemetry.Server/bin/Release/net10.0/Telemetry.Server.dll \
  --Kestrel:Endpoints:Grpc:Url="http://127.0.0.1:$SPORT" --Influx:Url="http://127.0.0.1:$IPORT" \
  --Influx:Database=outage --Spool:Directory="$work/spool" --Logging:LogLevel:Default=Warning >"$work/server.log" 2>&1 &
spid=$!; pids+=("$spid")
until (exec 3<>"/dev/tcp/127.0.0.1/$SPORT") 2>/dev/null; do sleep 0.2; done

echo "== streaming $FRAMES frames at $RATE frames/s; influxd frozen from ${LEAD} s for ${SECONDS_DOWN} s"
dotnet tools/Telemetry.LoadGen/bin/Release/net10.0/Telemetry.LoadGen.dll --url "http://127.0.0.1:$SPORT" \
  --frames "$FRAMES" --rate "$RATE" --streams 4 --batch 500 --max-seconds $(( SECONDS_DOWN + 4 * LEAD )) --json \
  > "$work/loadgen.json" 2>"$work/loadgen.err" &
lg=$!
echo "t_s,rss_bytes,spool_bytes" > "$out/outage.csv"
sample() { echo "$1,$(rss $spid),$(du -sb "$work/spool" | cut -f1)" >> "$out/outage.csv"; }
sleep "$LEAD"; sample "$LEAD"
kill -STOP "$ipid"
for (( t = 10; t <= SECONDS_DOWN; t += 10 )); do sleep 10; sample $(( LEAD + t )); echo "   ${t} s down: $(tail -1 "$out/outage.csv")"; done
kill -CONT "$ipid"
resumed=$(date +%s.%N)
wait "$lg" || true
stored=0
while stored=$(count); [ "$stored" -lt "$FRAMES" ] && python3 -c "import sys,time; sys.exit(0 if time.time() - $resumed < 900 else 1)"; do sleep 2; done
drained=$(python3 -c "import time; print(round(time.time() - $resumed, 1))")
python3 - "$out/outage.csv" "$work/loadgen.json" "$stored" "$FRAMES" "$drained" "$SECONDS_DOWN" "$RATE" > "$out/outage.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
rss = [int(r["rss_bytes"]) for r in rows]
lg = json.loads(open(sys.argv[2]).read().strip().splitlines()[-1])
print(json.dumps({"outage_s": int(sys.argv[6]), "rate": int(sys.argv[7]), "frames": int(sys.argv[4]),
  "stored": int(sys.argv[3]), "drain_s_after_resume": float(sys.argv[5]),
  "rss_mb": {"first": round(rss[0] / 2**20, 1), "min": round(min(rss) / 2**20, 1), "max": round(max(rss) / 2**20, 1), "last": round(rss[-1] / 2**20, 1)},
  "spool_mb_max": round(max(int(r["spool_bytes"]) for r in rows) / 2**20, 1),
  "loadgen": lg}))
PY
cat "$out/outage.json"
