#!/usr/bin/env bash
# Regenerates Sources/GovTopCore/Pricing/pricing.json from the pinned genai-prices package and
# govtop's additions (Sources/GovTopCore/Pricing/pricing-additions.json). Needs python3 with venv;
# a venv given as $1 is reused (CI passes its own), else a temporary one is made. Run from the
# repository root; CI then checks `git diff --exit-code` on the file.
set -euo pipefail
version=0.2.3
if [ -n "${1:-}" ]; then
  venv=$1
else
  venv=$(mktemp -d)/venv
  trap 'rm -rf "$(dirname "$venv")"' EXIT
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check "genai-prices==$version"
"$venv/bin/python" .ci/regenerate-pricing.py "$version"
