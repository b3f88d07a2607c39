#!/usr/bin/env bash
# Runs the system on loopback, no configuration needed.
#   Scripts/demo.sh [seconds]     (default 20)
# Today: the CTI Server simulator with its traffic, the CTI OS object server on it, a bridge session printing the
# GED-188 events the simulator sends, then the server's objects beside the simulator's ground truth. As the pair
# and the client apps land, this script starts them too.
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
server=
trap 'kill $server $sim 2>/dev/null; wait $server $sim 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    curl -sf http://127.0.0.1:42080/ready >/dev/null 2>&1 && break
    sleep 0.2
done
curl -sf http://127.0.0.1:42080/ready >/dev/null || { echo "the simulator did not become ready:"; cat "$logs/sim.log"; exit 1; }
echo "ctios sim is up: side A 127.0.0.1:42027, side B 127.0.0.1:43027, admin http://127.0.0.1:42080"
"$ctios" server > "$logs/server.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do
    curl -sf http://127.0.0.1:42081/ready >/dev/null 2>&1 && break
    sleep 0.2
done
curl -sf http://127.0.0.1:42081/ready >/dev/null || { echo "the server did not become ready:"; cat "$logs/server.log"; exit 1; }
echo "ctios server is up: CIL clients 127.0.0.1:42028, admin http://127.0.0.1:42081"
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
echo
echo "The object server's store now (GET /v1/state on the server):"
curl -sf http://127.0.0.1:42081/v1/state | python3 -c '
import collections, json, sys
state = json.load(sys.stdin)
kinds = collections.Counter(key.split(".")[0] for key in state["objects"])
agents = collections.Counter(o.get("AgentState") for k, o in state["objects"].items() if k.startswith("agent."))
names = {0: "LOGIN", 1: "LOGOUT", 2: "NOT_READY", 3: "AVAILABLE", 4: "TALKING", 5: "WORK_NOT_READY", 6: "WORK_READY",
         7: "BUSY_OTHER", 8: "RESERVED", 10: "HOLD"}
print("  epoch", state["epoch"], "sequence", state["sequence"], "| CTI Server side", state["ctiSide"],
      "| objects:", ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items())))
print("  agents:", ", ".join(f"{count} {names.get(s, s)}" for s, count in sorted(agents.items(), key=lambda x: str(x[0]))))'
echo "Logs: $logs"
