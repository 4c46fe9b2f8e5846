#!/bin/sh
# Runs every benchmark of a build and prints its figures: bench/run-all.sh BUILD_DIR
# Build them first: cmake --build BUILD_DIR --target bench_demo bench_insert (and the other bench_* targets).
set -eu

build=${1:?usage: bench/run-all.sh BUILD_DIR}
bench="$build/bench"
if [ ! -d "$bench" ]; then
    echo "run-all.sh: no benchmarks in $bench; configure with -DCLAUSE9_BENCH=ON and build them" >&2
    exit 2
fi

echo "clause9 benchmarks: $(uname -n), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
status=0
found=0
for program in $(find "$bench" -type f -name 'bench_*' -perm -u+x | sort); do
    found=1
    echo
    echo "== $(basename "$program")"
    "$program" || { echo "$(basename "$program") failed" >&2; status=1; }
done
if [ "$found" -eq 0 ]; then
    echo "run-all.sh: no bench_* programs built in $bench" >&2
    exit 2
fi
exit $status
