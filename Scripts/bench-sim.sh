#!/usr/bin/env bash
# The simulator's figures: GED-188 events per second generated and delivered to 1 and to 10 bridge sessions on
# loopback (sessions that only split frames: `ctios bench readers`).
#   Scripts/bench-sim.sh [seconds]     (default 10 per measurement)
#   CPS=5000 Scripts/bench-sim.sh      (calls offered per second, default 40000: far past what two cores deliver,
#                                       so the figure is the simulator's ceiling; a session that cannot keep up is
#                                       cut off at 8 MiB unread, as a real CTI Server would)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
cps=${CPS:-40000}
Scripts/bootstrap.sh
swift build -c release --scratch-path .build-bench --product ctios >/dev/null
ctios=$(swift build -c release --scratch-path .build-bench --show-bin-path)/ctios
work=$(mktemp -d)
cat > "$work/saturate.yaml" <<YAML
seed: 7
size:
  agents: 5000
  skillGroups: 8
traffic:
  callsPerSecond: $cps
  meanHandleSeconds: 0.2
  meanWrapUpSeconds: 0.02
  minimumAnswerSeconds: 0.005
  maximumAnswerSeconds: 0.02
  notReadyProbability: 0.01
  meanNotReadySeconds: 0.2
YAML

measure() {
    local clients=$1
    "$ctios" sim --config "$work/saturate.yaml" --side-a 127.0.0.1:52027 --side-b 127.0.0.1:53027 \
        --admin 127.0.0.1:52080 --hold-clock > "$work/sim-$clients.log" 2>&1 &
    local sim=$!
    for _ in $(seq 1 100); do curl -sf http://127.0.0.1:52080/ready >/dev/null 2>&1 && break; sleep 0.1; done
    "$ctios" bench readers --server 127.0.0.1:52027 --clients "$clients" --seconds "$seconds" --warm-up 3 \
        > "$work/readers-$clients.json" &
    local readers=$!
    sleep 0.5
    curl -sf -XPOST http://127.0.0.1:52080/v1/clock/start >/dev/null
    local before after
    sleep 3
    before=$(curl -sf http://127.0.0.1:52080/metrics | awk '/^ctios_sim_events_generated /{print $2}')
    sleep "$seconds"
    after=$(curl -sf http://127.0.0.1:52080/metrics | awk '/^ctios_sim_events_generated /{print $2}')
    wait $readers
    kill $sim; wait $sim 2>/dev/null || true
    python3 - "$clients" "$before" "$after" "$seconds" "$work/readers-$clients.json" <<'PY'
import json, sys
clients, before, after, seconds, path = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
readers = json.load(open(path))
per_client = readers["messagesPerSecondPerClient"]
print(f"{clients:>2} bridge session(s): generated ~{(after - before) / seconds:,.0f} events/s (metrics, ±1 s sampling); "
      f"delivered {readers['messagesPerSecondTotal']:,.0f} messages/s in all, "
      f"min {min(per_client):,.0f} / max {max(per_client):,.0f} per session; closed early: {readers['closedEarly']}")
PY
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); $cps calls/s offered"
measure 1
measure 10
