#!/usr/bin/env bash
# Peak RSS of xspy on a 48 MB NDJSON file against the file's size (issue 13: ≤ 4× the file), through the
# launcher app/target/xspy, the way users run it: `xspy --file big.ndjson traces --limit 3` (a one-shot command),
# and the full-screen UI on the same file until the list of a service's traces shows (tmux, 160×48).
# The file: 49,426 small demo-like traces, about 48 MB of NDJSON, made once by the app's test helper
# ManyTraces into ~/.cache/xspy-bench. Usage, from the repository root after `make build`: bench/file-rss.sh
# Extra JVM options for both: XSPY_JAVA_OPTS, as the launcher reads it.
# Prints result lines (bench/run.sh): fileMB; rssMB and seconds of the command; tuiRssMB of the UI.
set -euo pipefail
xspy=app/target/xspy
cache=${XDG_CACHE_HOME:-$HOME/.cache}/xspy-bench
file=$cache/big.ndjson
[ -x "$xspy" ] || { echo "file-rss.sh: $xspy is missing: run make build" >&2; exit 1; }
if [ ! -s "$file" ]; then
  mkdir -p "$cache"
  [ -f app/target/test-classes/io/xspy/source/local/ManyTraces.class ] || mvn -B -q -pl app test-compile
  java -cp app/target/test-classes io.xspy.source.local.ManyTraces "$file.part" 49426 && mv "$file.part" "$file"
fi
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
printf 'result\tfileMB\t%s\tMB\n' "$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')"
/usr/bin/time -f '%M %e' -o "$cache/rss" "$xspy" --file "$file" traces --limit 3 >/dev/null
read -r kb seconds <"$cache/rss"
printf 'result\trssMB\t%s\tMB\n' "$(mb "$kb")"
printf 'result\tseconds\t%s\ts\n' "$seconds"

# the UI: Enter on the first service opens its traces; VmHWM is the process's peak RSS so far
if ! command -v tmux >/dev/null; then printf 'unavailable\ttuiRssMB: no tmux\n'; exit 0; fi
session=xspy-file-rss
tmux kill-session -t "$session" 2>/dev/null || true
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
# the pane runs in the tmux server's environment: extra JVM options are passed on explicitly
tmux new-session -d -s "$session" -x 160 -y 48 "exec env LANG=C.UTF-8 XSPY_JAVA_OPTS=$(printf %q "${XSPY_JAVA_OPTS:-}") $xspy --file $file"
pid=$(tmux display-message -p -t "$session" '#{pane_pid}')
shows() { tmux capture-pane -p -t "$session" | grep -qF "$1"; }
for _ in $(seq 600); do shows 'AWS::DynamoDB::Table' && break; sleep 0.1; done
tmux send-keys -t "$session" Enter
for _ in $(seq 600); do shows 'https://api.example.com/orders/' && break; sleep 0.1; done
if ! shows 'https://api.example.com/orders/'; then printf 'unavailable\ttuiRssMB: the list did not show within 2 minutes\n'; exit 0; fi
printf 'result\ttuiRssMB\t%s\tMB\n' "$(mb "$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")")"
tmux send-keys -t "$session" q q
