#!/usr/bin/env bash
# The node manager's figures (Docs/Performance.md, "Node manager"):
#  - a crashed child back to READY=1: `ctios sim` supervised by `ctios nodemgr`, killed with SIGKILL N times
#    (each time after it has been stable, so each restart is immediate: repeated crashes back off by design);
#    the node manager's own measure, exit to READY=1 (lastRecoverySeconds), and the outside view (kill to a
#    ready new pid on /v1/children, polled every 10 ms);
#  - a hung child detected: a test child that stops pinging 0.5 s after READY=1, watchdog 1 s; the silence
#    from its last WATCHDOG=1 to the node manager's SIGABRT (lastKillSilenceSeconds), N times.
# The hung node manager figure comes from Scripts/systemd-test.sh (it needs a real systemd).
#   Scripts/bench-nodemgr.sh [BUILD_DIR] [N]      (default .build/debug, 20)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-.build/debug}
runs=${2:-20}
ctios="$(realpath "$build/ctios")"
child="$(realpath "$build/NodeManagerTestChild")"
work=$(mktemp -d /tmp/ctios-bench-nodemgr.XXXXXX)
port=$((20000 + RANDOM % 20000))
cat >"$work/nodemgr.yaml" <<YAML
node: bench
admin: 127.0.0.1:$port
runtimeDirectory: $work
children:
  - name: sim
    executable: $ctios
    arguments: [sim, --side-a, "127.0.0.1:0", --side-b, "127.0.0.1:0", --admin, "127.0.0.1:0", --agents, "50"]
    watchdogSeconds: 2
    restartBurst: 1000
    stableSeconds: 0.3
  - name: hanger
    executable: $child
    arguments: [--hang-after, "500"]
    watchdogSeconds: 1
    abortGraceSeconds: 1
    restartBurst: 1000
    maximumRestartBackoffSeconds: 0.1
YAML
"$ctios" nodemgr --config "$work/nodemgr.yaml" --log-level warning 2>"$work/nodemgr.log" &
manager=$!
trap 'kill $manager 2>/dev/null; wait $manager 2>/dev/null; rm -rf "$work"' EXIT

python3 - "$port" "$runs" <<'PY'
import json, os, signal, statistics, sys, time, urllib.request
port, runs = int(sys.argv[1]), int(sys.argv[2])
def children():
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/children", timeout=2) as r:
        return {c["name"]: c for c in json.load(r)["children"]}
def wait(what, predicate, limit=20):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            c = children()
            if predicate(c): return c
        except OSError:
            pass
        time.sleep(0.01)
    sys.exit(f"bench-nodemgr: waited {limit} s for {what}")
up = lambda c: c["state"] in ("ready", "running")
c = wait("sim ready", lambda c: up(c["sim"]))
inside, outside = [], []
for _ in range(runs):
    pid, restarts = c["sim"]["pid"], c["sim"]["restarts"]
    start = time.monotonic()
    os.kill(pid, signal.SIGKILL)
    c = wait("sim restarted", lambda c: c["sim"]["restarts"] > restarts and up(c["sim"]) and c["sim"]["pid"] != pid)
    outside.append(time.monotonic() - start)
    inside.append(c["sim"]["lastRecoverySeconds"])
    time.sleep(0.5)   # past stableSeconds: each crash is a first one, restarted at once (no backoff)
silences = []
seen = children()["hanger"]["restarts"]
while len(silences) < min(runs, 10):
    c = wait("the hung child killed", lambda c: c["hanger"]["restarts"] > seen, 10)
    seen = c["hanger"]["restarts"]
    silences.append(c["hanger"]["lastKillSilenceSeconds"])
def line(name, values, unit=1000, suffix="ms"):
    values = sorted(values)
    p50 = statistics.median(values)
    print(f"{name}: n={len(values)} p50={p50*unit:.1f} {suffix} p90={values[int(len(values)*0.9)-1]*unit:.1f} {suffix} max={values[-1]*unit:.1f} {suffix}")
line("crashed sim: exit to READY=1 (node manager's measure)", inside)
line("crashed sim: kill to ready on /v1/children (outside, 10 ms polling)", outside)
line("hung child (watchdog 1 s): last WATCHDOG=1 to SIGABRT", silences)
PY
