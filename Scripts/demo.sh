#!/usr/bin/env bash
# Runs the system on loopback, no configuration needed.
#   Scripts/demo.sh [seconds]     (default 20)
# The CTI Server simulator with its traffic; the CTI OS server pair (A and B) on it; an agent desktop (ctios agent,
# agent 1004 logged in, Not Ready) and a monitor-mode app (ctios monitor) on the pair; a bridge session printing the
# GED-188 events. Halfway through, the primary is killed with SIGKILL: the clients move to the other server and
# carry on. At the end: the pair's roles, the monitor's view and the agent beside the simulator's ground truth.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
Scripts/bootstrap.sh
echo "building ctios..."
swift build --product ctios >/dev/null
ctios=$(swift build --show-bin-path)/ctios
logs=$(mktemp -d)
pids=()
trap 'kill ${pids[@]+"${pids[@]}"} 2>/dev/null; wait 2>/dev/null || true' EXIT

wait_ready() { # name url log
    for _ in $(seq 1 100); do
        curl -sf "$2" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "$1 did not become ready:"; cat "$3"; exit 1
}

"$ctios" sim --seed 1 --calls-per-second 1 > "$logs/sim.log" 2>&1 &
pids+=($!)
wait_ready "ctios sim" http://127.0.0.1:42080/ready "$logs/sim.log"
echo "ctios sim is up: side A 127.0.0.1:42027, side B 127.0.0.1:43027, admin http://127.0.0.1:42080"
# The pair, on the design's port plan: A 42028 (clients) / 42029 (peer) / 42081 (admin), B 43028 / 43029 / 43081.
"$ctios" server --server-id A --listen 127.0.0.1:42028 --admin 127.0.0.1:42081 \
    --peer-listen 127.0.0.1:42029 --peer 127.0.0.1:43029 > "$logs/server-a.log" 2>&1 &
server_a=$!; pids+=($server_a)
wait_ready "ctios server A" http://127.0.0.1:42081/ready "$logs/server-a.log"
"$ctios" server --server-id B --listen 127.0.0.1:43028 --admin 127.0.0.1:43081 \
    --peer-listen 127.0.0.1:43029 --peer 127.0.0.1:42029 > "$logs/server-b.log" 2>&1 &
server_b=$!; pids+=($server_b)
wait_ready "ctios server B" http://127.0.0.1:43081/ready "$logs/server-b.log"
role() {
    curl -sf "http://127.0.0.1:$1/v1/cluster" 2>/dev/null | python3 -c "import json, sys
c = json.load(sys.stdin)
print(c['role'], 'in epoch', c['epoch'], 'at sequence', c['sequence'], '| peer', c['peer'])" 2>/dev/null || echo "down"
}
echo "ctios server pair is up: A ($(role 42081)), B ($(role 43081))"

# Clients on the pair: a desktop (commands on a FIFO) and a monitor.
mkfifo "$logs/agent.in"
"$ctios" agent --server 127.0.0.1:42028 --server-b 127.0.0.1:43028 --agent 1004 --password pw1004 \
    < "$logs/agent.in" > "$logs/agent.log" 2>&1 &
pids+=($!)
exec 3> "$logs/agent.in"
echo "notready 7" >&3
"$ctios" monitor --server 127.0.0.1:42028 --server-b 127.0.0.1:43028 --json \
    --seconds $((seconds + 2)) > "$logs/monitor.json" 2> "$logs/monitor.log" &
monitor=$!; pids+=($monitor)
echo "ctios agent 1004 and ctios monitor are connected to the pair"
echo
echo "A bridge session on side A, for $seconds seconds (events shortened to 160 characters):"
"$ctios" ged188 watch --server 127.0.0.1:42027 --seconds "$seconds" | cut -c1-160 &
watch=$!
sleep $((seconds / 2))
# Kill the server the agent desktop is on (each client starts on a server of its profile at random).
victim=$(curl -sf http://127.0.0.1:42081/v1/clients | grep -q 'ctios agent 1004' && echo A || echo B)
echo ">>> killing server $victim ($(role $([ "$victim" = A ] && echo 42081 || echo 43081))), the agent desktop's server, with SIGKILL"
if [ "$victim" = A ]; then kill -9 "$server_a"; else kill -9 "$server_b"; fi
wait "$watch" || true
echo
echo "The pair now: A ($(role 42081)), B ($(role 43081))"
curl -sf -X POST http://127.0.0.1:42080/v1/clock/hold >/dev/null   # stop the traffic, so the views below are of one moment
sleep 1
echo "The agent desktop (its session events, and its screen):"
echo "state" >&3
sleep 0.5
grep -E "OnConnection|OnSessionRecovered|State:" "$logs/agent.log" | sed 's/^/  /'
echo "quit" >&3
wait "$monitor" || true
echo "The monitor app (its session events, then its view of the objects on exit):"
python3 - "$logs/monitor.json" <<'PY'
import collections, json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
session = [l for l in lines if l.get("type") == "event" and l.get("name") in ("OnConnection", "OnConnectionFailure", "OnSessionRecovered")]
for l in session:
    args = l.get("arguments") or {}
    print("  ", l["name"], {k: args[k] for k in ("CurrentPort", "Duration", "Recovery", "FailureCode") if k in args})
views = [l for l in lines if l.get("type") == "view"]
if views:
    objects = views[-1]["objects"]
    kinds = collections.Counter(k.split(".")[0] for k in objects)
    print("   view:", ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
PY
echo
echo "The simulator's ground truth now (GET /v1/state):"
curl -sf http://127.0.0.1:42080/v1/state | python3 -c '
import collections, json, sys
state = json.load(sys.stdin)
agents = collections.Counter(agent["state"] for agent in state["agents"])
print("  version", state["version"], "| calls in progress", len(state["calls"]),
      "| agents:", ", ".join(f"{count} {name}" for name, count in sorted(agents.items())))'
echo
survivor=$([ "$victim" = A ] && echo 43081 || echo 42081)
echo "The surviving server's store now (GET /v1/state):"
curl -sf "http://127.0.0.1:$survivor/v1/state" | python3 -c '
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
