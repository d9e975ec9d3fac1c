#!/usr/bin/env bash
# Starts a private influxd in the background and waits until /ping answers 204.
#   tools/influxd/start-influxd.sh DATA_DIR HTTP_PORT RPC_PORT
# Writes DATA_DIR/influxdb.conf, logs to DATA_DIR/influxd.log, and the process id to DATA_DIR/influxd.pid.
set -euo pipefail
dir=$1; http_port=$2; rpc_port=$3
here=$(cd "$(dirname "$0")" && pwd)
command -v influxd >/dev/null 2>&1 || { echo "influxd is missing: apt-get update && apt-get install -y influxdb" >&2; exit 1; }
mkdir -p "$dir"
sed -e "s|@ROOT@|$dir|g" -e "s|@HTTP_PORT@|$http_port|g" -e "s|@RPC_PORT@|$rpc_port|g" -e "s|@AUTH_ENABLED@|false|g" \
  "$here/influxdb.conf.template" > "$dir/influxdb.conf"
influxd run -config "$dir/influxdb.conf" >"$dir/influxd.log" 2>&1 &
echo $! > "$dir/influxd.pid"
for _ in $(seq 1 150); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http_port/ping")" = 204 ] && exit 0
  kill -0 "$(cat "$dir/influxd.pid")" 2>/dev/null || break
  sleep 0.2
done
echo "influxd did not answer /ping on 127.0.0.1:$http_port; see $dir/influxd.log" >&2
exit 1
