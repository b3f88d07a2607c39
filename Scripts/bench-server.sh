#!/usr/bin/env bash
# The object server's figures (Docs/Performance.md, "Object server"), all in one run:
#   1. saturation: the simulator (in the benchmark's process) offers more calls than ctios server can take, with
#      1,000 agent-mode and 100 monitor-mode clients connected; client deliveries per second, counted by readers
#      that only split frames;
#   2. half load: the call rate that gives half of the saturated event rate, with latency probes (HdrHistogram);
#   3. memory per agent and per call (resident memory of ctios server, differences between runs);
#   4. the peer: nats-server fanning 200-byte messages out to 1,000 subscribers, same readers, same run;
#   5. a profile of the saturated server (perf record -g), when PROFILE=1.
#
#   Scripts/bench-server.sh               (RUNS=3 repetitions of 1, 2 and 4; SECONDS_PER_RUN=20; OFFERED_CPS=200)
#   RUNS=1 PROFILE=1 Scripts/bench-server.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
seconds=${SECONDS_PER_RUN:-20}
offered=${OFFERED_CPS:-200}
Scripts/bootstrap.sh
# The peer, from Debian (nats-server 2.9 on Debian 12).
if ! command -v nats-server >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server >/dev/null || true
fi
if [ "${PROFILE:-0}" = 1 ] && ! command -v perf >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf >/dev/null || true
fi
swift build -c release --scratch-path .build-bench --product ctios >/dev/null
swift build -c release --package-path Benchmarks --scratch-path .build-bench-pkg --product ServerBench >/dev/null
ctios=$(swift build -c release --scratch-path .build-bench --show-bin-path)/ctios
bench=$(swift build -c release --package-path Benchmarks --scratch-path .build-bench-pkg --show-bin-path)/ServerBench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ulimit -n 20000 || true
# Every server of the run on ports of its own (CIL port, admin port = CIL port + 1; memory uses + 2 and + 3 too),
# below the ephemeral range (32768-60999 here): the 1,100 client sockets of one run sit in TIME_WAIT on ephemeral
# ports, and a stopped server's admin port may too, when the next server binds.
port=31100
next_ports() { port=$((port + 10)); portargs="--client-port $port --admin-port $((port + 1))"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"

for run in $(seq 1 "$runs"); do
    next_ports
    "$bench" load --ctios "$ctios" $portargs --calls-per-second "$offered" --seconds "$seconds" > "$work/saturated-$run.json"
    python3 - "$work/saturated-$run.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
per_cpu = r['serverDeliveriesPerSecond'] / r['serverCPU'] if r['serverCPU'] > 0 else 0
print(f"saturated {r['callsPerSecond']:.0f} calls/s offered: {r['deliveriesPerSecond']:,.0f} deliveries/s "
      f"(server counted {r['serverDeliveriesPerSecond']:,.0f}); server CPU {r['serverCPU']:.2f} cores "
      f"({per_cpu:,.0f} deliveries per server CPU-second); "
      f"{r['serverCTIEventsPerSecond']:,.0f} CTI events/s of {r['simulatorEventsPerSecond']:,.0f} generated; "
      f"clients {r['clientsAgentMode']:.0f}+{r['clientsMonitorMode']:.0f}, closed {r['clientsClosed']}; load {r['loadAverage']}")
PY
done
# Half load: half the call rate at which the server kept up with the simulator (its share of the offered rate).
half=$(python3 - "$work"/saturated-*.json <<'PY'
import json, sys
rates = []
for path in sys.argv[1:]:
    r = json.load(open(path))
    rates.append(r['callsPerSecond'] * min(1.0, r['serverCTIEventsPerSecond'] / r['simulatorEventsPerSecond']))
rates.sort()
print(f"{rates[len(rates) // 2] / 2:.0f}")
PY
)
for run in $(seq 1 "$runs"); do
    next_ports
    "$bench" load --ctios "$ctios" $portargs --calls-per-second "$half" --seconds "$seconds" --probes-per-second 500 > "$work/half-$run.json"
    python3 - "$work/half-$run.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
p = r['probes']
print(f"half load {r['callsPerSecond']:.0f} calls/s: {r['deliveriesPerSecond']:,.0f} deliveries/s, server CPU {r['serverCPU']:.2f}; "
      f"latency p50 {p['p50ms']} ms, p99 {p['p99ms']} ms, p99.9 {p['p999ms']} ms, max {p['maxms']} ms "
      f"({p['received']} of {p['sent']} probes, {p['late']} late, {p['timedOut']} lost); load {r['loadAverage']}")
PY
done

for monitors in 0 100; do
    next_ports
    "$bench" memory --ctios "$ctios" $portargs --monitor-clients "$monitors" > "$work/memory-$monitors.json"
    python3 - "$work/memory-$monitors.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"memory with {r['monitorClients']} monitors: {r['bytesPerAgent']:,.0f} bytes per agent "
      f"({r['smallAgents']} -> {r['largeAgents']} agents: {r['rssSmall'] / 2**20:.1f} -> {r['rssLarge'] / 2**20:.1f} MiB), "
      f"{r['bytesPerCall']:,.0f} bytes per call ({r['callsInProgress']} calls: -> {r['rssLargeWithCalls'] / 2**20:.1f} MiB; "
      f"objects {r['objectsLarge']:.0f} -> {r['objectsWithCalls']:.0f}); load {r['loadAverage']}")
PY
done

if command -v nats-server >/dev/null 2>&1; then
    echo "peer: $(nats-server --version)"
    for run in $(seq 1 "$runs"); do
        nats-server -a 127.0.0.1 -p 54222 > "$work/nats.log" 2>&1 &
        nats=$!
        sleep 0.5
        "$bench" nats --port 54222 --subscribers 1000 --size 200 --seconds "$seconds" > "$work/nats-$run.json" || true
        kill "$nats"; wait "$nats" 2>/dev/null || true
        python3 - "$work/nats-$run.json" "$work"/saturated-*.json <<'PY'
import json, sys
n = json.load(open(sys.argv[1]))
ours = sorted(json.load(open(p))['deliveriesPerSecond'] for p in sys.argv[2:])
median = ours[len(ours) // 2]
print(f"nats-server 1,000 subscribers, 200-byte messages: {n['deliveriesPerSecond']:,.0f} deliveries/s "
      f"(closed {n['subscribersClosed']}); ctios server / NATS = {median / n['deliveriesPerSecond']:.3f}; load {n['loadAverage']}")
PY
    done
else
    echo "peer: nats-server is not installable here; no ratio"
fi

if [ "${PROFILE:-0}" = 1 ]; then
    next_ports
    "$bench" load --ctios "$ctios" $portargs --calls-per-second "$offered" --seconds 15 --perf-output "$work/perf.data" --perf-seconds 10 > "$work/profile.json"
    # Self time by symbol, time by caller (inclusive), and by library; `|| true`: head closing the pipe is no failure.
    perf report -i "$work/perf.data" --no-children --sort symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep '%' | head -30 || true
    perf report -i "$work/perf.data" --children --sort symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep '%' \
        | grep -E 'CTIOSServer|CTIOSCore|CTIOSWire' | head -25 || true
    perf report -i "$work/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep '%' | head -8 || true
fi
