#!/usr/bin/env bash
# Regenerates Sources/OTLPProto/Generated from the OTLP schema shipped in the opentelemetry-proto
# Python package (descriptors, not .proto sources) with Debian's protoc and swift-protobuf's plugin.
# Needs: protobuf-compiler (apt), python3 with venv. Run from the repository root.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q opentelemetry-proto==1.45.2
"$work/venv/bin/python" .ci/otlp_descriptors.py "$work/otlp.pb" > "$work/files.txt"
swift build -c release --product protoc-gen-swift --package-path .build/checkouts/swift-protobuf \
  --scratch-path "$work/pgs" >/dev/null
out=Sources/OTLPProto/Generated
rm -rf "$out" && mkdir -p "$out"
protoc --plugin=protoc-gen-swift="$work/pgs/release/protoc-gen-swift" \
  --descriptor_set_in="$work/otlp.pb" \
  --swift_opt=Visibility=Public --swift_opt=FileNaming=PathToUnderscores \
  --swift_out="$out" $(cat "$work/files.txt")
echo "regenerated: $(ls "$out" | wc -l) files in $out"
