#!/usr/bin/env bash
# Peak RSS (VmHWM) of the real `govtop --headless` while the issue-9 amplification bodies are
# posted: 64 MiB of empty ResourceSpans as protobuf (0a 00 repeated) and as JSON ({},{},…),
# plain and gzip, one and four at once, each against a fresh process with the default limits.
# Prints a table; it is a measurement, not a test.
# Usage: .ci/amplification-rss.sh [PATH/TO/govtop]   (default: the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-$(swift build -c release --show-bin-path)/govtop}
[ -x "$binary" ] || { echo "amplification-rss: no govtop binary at $binary (swift build -c release --product govtop)"; exit 1; }
exec python3 .ci/amplification-rss.py "$binary"
