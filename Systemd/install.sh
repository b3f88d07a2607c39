#!/usr/bin/env bash
# Installs ctios on this host as one node of a pair: the binary, the systemd units, the configuration and the
# dedicated user, then enables and (unless --no-start) starts ctios.target.
#
#   sudo Systemd/install.sh --node A                  # host A; --node B on host B
#   sudo Systemd/install.sh --node A --with-sim       # a lab: the CTI Server simulator too
#   sudo Systemd/install.sh --node B --binary ./ctios --config my-nodemgr.yaml --no-start
#
# Options:
#   --node A|B       which example configuration to install (Systemd/nodemgr-a.yaml or nodemgr-b.yaml)
#   --binary PATH    the ctios executable to install (default: build a release with the Swift runtime linked in)
#   --config FILE    install this node manager configuration instead of the example
#   --server-config FILE  install this object server configuration instead of the example
#                    (Systemd/server-a.yaml or server-b.yaml, which the example node manager runs)
#   --force-config   replace /etc/ctios/nodemgr.yaml and server.yaml even if they exist (they are kept by default:
#                    upgrades keep the operator's edits)
#   --with-sim       install and enable ctios-sim.service (labs only)
#   --no-start       enable, but do not start (also when systemd is not running, e.g. in an image build)
# Safe to run again: that is how an upgrade is done (Docs/Operations.md, "Upgrade").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

node="" binary="" config="" server_config="" force_config=0 with_sim=0 start=1
while [ $# -gt 0 ]; do
    case "$1" in
        --node) node=${2:?--node needs A or B}; shift 2 ;;
        --binary) binary=${2:?--binary needs a path}; shift 2 ;;
        --config) config=${2:?--config needs a file}; shift 2 ;;
        --server-config) server_config=${2:?--server-config needs a file}; shift 2 ;;
        --force-config) force_config=1; shift ;;
        --with-sim) with_sim=1; shift ;;
        --no-start) start=0; shift ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
case "$node" in
    A|a) node=a ;; B|b) node=b ;;
    *) echo "install.sh: --node A or --node B is required" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "install.sh: run as root (it writes /usr/local/bin, /etc and creates a user)" >&2; exit 1; }

bindir=/usr/local/bin
unitdir=/etc/systemd/system
confdir=/etc/ctios
docdir=/usr/local/share/doc/ctios

if [ -z "$binary" ]; then
    echo "install.sh: building ctios (release, Swift runtime linked in)"
    (cd "$root" && swift build -c release --static-swift-stdlib --product ctios)
    binary="$root/.build/release/ctios"
fi
[ -x "$binary" ] || { echo "install.sh: $binary is not an executable" >&2; exit 1; }

if ! getent group ctios >/dev/null; then groupadd --system ctios; fi
if ! getent passwd ctios >/dev/null; then
    useradd --system --gid ctios --home-dir /var/lib/ctios --no-create-home --shell /usr/sbin/nologin \
        --comment "CTI OS services" ctios
fi

install -d -m 0755 "$bindir" "$unitdir" "$docdir"
# Replace the binary atomically: a running node manager keeps its old copy until it is restarted.
install -m 0755 "$binary" "$bindir/.ctios.new"
mv -f "$bindir/.ctios.new" "$bindir/ctios"

install -d -m 0750 -o root -g ctios "$confdir"
if [ -n "$config" ]; then
    install -m 0640 -o root -g ctios "$config" "$confdir/nodemgr.yaml"
elif [ ! -e "$confdir/nodemgr.yaml" ] || [ "$force_config" -eq 1 ]; then
    install -m 0640 -o root -g ctios "$here/nodemgr-$node.yaml" "$confdir/nodemgr.yaml"
else
    echo "install.sh: keeping $confdir/nodemgr.yaml (--force-config replaces it)"
fi
"$bindir/ctios" nodemgr --config "$confdir/nodemgr.yaml" --check
if [ -n "$server_config" ]; then
    install -m 0640 -o root -g ctios "$server_config" "$confdir/server.yaml"
elif [ ! -e "$confdir/server.yaml" ] || [ "$force_config" -eq 1 ]; then
    install -m 0640 -o root -g ctios "$here/server-$node.yaml" "$confdir/server.yaml"
else
    echo "install.sh: keeping $confdir/server.yaml (--force-config replaces it)"
fi
"$bindir/ctios" server --config "$confdir/server.yaml" --check

units=(ctios.target ctios-nodemgr.service)
[ "$with_sim" -eq 1 ] && units+=(ctios-sim.service)
for unit in ctios.target ctios-nodemgr.service ctios-sim.service; do
    install -m 0644 "$here/$unit" "$unitdir/$unit"
done
for doc in Operations.md Simulator.md Architecture.md; do
    [ -e "$root/Docs/$doc" ] && install -m 0644 "$root/Docs/$doc" "$docdir/$doc"
done

running=0
[ -d /run/systemd/system ] && running=1   # sd_booted(3): systemd is this system's service manager
if [ "$running" -eq 1 ]; then systemctl daemon-reload; fi
systemctl enable "${units[@]}" >/dev/null 2>&1 || {
    # Offline (no systemd running, e.g. an image build): make the links enable would make.
    install -d "$unitdir/multi-user.target.wants" "$unitdir/ctios.target.wants"
    ln -sf "$unitdir/ctios.target" "$unitdir/multi-user.target.wants/ctios.target"
    for unit in "${units[@]:1}"; do ln -sf "$unitdir/$unit" "$unitdir/ctios.target.wants/$unit"; done
}

if [ "$start" -eq 1 ] && [ "$running" -eq 1 ]; then
    systemctl restart ctios.target
    echo "install.sh: node $node installed and started: systemctl status ctios-nodemgr"
else
    echo "install.sh: node $node installed; start it with: systemctl start ctios.target"
fi
