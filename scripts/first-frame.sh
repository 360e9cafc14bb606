#!/usr/bin/env bash
# Time from launching `xspy --demo` in tmux to its first frame and to the filled services table.
# Usage: scripts/first-frame.sh [path/to/xspy.jar]   (needs tmux; run from the repository root)
jar=${1:-app/target/xspy.jar}
tmux kill-session -t ff 2>/dev/null
start=$(date +%s%N)
tmux new-session -d -s ff -x 120 -y 36 "LANG=C.UTF-8 java -jar $jar --demo"
first=""; filled=""
for i in $(seq 1 1000); do
  pane=$(tmux capture-pane -p -t ff)
  now=$(date +%s%N)
  if [ -z "$first" ] && grep -q "xspy" <<<"$pane"; then first=$(( (now-start)/1000000 )); fi
  if grep -q "AWS::SNS::Topic" <<<"$pane"; then filled=$(( (now-start)/1000000 )); break; fi
  sleep 0.01
done
tmux send-keys -t ff q; sleep 0.3; tmux kill-session -t ff 2>/dev/null
echo "first frame ${first} ms, services shown ${filled} ms"
# for bench/run.sh (bench/results/)
if [ -n "$first" ]; then printf 'result\tfirstFrame\t%s\tms\n' "$first"; else printf 'unavailable\tno frame within 10 s\n'; fi
if [ -n "$filled" ]; then printf 'result\tservicesShown\t%s\tms\n' "$filled"; fi
