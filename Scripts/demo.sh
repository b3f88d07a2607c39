#!/usr/bin/env bash
# Runs the system on loopback, no configuration needed.
#   Scripts/demo.sh [seconds]     (default 20)
# Today: the CTI Server simulator with its traffic, a bridge session printing the GED-188 events it sends, and the
# simulator's ground truth. As the object server pair and the clients land, this script starts them too.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
Scripts/bootstrap.sh
echo "building ctios..."
swift build --product ctios >/dev/null
ctios=$(swift build --show-bin-path)/ctios
logs=$(mktemp -d)

"$ctios" sim --seed 1 --calls-per-second 1 > "$logs/sim.log" 2>&1 &
sim=$!
trap 'kill $sim 2>/dev/null; wait $sim 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    curl -sf http://127.0.0.1:42080/ready >/dev/null 2>&1 && break
    sleep 0.2
done
curl -sf http://127.0.0.1:42080/ready >/dev/null || { echo "the simulator did not become ready:"; cat "$logs/sim.log"; exit 1; }
echo "ctios sim is up: side A 127.0.0.1:42027, side B 127.0.0.1:43027, admin http://127.0.0.1:42080"
echo
echo "A bridge session on side A, for $seconds seconds (events shortened to 160 characters):"
"$ctios" ged188 watch --server 127.0.0.1:42027 --seconds "$seconds" | cut -c1-160
echo
echo "The simulator's ground truth now (GET /v1/state):"
curl -sf http://127.0.0.1:42080/v1/state | python3 -c '
import collections, json, sys
state = json.load(sys.stdin)
agents = collections.Counter(agent["state"] for agent in state["agents"])
print("  version", state["version"], "| calls in progress", len(state["calls"]),
      "| agents:", ", ".join(f"{count} {name}" for name, count in sorted(agents.items())))'
echo "Logs: $logs"
