#!/usr/bin/env bash
# Soak of the crash test: the real server process is killed with SIGKILL mid-stream and restarted on its spool,
# TRIALS times in a row (default 100; CI runs 5), and every acknowledged frame must be in InfluxDB with its values.
#
#   tools/soak/crash-soak.sh [TRIALS]
set -euo pipefail
cd "$(dirname "$0")/../.."
TRIALS=${1:-100}
TELEMETRY_CRASH_TRIALS=$TRIALS dotnet test tests/Telemetry.Server.Tests -c Release \
  --filter "FullyQualifiedName~ServerCrashTests" --logger "console;verbosity=normal"
