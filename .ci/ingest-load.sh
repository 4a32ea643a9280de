#!/usr/bin/env bash
# End-to-end OTLP/HTTP ingest of the release govtop against upb's parse of the same bytes, governance
# on vs off, and resident memory per stored span (see .ci/ingest-load.py for what each figure is).
# Installs what it lacks: wrk (apt) and, in .build/load-venv, the protobuf (upb) and
# opentelemetry-proto packages. Run from anywhere:
#   .ci/ingest-load.sh [path/to/release/govtop] [ingest-load.py options, e.g. --seconds 10]
# Without a path it builds and uses the release govtop of this checkout.
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

exec "$venv/bin/python" .ci/ingest-load.py "$binary" "$@"
