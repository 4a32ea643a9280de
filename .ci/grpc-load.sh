#!/usr/bin/env bash
# OTLP/gRPC ingest of the release govtop against its OTLP/HTTP ingest in the same run (see
# .ci/grpc-load.py). Installs what it lacks in .build/load-venv: grpcio, protobuf (upb) and
# opentelemetry-proto. Exits non-zero when gRPC ingests less than 0.9 x HTTP. Run from anywhere:
#   .ci/grpc-load.sh [path/to/release/govtop] [grpc-load.py options, e.g. --seconds 10]
# Without a path it builds and uses the release govtop of this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

. .ci/load-common.sh
if govtop_binary "$@"; then shift; fi

load_venv grpcio==1.85.4

exec "$venv/bin/python" .ci/grpc-load.py "$binary" "$@"
