#!/usr/bin/env bash
# Peak RSS of `xspy --file big.ndjson traces --limit 3` against the file's size (issue 13: ≤ 4× the file).
# The file: 49,426 small demo-like traces, about 48 MB of NDJSON, made once by the app's test helper
# ManyTraces into ~/.cache/xspy-bench. Usage, from the repository root after `make build`: bench/file-rss.sh
# Prints result lines (bench/run.sh): fileMB, and rssMB for the default heap and for -Xmx192m -XX:+UseSerialGC.
set -euo pipefail
jar=app/target/xspy.jar
cache=${XDG_CACHE_HOME:-$HOME/.cache}/xspy-bench
file=$cache/big.ndjson
[ -f "$jar" ] || { echo "file-rss.sh: $jar is missing: run make build" >&2; exit 1; }
if [ ! -s "$file" ]; then
  mkdir -p "$cache"
  [ -f app/target/test-classes/io/xspy/source/local/ManyTraces.class ] || mvn -B -q -pl app test-compile
  java -cp app/target/test-classes io.xspy.source.local.ManyTraces "$file.part" 49426 && mv "$file.part" "$file"
fi
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
printf 'result\tfileMB\t%s\tMB\n' "$(mb "$(stat -c %s "$file")")"
peak() { /usr/bin/time -f '%M' -o "$cache/rss" java "$@" -jar "$jar" --file "$file" traces --limit 3 >/dev/null; echo $(( $(cat "$cache/rss") * 1024 )); }
printf 'result\trssMB\t%s\tMB\n' "$(mb "$(peak -XX:+UseSerialGC)")"
printf 'result\trssMBSmallHeap\t%s\tMB\n' "$(mb "$(peak -Xmx192m -XX:+UseSerialGC)")"
