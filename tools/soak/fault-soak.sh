#!/usr/bin/env bash
# Soak of the spool under faults: random disk full, read-only disk (then e2fsck and a restart), fsync EIO and write
# ENOSPC (strace injection), influxd killed or frozen and the server killed with SIGKILL, one after another under
# streaming load, for SECONDS (default 1800; CI runs 30). Every acknowledged frame must reach InfluxDB with its values
# and no batch may hang without an ack or a status (the table gives the longest wait; the target is 2 s). Needs root (it mounts a loop ext4 image) and strace.
#
#   tools/soak/fault-soak.sh [SECONDS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TOTAL=${1:-1800}
summary=$(mktemp)
TELEMETRY_SOAK_SECONDS=$SECONDS_TOTAL TELEMETRY_SOAK_SEED=${2:-} TELEMETRY_SOAK_SUMMARY=$summary \
  dotnet test tests/Telemetry.Server.Tests -c Release --filter "FullyQualifiedName~FaultSoakTests" --logger "console;verbosity=normal"
cat "$summary"
