#!/usr/bin/env bash
# Runs the system on loopback, no configuration needed.
# Today the runnable part is the GED-188 toolchain: it encodes a CTI Server session opening and decodes it back.
# As the simulator, the server pair and the clients land, this script starts them.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/bootstrap.sh
swift build --product ctios >/dev/null
ctios=$(swift build --show-bin-path)/ctios

"$ctios" version
echo
echo "An OPEN_REQ for a bridge client (ALL_EVENTS | CLIENT_CONTROL), as JSON, encoded to GED-188 bytes:"
json='{"message":"OPEN_REQ","fields":{"invokeID":1,"idleTimeout":20,"peripheralID":4294967295,"servicesRequested":20,"callMsgMask":2097151,"agentStateMask":16383,"clientID":"ctios-demo","clientPassword":""}}'
echo "$json"
hex=$(echo "$json" | "$ctios" ged188 encode)
echo "$hex"
echo
echo "The same bytes decoded again:"
echo "$hex" | "$ctios" ged188 decode
