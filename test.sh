#!/usr/bin/env bash
# The tests, in one command: installs what the integration tests need when it is missing (as root, with apt) and
# runs every test project. Nothing is skipped: without influxd, nginx, chromium, python3-grpcio or strace the tests
# that need them fail naming the package; the disk-fault tests mount small filesystems and fail unless run as root.
#
#   ./test.sh               every test (about 5-8 minutes on 2 cores)
#   ./test.sh --filter X    passed on to dotnet test (e.g. --filter "FullyQualifiedName~Spool")
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v influxd >/dev/null 2>&1 || need+=(influxdb)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
[ -x /usr/bin/chromium ] || need+=(chromium)
/usr/bin/python3 -c 'import grpc, grpc_tools' >/dev/null 2>&1 || need+=(python3-grpcio python3-grpc-tools)
[ -x /usr/bin/strace ] || need+=(strace)
command -v mkfs.ext4 >/dev/null 2>&1 || [ -x /usr/sbin/mkfs.ext4 ] || need+=(e2fsprogs)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "installing: ${need[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}"
  else
    echo "missing: ${need[*]} (run as root to install them, or: sudo apt-get install -y ${need[*]}); the tests that need them will fail" >&2
  fi
fi

exec dotnet test Telemetry.sln -c Release "$@"
