#!/usr/bin/env bash
# Builds the libFuzzer targets (Sources/Fuzz, one per decoder of hostile input) and runs each for a
# fixed time on a copy of its seed corpus (Tests/FuzzCorpus/<target>; the committed corpus is never
# written to). Exits non-zero when a target crashes, breaks an invariant, leaks, times out or runs
# out of memory; the input that did it is kept under .build-fuzz/findings/<target>/.
#
#   .ci/fuzz.sh [seconds-per-target] [target...]     targets: otlp-protobuf otlp-json inflate http-request
#   .ci/fuzz.sh --build-only [target...]              builds them and stops (CI builds while other work waits)
#
# Extra libFuzzer flags can be given in FUZZ_FLAGS (e.g. FUZZ_FLAGS=-jobs=2).
set -euo pipefail
cd "$(dirname "$0")/.."

build_only=false
if [ "${1:-}" = --build-only ]; then build_only=true; shift; set -- 0 "$@"; fi
seconds="${1:-20}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(otlp-protobuf otlp-json inflate http-request)

# The largest input each target tries: a few kilobytes reach every message and header shape, and
# keep executions fast. Bodies larger than this are the benchmarks' and the receiver tests' job.
max_len() {
  case "$1" in
    http-request) echo 8192 ;;
    *) echo 16384 ;;
  esac
}

export GOVTOP_FUZZ=1
# Swift's own crash reporter would hold the pipe for a while after every crash: libFuzzer reports.
export SWIFT_BACKTRACE=enable=no
build=(swift build -c release --scratch-path .build-fuzz
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing)
for target in "${targets[@]}"; do
  echo "== build fuzz-$target"
  "${build[@]}" --product "fuzz-$target" 2>&1 | tail -n 2
done
bin="$("${build[@]}" --show-bin-path)"
if $build_only; then exit 0; fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=()
for target in "${targets[@]}"; do
  corpus="$work/$target/corpus"
  findings="$work/$target/findings"
  mkdir -p "$corpus" "$findings"
  cp Tests/FuzzCorpus/"$target"/* "$corpus"/
  echo "== fuzz-$target for ${seconds}s"
  # shellcheck disable=SC2086  # FUZZ_FLAGS is a list of flags
  if "$bin/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -max_len="$(max_len "$target")" -print_final_stats=1 -artifact_prefix="$findings/" \
       ${FUZZ_FLAGS:-} "$corpus" >"$work/$target.log" 2>&1; then
    grep -E '^#[0-9]+[[:space:]]+DONE|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' \
      "$work/$target.log" || true
    echo "   corpus: $(ls "$corpus" | wc -l) inputs"
  else
    failed+=("$target")
    # What broke, where, and the first frames of the stack.
    grep -E 'Fatal error|^==[0-9]+==ERROR|^SUMMARY|Test unit written|^ +#([0-9]|1[0-5]) ' "$work/$target.log" | head -n 30
    mkdir -p .build-fuzz/findings/"$target"
    cp "$findings"/* .build-fuzz/findings/"$target"/ 2>/dev/null || true
    echo "   fuzz-$target FAILED; input kept in .build-fuzz/findings/$target/"
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}"
  exit 1
fi
echo "fuzzing: no findings in ${targets[*]} (${seconds}s each)"
