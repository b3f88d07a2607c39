#!/usr/bin/env bash
# The node manager under a real systemd (CI runs it as a stage of Scripts/test.sh; it needs root):
#
#  1. every unit in Systemd/ passes `systemd-analyze verify` with nothing on stderr;
#  2. a real systemd boots as PID 1 of fresh PID, mount, network, UTS, IPC and cgroup namespaces (nothing
#     leaks to the host: /etc, /usr/local and /var are overlays, /run a tmpfs, the network its own loopback),
#     Systemd/install.sh installs the units and node A there (a node manager supervising `ctios sim` and
#     `ctios server` with the server.yaml install.sh wrote), and then:
#     - the server is ready (/ready, primary alone in /v1/cluster) on the sockets the node manager holds;
#     - kill -9 of ctios server         → the node manager restarts it (systemd sees nothing);
#     - SIGSTOP of the node manager     → systemd's watchdog kills it with its children and restarts it;
#     - kill -9 of the node manager     → systemd restarts it, and no process of the old one is left;
#     - systemctl stop ctios.target     → a clean stop (children first, exit status 0);
#     each checked with `systemctl show` and the journal, with the restart times printed.
#
# A failure to start systemd fails the test; it never skips.
#   Scripts/systemd-test.sh [CTIOS_BINARY]     (default .build/debug/ctios)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ "${1:-}" = "--init" ]; then
    # PID 1 of the new namespaces: make a private system, install the node, become systemd.
    work=$2 binary=$3
    mount --make-rprivate /
    mount -t tmpfs -o mode=0755 tmpfs /run
    mount -t tmpfs tmpfs "$work/overlay"
    for dir in etc usr/local var; do
        name=${dir//\//-}
        mkdir -p "$work/overlay/$name-upper" "$work/overlay/$name-work"
        mount -t overlay overlay -o "lowerdir=/$dir,upperdir=$work/overlay/$name-upper,workdir=$work/overlay/$name-work" "/$dir"
    done
    mount -t cgroup2 cgroup2 /sys/fs/cgroup
    ip link set lo up
    hostname ctios-node-a

    units=/etc/systemd/system
    rm -rf "$units"/*.wants "$units"/*.requires
    # systemd-tmpfiles would clean the host's files through the shared mounts: mask it.
    for unit in systemd-tmpfiles-setup.service systemd-tmpfiles-clean.service systemd-tmpfiles-clean.timer \
                systemd-tmpfiles-setup-dev.service; do
        ln -sf /dev/null "$units/$unit"
    done
    Systemd/install.sh --node A --binary "$binary" --config "$work/nodemgr.yaml" --with-sim --no-start >"$work/install.log" 2>&1
    # Test-only settings: a target that brings up the journal and ctios.target, without the rest of a boot.
    cat >"$units/ctios-test.target" <<UNIT
[Unit]
Description=ctios systemd test
DefaultDependencies=no
Wants=systemd-journald.service ctios.target
UNIT
    for unit in ctios.target ctios-nodemgr.service ctios-sim.service; do
        mkdir -p "$units/$unit.d"
        printf '[Unit]\nDefaultDependencies=no\n' >"$units/$unit.d/test.conf"
    done
    # The simulator unit is installed but not wanted here: the node manager supervises the simulator itself.
    rm -f "$units/ctios.target.wants/ctios-sim.service"
    exec /lib/systemd/systemd --system --unit=ctios-test.target --log-target=journal-or-kmsg --log-level=info
fi

binary=$(realpath "${1:-.build/debug/ctios}")
[ "$(id -u)" -eq 0 ] || { echo "systemd-test: needs root (it starts systemd in new namespaces)" >&2; exit 1; }
[ -x "$binary" ] || { echo "systemd-test: $binary is not built" >&2; exit 1; }

started=$SECONDS
failures=0
pass() { echo "  ok   $*"; }
fail() { echo "  FAIL $*"; failures=$((failures + 1)); }

# 1. Every unit verifies without a warning (systemd-analyze exits 0 on warnings: any stderr fails).
echo "-- systemd-analyze verify"
for unit in Systemd/*.service Systemd/*.target; do
    output=$(unshare -m bash -c "mount -t tmpfs tmpfs /usr/local/bin && cp '$binary' /usr/local/bin/ctios &&
                                 systemd-analyze verify '$root/$unit'" 2>&1) || true
    if [ -z "$output" ]; then pass "$unit"; else fail "$unit: $output"; fi
done

# 2. A real systemd.
work=$(mktemp -d /tmp/ctios-systemd-test.XXXXXX)
mkdir -p "$work/overlay"
cgroup_root=/sys/fs/cgroup
[ -e /sys/fs/cgroup/unified/cgroup.procs ] && cgroup_root=/sys/fs/cgroup/unified
cgroup="$cgroup_root/ctios-systemd-test-$$"
mkdir "$cgroup"
cat >"$work/nodemgr.yaml" <<YAML
node: A
admin: 127.0.0.1:42082
children:
  - name: sim
    executable: /usr/local/bin/ctios
    arguments: [sim, --agents, "20", --calls-per-second, "1"]
    watchdogSeconds: 2
    startTimeoutSeconds: 20
    stopTimeoutSeconds: 5
    # Held across the child's restarts and, through systemd's fd store, across the node manager's.
    sockets:
      - {name: probe, listen: "127.0.0.1:42099"}
  # The object server on it, with the configuration install.sh wrote (Systemd/server-a.yaml): alone here (no peer
  # answers), it serves as primary; its CIL and peer sockets are held by the node manager.
  - name: server
    executable: /usr/local/bin/ctios
    arguments: [server, --config, /etc/ctios/server.yaml]
    watchdogSeconds: 5
    startTimeoutSeconds: 30
    stopTimeoutSeconds: 10
    sockets:
      - {name: cil, listen: "127.0.0.1:42028"}
      - {name: peer, listen: "127.0.0.1:42029"}
YAML

init_pid=""
cleanup() {
    if [ -n "$init_pid" ] && kill -0 "$init_pid" 2>/dev/null; then
        kill -9 "$init_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$init_pid" 2>/dev/null || break; sleep 0.1; done
    fi
    # Remove the cgroups systemd made, deepest first (they are empty once PID 1 of the namespace is gone).
    find "$cgroup" -depth -type d -exec rmdir {} \; 2>/dev/null || true
    if [ "$failures" -ne 0 ] || [ "${KEEP:-0}" = 1 ]; then echo "systemd-test: work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# The new namespaces start inside their own cgroup, which becomes the root of their cgroup namespace.
bash -c "echo \$\$ > '$cgroup/cgroup.procs' && exec unshare --pid --fork --mount-proc --mount --uts --ipc --net --cgroup \
    '$root/Scripts/systemd-test.sh' --init '$work' '$binary'" >"$work/init.log" 2>&1 &
unshare_pid=$!
for _ in $(seq 100); do
    init_pid=$(pgrep -P "$unshare_pid" | head -1 || true)
    [ -n "$init_pid" ] && break
    sleep 0.05
done
[ -n "$init_pid" ] || { cat "$work/init.log"; echo "systemd-test: the namespace did not start"; exit 1; }

ns() { nsenter -t "$init_pid" -m -p -n -u -i -C "$@"; }
show() { ns systemctl show -P "$2" "$1" 2>/dev/null; }
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.3f}')"; }
# wait_for DESCRIPTION SECONDS COMMAND...: polls every 50 ms; fails naming what it waited for and what it saw.
wait_for() {
    local what=$1 limit=$2; shift 2
    local deadline=$((SECONDS + limit))
    while [ $SECONDS -lt $deadline ]; do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.05
    done
    fail "waited ${limit} s for $what; last: nodemgr $(show ctios-nodemgr.service ActiveState)/$(show ctios-nodemgr.service SubState), status '$(show ctios-nodemgr.service StatusText)'"
    return 1
}
children() { ns curl -sf --max-time 2 http://127.0.0.1:42082/v1/children; }
# The child the kill tests aim at: ctios server.
child_field() { children | python3 -c "import json,sys; c=[c for c in json.load(sys.stdin)['children'] if c['name'] == 'server'][0]; print(c.get('$1'))"; }
is_active() { [ "$(show ctios-nodemgr.service ActiveState)" = active ]; }
child_ready_not() { local state pid; state=$(child_field state); pid=$(child_field pid); [ "$pid" != "$1" ] && [ "$pid" != None ] && { [ "$state" = ready ] || [ "$state" = running ]; }; }

echo "-- systemd boots and starts node A"
boot=$(now)
if ! wait_for "systemd to answer" 20 ns systemctl is-system-running; then
    # is-system-running exits non-zero while starting; any answer at all means systemd is up.
    ns systemctl is-system-running >/dev/null 2>&1 || true
fi
if ! wait_for "ctios-nodemgr.service active (READY=1 after its child)" 30 is_active; then
    echo "--- install log"; cat "$work/install.log"; echo "--- init log"; tail -30 "$work/init.log"
    echo "--- journal"; ns journalctl --no-pager -n 60 2>&1 || true
    exit 1
fi
pass "ctios-nodemgr.service active $(elapsed "$boot" "$(now)") s after the namespace started"
status=$(show ctios-nodemgr.service StatusText)
[[ "$status" == "node A: 2/2 up"* ]] && pass "STATUS= '$status'" || fail "STATUS= '$status'"
server_ready() { ns curl -sf --max-time 2 http://127.0.0.1:42081/ready; }
wait_for "ctios server /ready (the CTI Server session and its snapshot)" 30 server_ready \
    && pass "ctios server ready under the node manager"
cluster=$(ns curl -sf --max-time 2 http://127.0.0.1:42081/v1/cluster || true)
[[ "$cluster" == *'"role":"primary"'* && "$cluster" == *'"serverID":"A"'* ]] \
    && pass "ctios server is A, primary alone: $cluster" || fail "/v1/cluster: $cluster"
clients_on_held_socket() { ns /usr/local/bin/ctios monitor --server 127.0.0.1:42028 --seconds 1 --json --quiet | grep -q '"type":"view"'; }
wait_for "a monitor session through the node manager's held cil socket" 10 clients_on_held_socket \
    && pass "a CIL monitor session through the held cil socket got its view"
[ "$(show ctios-nodemgr.service User)" = ctios ] && pass "runs as user ctios" || fail "User=$(show ctios-nodemgr.service User)"
manager=$(show ctios-nodemgr.service MainPID)
[ "$(ns ps -o user= -p "$manager" | tr -d ' ')" = ctios ] && pass "node manager process runs as ctios" || fail "node manager user $(ns ps -o user= -p "$manager")"

echo "-- kill -9 ctios server: the node manager restarts it"
child=$(child_field pid)
t0=$(now)
ns kill -9 "$child"
wait_for "the child restarted and ready (old pid $child)" 15 child_ready_not "$child" && {
    pass "child $child killed → new child $(child_field pid) ready (exit to READY=1: $(child_field lastRecoverySeconds) s; seen from outside after $(elapsed "$t0" "$(now)") s, polling through nsenter)"
}
[ "$(child_field restarts)" = 1 ] && pass "restarts = 1" || fail "restarts = $(child_field restarts)"
[ "$(show ctios-nodemgr.service MainPID)" = "$manager" ] && pass "the node manager kept running (pid $manager)" || fail "the node manager changed"
[ "$(show ctios-nodemgr.service NRestarts)" = 0 ] && pass "systemd restarted nothing" || fail "NRestarts=$(show ctios-nodemgr.service NRestarts)"
ns curl -sf http://127.0.0.1:42082/metrics | grep -q 'ctios_nodemgr_child_restarts_total{child="server",reason="crash"} 1' \
    && pass "metrics: ctios_nodemgr_child_restarts_total{child=\"server\",reason=\"crash\"} 1" || fail "restart not in /metrics"
journal_has() { ns journalctl --no-pager -o cat "${@:2}" | grep -qF -- "$1"; }
wait_for "the restart in the journal (SYSLOG_IDENTIFIER=ctios-nodemgr CHILD=server)" 5 \
    journal_has "child exited; restarting" SYSLOG_IDENTIFIER=ctios-nodemgr CHILD=server \
    && pass "journal: 'child exited; restarting' with CHILD=server"
wait_for "the child's own entries in the journal (SYSLOG_IDENTIFIER=ctios-server NODE=A CHILD=server)" 5 \
    journal_has "CTI OS server listening" SYSLOG_IDENTIFIER=ctios-server NODE=A CHILD=server \
    && pass "journal: the child's own entries carry NODE=A CHILD=server"
wait_for "ctios server /ready again after its restart" 30 server_ready && pass "the restarted ctios server is ready again"

watchdog_usec=$(show ctios-nodemgr.service WatchdogUSec)
restart_usec=$(show ctios-nodemgr.service RestartUSec)
to_seconds() { python3 -c "
s='$1'.strip(); import re
if s.isdigit(): print(int(s)/1e6)
else:
    t=0
    for v,u in re.findall(r'([0-9.]+)(ms|us|min|s|h)', s): t+=float(v)*{'ms':1e-3,'us':1e-6,'s':1,'min':60,'h':3600}[u]
    print(t)"; }
watchdog_s=$(to_seconds "$watchdog_usec"); restart_s=$(to_seconds "$restart_usec")
budget=$(python3 -c "print(f'{($watchdog_s + $restart_s) * 1.1:.3f}')")

echo "-- SIGSTOP the node manager: systemd's watchdog kills it (and its child) and restarts it"
manager=$(show ctios-nodemgr.service MainPID)
child=$(child_field pid)
t0=$(now)
ns kill -STOP "$manager"
new_manager() { local pid; pid=$(show ctios-nodemgr.service MainPID); [ "$pid" != "$manager" ] && [ "$pid" != 0 ]; }
if wait_for "a new node manager process" 30 new_manager; then
    restarted=$(elapsed "$t0" "$(now)")
    wait_for "the new node manager active" 30 is_active
    ready=$(elapsed "$t0" "$(now)")
    python3 -c "import sys; sys.exit(0 if $restarted <= $budget else 1)" \
        && pass "hung node manager restarted after $restarted s (WatchdogSec $watchdog_s + RestartSec $restart_s + 10% = $budget s); active again after $ready s" \
        || fail "hung node manager restarted after $restarted s, over $budget s"
    figure_hung_manager="$restarted s to a new process, $ready s to READY=1 (WatchdogSec $watchdog_s s, RestartSec $restart_s s)"
fi
ns kill -0 "$child" 2>/dev/null && fail "the old child $child is still alive" || pass "the old child $child went with it (KillMode=control-group)"
[ "$(show ctios-nodemgr.service NRestarts)" = 1 ] && pass "NRestarts = 1" || fail "NRestarts=$(show ctios-nodemgr.service NRestarts)"
wait_for "systemd's 'Watchdog timeout' in the journal" 5 journal_has "Watchdog timeout" -u ctios-nodemgr.service \
    && pass "journal: systemd's 'Watchdog timeout'"
wait_for "a new child ready" 20 child_ready_not "$child"

echo "-- kill -9 the node manager: systemd restarts it and nothing of the old one is left"
manager=$(show ctios-nodemgr.service MainPID)
child=$(child_field pid)
t0=$(now)
ns kill -9 "$manager"
if wait_for "a new node manager process" 30 new_manager; then
    pass "killed node manager restarted after $(elapsed "$t0" "$(now)") s"
    wait_for "the new node manager active" 30 is_active
fi
ns kill -0 "$child" 2>/dev/null && fail "orphan: the old child $child is still alive" || pass "no orphan: the old child $child is gone"
procs=$(cat "$cgroup"/system.slice/ctios-nodemgr.service/cgroup.procs 2>/dev/null | wc -l)
[ "$procs" = 3 ] && pass "the unit's cgroup holds 3 processes (node manager, sim, server)" || fail "the unit's cgroup holds $procs processes"
[ "$(show ctios-nodemgr.service NRestarts)" = 2 ] && pass "NRestarts = 2" || fail "NRestarts=$(show ctios-nodemgr.service NRestarts)"
[ "$(show ctios-nodemgr.service NFileDescriptorStore)" = 3 ] && pass "systemd keeps the 3 held sockets (probe, cil, peer) in its fd store" \
    || fail "NFileDescriptorStore=$(show ctios-nodemgr.service NFileDescriptorStore)"
wait_for "the new node manager adopting the stored socket" 5 \
    journal_has "holding socket kept by systemd" _PID="$(show ctios-nodemgr.service MainPID)" \
    && pass "journal: the restarted node manager holds the socket systemd kept (FDSTORE=1, LISTEN_FDS)"

echo "-- systemctl stop ctios.target: a clean stop"
manager=$(show ctios-nodemgr.service MainPID)
child=$(child_field pid)
t0=$(now)
ns systemctl stop ctios.target
stop_time=$(elapsed "$t0" "$(now)")
state=$(show ctios-nodemgr.service ActiveState); result=$(show ctios-nodemgr.service Result)
status_code=$(show ctios-nodemgr.service ExecMainStatus)
[ "$state" = inactive ] && [ "$result" = success ] && [ "$status_code" = 0 ] \
    && pass "stopped in $stop_time s: inactive, result success, exit status 0" \
    || fail "after stop: $state, result $result, exit status $status_code"
ns kill -0 "$child" 2>/dev/null && fail "the child $child outlived the stop" || pass "the child stopped"
wait_for "'every child stopped' in the journal" 5 journal_has "every child stopped" _PID="$manager" \
    && pass "journal: 'every child stopped' from the stopped node manager"

echo "systemd test: $((SECONDS - started)) s"
if [ -n "${figure_hung_manager:-}" ]; then echo "figure: hung node manager: $figure_hung_manager"; fi
if [ "$failures" -ne 0 ]; then
    echo "--- journal (last 80 lines)"; ns journalctl --no-pager -n 80 2>&1 || true
    echo "systemd-test: $failures check(s) failed"
    exit 1
fi
echo "systemd-test: every check passed"
