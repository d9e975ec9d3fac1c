#!/usr/bin/env bash
# The main job, in one command: build, start a local InfluxDB (data in .local/), start the ingest server, stream a
# sample through it (a replay of the Resilience descent and a burst of load), and show where the data is.
#
#   ./run.sh            run the sample, then stop the server (gracefully) and InfluxDB; the data stays in .local/
#   ./run.sh --keep     leave both running (stop them with ./run.sh --stop)
#   ./run.sh --stop     stop what --keep left running
#
# Ports: INFLUX_PORT (default 18086), SERVER_PORT (default 50051), OPS_PORT (status page, metrics, health; default
# 9091); all bound to 127.0.0.1 only.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
INFLUX_PORT=${INFLUX_PORT:-18086}
INFLUX_RPC_PORT=${INFLUX_RPC_PORT:-18088}
SERVER_PORT=${SERVER_PORT:-50051}
OPS_PORT=${OPS_PORT:-9091}
DB=telemetry
LOCAL="$root/.local"
mkdir -p "$LOCAL"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
stop_pid() { [ -f "$1" ] && kill "$(cat "$1")" 2>/dev/null && while kill -0 "$(cat "$1")" 2>/dev/null; do sleep 0.2; done; rm -f "$1"; }

if [ "${1:-}" = "--stop" ]; then
  stop_pid "$LOCAL/server.pid"; stop_pid "$LOCAL/influxdb/influxd.pid"; say "stopped"; exit 0
fi

missing=()
command -v influxd >/dev/null 2>&1 || missing+=(influxdb)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    say "installing: ${missing[*]}"
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  else
    echo "missing: ${missing[*]}. Install as root: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
command -v dotnet >/dev/null 2>&1 || { echo "the .NET 10 SDK (dotnet) is missing" >&2; exit 1; }

say "building (Release)"
dotnet build "$root/Telemetry.sln" -c Release -v quiet -nologo | tail -n 3

stop_pid "$LOCAL/server.pid"; stop_pid "$LOCAL/influxdb/influxd.pid"
say "starting influxd on 127.0.0.1:$INFLUX_PORT (data in .local/influxdb)"
"$root/tools/influxd/start-influxd.sh" "$LOCAL/influxdb" "$INFLUX_PORT" "$INFLUX_RPC_PORT"

say "starting the ingest server on 127.0.0.1:$SERVER_PORT (status page http://127.0.0.1:$OPS_PORT/)"
dotnet "$root/src/Telemetry.Server/bin/Release/net10.0/Telemetry.Server.dll" \
  --Kestrel:Endpoints:Grpc:Url="http://127.0.0.1:$SERVER_PORT" \
  --Kestrel:Endpoints:Ops:Url="http://127.0.0.1:$OPS_PORT" \
  --Influx:Url="http://127.0.0.1:$INFLUX_PORT" --Influx:Database="$DB" \
  >"$LOCAL/server.log" 2>&1 &
echo $! > "$LOCAL/server.pid"
for _ in $(seq 1 150); do
  (exec 3<>"/dev/tcp/127.0.0.1/$SERVER_PORT") 2>/dev/null && break
  sleep 0.2
done

say "streaming the Resilience (ispace M2) descent replay through the server"
dotnet "$root/tools/Telemetry.Replay/bin/Release/net10.0/Telemetry.Replay.dll" run resilience-m2 \
  --out "$root/out/replay/resilience-m2" --stream-to "http://127.0.0.1:$SERVER_PORT"

say "streaming 200,000 synthetic 8-field frames (load generator)"
dotnet "$root/tools/Telemetry.LoadGen/bin/Release/net10.0/Telemetry.LoadGen.dll" \
  --url "http://127.0.0.1:$SERVER_PORT" --frames 200000 --streams 2 --source sample

say "what InfluxDB holds (database $DB)"
count() {
  curl -sG "http://127.0.0.1:$INFLUX_PORT/query" --data-urlencode "db=$DB" --data-urlencode "q=SELECT COUNT($2) FROM $1" |
    sed -n 's/.*"values":\[\["[^"]*",\([0-9]*\)\]\].*/\1/p'
}
printf '  %-10s %10s points\n' descent "$(count descent true_altitude_m)" loadgen "$(count loadgen altitude_m)"

cat <<INFO

Data:    $LOCAL/influxdb (InfluxDB 1.x, database '$DB', measurements 'descent' and 'loadgen')
Query:   curl -sG http://127.0.0.1:$INFLUX_PORT/query --data-urlencode db=$DB --data-urlencode "q=SELECT * FROM descent LIMIT 5"
Replay:  out/replay/resilience-m2/ (CSV, PNG/SVG plots, HTML report)
Logs:    .local/server.log, .local/influxdb/influxd.log
INFO

if [ "${1:-}" = "--keep" ]; then
  say "left running: server 127.0.0.1:$SERVER_PORT (status page http://127.0.0.1:$OPS_PORT/), influxd 127.0.0.1:$INFLUX_PORT (./run.sh --stop stops them)"
else
  say "stopping the server (graceful: flushes everything in flight) and influxd"
  stop_pid "$LOCAL/server.pid"; stop_pid "$LOCAL/influxdb/influxd.pid"
fi
