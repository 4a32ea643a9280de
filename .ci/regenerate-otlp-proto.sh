#!/usr/bin/env bash
# Regenerates Sources/OTLPProto/Generated from the OTLP schema shipped in the opentelemetry-proto
# Python package (descriptors, not .proto sources) with Debian's protoc and swift-protobuf's plugin.
# Needs: protobuf-compiler (apt), python3 with venv. Run from the repository root:
#   .ci/regenerate-otlp-proto.sh [virtualenv]
# A virtualenv given (CI passes its own) gets opentelemetry-proto if it lacks it; else a throwaway one.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
venv="${1:-}"
if [ -z "$venv" ]; then venv="$work/venv"; python3 -m venv "$venv"; fi
"$venv/bin/pip" install -q --disable-pip-version-check opentelemetry-proto==1.45.2
"$venv/bin/python" .ci/otlp_descriptors.py "$work/otlp.pb" > "$work/files.txt"
# swift-protobuf's plugin, built in this package's debug build directory: it reuses the
# SwiftProtobuf module the tests built (25 s instead of a minute for a release build of its own).
swift build --product protoc-gen-swift >/dev/null
plugin="$(swift build --show-bin-path)/protoc-gen-swift"
out=Sources/OTLPProto/Generated
rm -rf "$out" && mkdir -p "$out"
protoc --plugin=protoc-gen-swift="$plugin" \
  --descriptor_set_in="$work/otlp.pb" \
  --swift_opt=Visibility=Public --swift_opt=FileNaming=PathToUnderscores \
  --swift_out="$out" $(cat "$work/files.txt")
echo "regenerated: $(ls "$out" | wc -l) files in $out"
