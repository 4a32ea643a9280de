#!/usr/bin/env bash
# Builds the libFuzzer targets (Sources/Fuzz, one per decoder of hostile input) and runs each for a
# fixed time on a copy of its seed corpus (Tests/FuzzCorpus/<target>; the committed corpus is never
# written to). Exits non-zero when a target crashes, breaks an invariant, leaks, times out or runs
# out of memory; the input that did it is kept under .build-fuzz/findings/<target>/.
#
#   .ci/fuzz.sh [seconds-per-target] [target...]     targets: otlp-protobuf otlp-json inflate http-request
#   .ci/fuzz.sh --build-only [target...]              builds them and stops (CI builds while other work waits)
#   .ci/fuzz.sh --no-build [seconds] [target...]      runs what --build-only built
#
# The targets run side by side, as many at once as there are cores (FUZZ_JOBS to change it); each
# one's report is printed when all are done. Extra libFuzzer flags can be given in FUZZ_FLAGS.
# FUZZ_CONFIG=debug builds them unoptimized: about half the build time (209 s against 388 s on 2
# cores) for a quarter to four fifths of the executions per second, with Swift's assertions on. CI's
# short run uses it; the default, release, is for long runs.
set -euo pipefail
cd "$(dirname "$0")/.."

build_only=false
build=true
if [ "${1:-}" = --build-only ]; then build_only=true; shift; set -- 0 "$@"; fi
if [ "${1:-}" = --no-build ]; then build=false; shift; fi
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

config="${FUZZ_CONFIG:-release}"
case "$config" in
  debug|release) ;;
  *) echo "FUZZ_CONFIG must be debug or release, not '$config'" >&2; exit 2 ;;
esac

export GOVTOP_FUZZ=1
# Swift's own crash reporter would hold the pipe for a while after every crash: libFuzzer reports.
export SWIFT_BACKTRACE=enable=no
build_command=(swift build -c "$config" --scratch-path .build-fuzz
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing)
if $build; then
  for target in "${targets[@]}"; do
    echo "== build fuzz-$target"
    "${build_command[@]}" --product "fuzz-$target" 2>&1 | tail -n 2
  done
fi
if $build_only; then exit 0; fi
bin=.build-fuzz/$config

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Runs one target on a copy of its corpus; leaves 0 (clean) or 1 in $work/<target>.status (a target
# that cannot even start, e.g. an unknown name or a binary never built, leaves 1 too).
run_one() {
  local target=$1
  mkdir -p "$work/$target/corpus" "$work/$target/findings"
  cp Tests/FuzzCorpus/"$target"/* "$work/$target/corpus"/
  # shellcheck disable=SC2086  # FUZZ_FLAGS is a list of flags
  if "$bin/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -max_len="$(max_len "$target")" -print_final_stats=1 -artifact_prefix="$work/$target/findings/" \
       ${FUZZ_FLAGS:-} "$work/$target/corpus" >"$work/$target.log" 2>&1; then
    echo 0 >"$work/$target.status"
  else
    echo 1 >"$work/$target.status"
  fi
}

at_once="${FUZZ_JOBS:-$(nproc)}"
running=0
for target in "${targets[@]}"; do
  echo "== fuzz-$target for ${seconds}s"
  (run_one "$target" || echo 1 >"$work/$target.status") &
  running=$((running + 1))
  if [ "$running" -ge "$at_once" ]; then wait -n || true; running=$((running - 1)); fi
done
wait

failed=()
for target in "${targets[@]}"; do
  echo "== fuzz-$target"
  if [ "$(cat "$work/$target.status" 2>/dev/null)" = 0 ]; then
    grep -E '^#[0-9]+[[:space:]]+DONE|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' \
      "$work/$target.log" || true
    echo "   corpus: $(ls "$work/$target/corpus" | wc -l) inputs"
  else
    failed+=("$target")
    # What broke, where, and the first frames of the stack; else the log's last lines (it failed
    # another way), or that there is no log (it did not start).
    broke="$(grep -E 'Fatal error|^==[0-9]+==ERROR|^SUMMARY|Test unit written|^ +#([0-9]|1[0-5]) ' \
      "$work/$target.log" 2>/dev/null | head -n 30 || true)"
    if [ -n "$broke" ]; then echo "$broke"
    else tail -n 5 "$work/$target.log" 2>/dev/null || echo "   (no log: the target did not start)"; fi
    mkdir -p .build-fuzz/findings/"$target"
    cp "$work/$target/findings"/* .build-fuzz/findings/"$target"/ 2>/dev/null || true
    echo "   fuzz-$target FAILED; input kept in .build-fuzz/findings/$target/"
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}"
  exit 1
fi
echo "fuzzing: no findings in ${targets[*]} (${seconds}s each)"
