# Sourced by the load scripts (.ci/ingest-load.sh, ledger-load.sh, grpc-load.sh): what each needs
# before its Python driver runs.

# Sets `binary` to the govtop given as the first argument (a path, not an option) and succeeds, or
# builds this checkout's release govtop, sets `binary` to it and fails (nothing to shift).
govtop_binary() {
  if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
    binary=$1
    return 0
  fi
  if ! swift build -c release --product govtop 2>&1 | tail -n 2; then
    echo "the release build of govtop failed" >&2
    exit 1
  fi
  binary="$(swift build -c release --show-bin-path)/govtop"
  return 1
}

# Installs Debian's wrk when it is missing.
need_wrk() {
  command -v wrk >/dev/null && return 0
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
}

# Prepares .build/load-venv with protobuf (upb), opentelemetry-proto and any further pip packages
# given; sets `venv`.
load_venv() {
  venv=.build/load-venv
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check protobuf==7.36.2 opentelemetry-proto==1.45.2 "$@"
}
