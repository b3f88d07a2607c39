#!/usr/bin/env bash
# Installs what the build and the tests need when it is missing: libsystemd's headers and pkg-config, and for
# the real-systemd test systemd, iproute2, procps and util-linux (Debian 12).
# Called by the README's commands; safe to run again (it does nothing when all is there).
set -euo pipefail

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! pkg-config --exists libsystemd 2>/dev/null; then need+=(libsystemd-dev); fi
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v curl >/dev/null 2>&1 || need+=(curl)
# The node manager's real-systemd test (Scripts/systemd-test.sh): systemd itself, ip, pgrep/ps, unshare/nsenter.
[ -x /lib/systemd/systemd ] || need+=(systemd)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
command -v pgrep >/dev/null 2>&1 || need+=(procps)
command -v nsenter >/dev/null 2>&1 || need+=(util-linux)

if [ ${#need[@]} -gt 0 ]; then
    echo "bootstrap: installing ${need[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
