#!/usr/bin/env bash
# Rewrites tests/Telemetry.Replay.Tests/Golden/outputs.sha256: the SHA-256 of the replay's CSV and JSON outputs for
# every shipped scenario's 'run' and the small campaigns that GoldenOutputsTests flies (the same commands). Run it only
# when a change of simulation output is intended, and say so in the commit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/tools/Telemetry.Replay" -c Release -v quiet -nologo >/dev/null
replay() { dotnet "$root/tools/Telemetry.Replay/bin/Release/net10.0/Telemetry.Replay.dll" "$@" >/dev/null; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
for s in nominal resilience-m2 hakuto-r-m1 lrf-disabled resilience-m2-inertial-start hakuto-r-m1-readmit \
         lrf-disabled-silent-check slim kairos-nominal kairos-f1 kairos-f1-underperformance kairos-f2 kairos-f3 \
         kairos-f3-wobble kairos-f3-continue; do
  replay run "$s" --out "$out/run/$s"
done
replay montecarlo resilience-m2 --runs 200 --seed 3 --out "$out/mc/resilience-m2"
replay montecarlo kairos-nominal --with kairos-f2 --with kairos-f3 --runs 40 --seed 1 --out "$out/mc/kairos"
replay montecarlo kairos-nominal --with kairos-f3-wobble --runs 20 --seed 2 --trade-off attitude_rate.limit --from 2 --to 8 --step 2 \
  --out "$out/mc/kairos-to"
replay sweep lrf-disabled --delay-from 0 --to 20 --step 5 --out "$out/sweep/lrf"
replay sweep kairos-f3-wobble --afts attitude_rate.limit --from 3 --to 8 --step 1 --out "$out/sweep/kairos"
replay sensitivity resilience-m2 --samples 20 --out "$out/sens/resilience-m2"
golden="$root/tests/Telemetry.Replay.Tests/Golden/outputs.sha256"
{
  grep '^#' "$golden"
  (cd "$out" && find run mc sweep sens -type f \( -name '*.csv' -o -name '*.json' \) | LC_ALL=C sort | xargs sha256sum)
} > "$golden.new"
mv "$golden.new" "$golden"
git -C "$root" diff --stat -- "$golden"
