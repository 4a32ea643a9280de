#!/usr/bin/env bash
# Ingest with the ledger of record on disk vs --ephemeral in the same run (>= 0.95x, issue 11), and
# disk bytes per day of history per group. Reuses .ci/ingest-load.py's pool and wrk driver; installs
# what it lacks like .ci/ingest-load.sh. Run from anywhere:
#   .ci/ledger-load.sh [path/to/release/govtop] [ledger-load.py options, e.g. --seconds 5 --rounds 2]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  binary=$1
  shift
else
  swift build -c release --product govtop 2>&1 | tail -n 2
  binary="$(swift build -c release --show-bin-path)/govtop"
fi

if ! command -v wrk >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

venv=.build/load-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check protobuf==7.36.2 opentelemetry-proto==1.45.2

exec "$venv/bin/python" .ci/ledger-load.py "$binary" "$@"
