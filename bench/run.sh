#!/usr/bin/env bash
# Runs the benchmarks of bench/runs.tsv (all, or those whose id matches ONLY), stores each run's result
# in bench/results/ID.json (with the machine, the date, the condition and the load average before and
# after), then rewrites the README's performance table from bench/results/ and bench/rows.tsv.
# Usage, from the repository root after building bench/target/benchmarks.jar (make bench does both):
#   bench/run.sh                 every run
#   ONLY='^(udp|tuiframe)' bench/run.sh   only runs whose id matches; the other stored results are kept
#   BUSY=1 ONLY=udp bench/run.sh          with two `sha256sum /dev/zero` burners beside each run
#   TABLE_ONLY=1 bench/run.sh             only rewrite the table
# A run whose condition in runs.tsv is "busy" always gets the burners.
set -uo pipefail
cd "$(dirname "$0")/.."
jar=bench/target/benchmarks.jar
results=bench/results
only=${ONLY:-}
[ -f "$jar" ] || { echo "bench/run.sh: $jar is missing: mvn -B -q -pl bench -am package -DskipTests" >&2; exit 1; }

# the commands runs.tsv uses; $jmh_out is where JMH writes its JSON
jmh() { java -Djmh.ignoreLock=true -jar "$jar" "$@" -rf json -rff "$jmh_out"; }
measure() { local class=$1; shift; java -cp "$jar" "io.xspy.bench.$class" "$@"; }

burners=()
start_burners() { for _ in 1 2; do sha256sum /dev/zero >/dev/null & burners+=($!); done; sleep 5; }
stop_burners() { for p in "${burners[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; burners=(); }
trap 'stop_burners' EXIT
load() { cut -d' ' -f1 /proc/loadavg; }

mkdir -p "$results"
work=$(mktemp -d)
failed=()
if [ -z "${TABLE_ONLY:-}" ]; then
  while IFS=$'\t' read -r id condition command; do
    [[ -z "$id" || "$id" == \#* ]] && continue
    [[ -n "$only" && ! "$id" =~ $only ]] && continue
    [ "${BUSY:-0}" = 1 ] && condition=busy
    echo "== bench: $id ($condition): $command" >&2
    [ "$condition" = busy ] && start_burners
    jmh_out="$work/$id.jmh.json"; rm -f "$jmh_out"
    before=$(load)
    (eval "$command") 2>&1 </dev/null | tee "$work/$id.log" >&2
    code=${PIPESTATUS[0]}
    after=$(load)
    stop_burners
    java -cp "$jar" io.xspy.bench.report.Record "$id" "$condition" "$before" "$after" "$code" "$command" \
      "$jmh_out" "$work/$id.log" "$results/$id.json" || failed+=("$id")
    [ "$code" = 0 ] || failed+=("$id")
  done < bench/runs.tsv
fi
rm -rf "$work"
java -cp "$jar" io.xspy.bench.report.Table README.md bench/rows.tsv "$results"
if [ ${#failed[@]} -gt 0 ]; then echo "bench: failed runs: ${failed[*]} (their rows say why)" >&2; exit 1; fi
