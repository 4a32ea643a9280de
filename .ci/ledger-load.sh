#!/usr/bin/env bash
# Ingest with the ledger of record on disk vs --ephemeral in the same run (>= 0.95x, issue 11), and
# disk bytes per day of history per group. Reuses .ci/ingest-load.py's pool and wrk driver; installs
# what it lacks like .ci/ingest-load.sh. Run from anywhere:
#   .ci/ledger-load.sh [path/to/release/govtop] [ledger-load.py options, e.g. --seconds 5 --rounds 2]
set -euo pipefail
cd "$(dirname "$0")/.."

. .ci/load-common.sh
if govtop_binary "$@"; then shift; fi

need_wrk

load_venv

exec "$venv/bin/python" .ci/ledger-load.py "$binary" "$@"
