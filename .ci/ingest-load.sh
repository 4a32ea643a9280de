#!/usr/bin/env bash
# End-to-end OTLP/HTTP ingest of the release govtop against upb's parse of the same bytes, governance
# on vs off, and resident memory per stored span (see .ci/ingest-load.py for what each figure is).
# Installs what it lacks: wrk (apt) and, in .build/load-venv, the protobuf (upb) and
# opentelemetry-proto packages. Run from anywhere:
#   .ci/ingest-load.sh [path/to/release/govtop] [ingest-load.py options, e.g. --seconds 10]
# Without a path it builds and uses the release govtop of this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

. .ci/load-common.sh
if govtop_binary "$@"; then shift; fi

need_wrk

load_venv

exec "$venv/bin/python" .ci/ingest-load.py "$binary" "$@"
