#!/usr/bin/env bash
# How long `make local` takes on a fresh clone until xspy's TUI shows the three real functions.
#   scripts/local/time-to-traces.sh [REPOSITORY [COMMIT [TRACING]]]   (default: this repository, its HEAD, xray)
# Clones into a temporary folder, runs `make local` there in a tmux pane and watches the screen until the
# Services list holds an AWS::Lambda::Function row for each of xraystarter-ts, -py and -go; then presses q.
# Prints the seconds to that screen, and when each thing make local built was finished (from the files'
# times), and the load average before and after. Download caches (~/.m2, npm's, Go's) are used as they are:
# the clone is fresh, the caches are whatever this machine has. Needs git, tmux and what make local needs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
repo=${1:-$(git -C "$here" rev-parse --show-toplevel)}
commit=$(git -C "$repo" rev-parse "${2:-HEAD}")
tracing=${3:-xray}
dir=$(mktemp -d /tmp/xspy-local-clone.XXXXXX)
session=xspy-time-to-traces-$$
git clone -q --no-checkout "$repo" "$dir/xspy"
cd "$dir/xspy"
git checkout -q "$commit"
echo "clone of $repo at $(git rev-parse --short HEAD) in $dir/xspy; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

start=$(date +%s.%N)
tmux new-session -d -s "$session" -x 200 -y 50 -c "$dir/xspy" \
  "PATH='$PATH' make local N=1000 INTERVAL=2 TRACING=$tracing 2>&1 | tee $dir/make.log; touch $dir/ended; sleep 600"
seen= driver= opening=
deadline=$(( $(date +%s) + 900 ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  now=$(date +%s.%N)
  if [ -z "$driver" ] && grep -q "^make local: starting" "$dir/make.log" 2>/dev/null; then driver=$now; fi
  if [ -z "$opening" ] && grep -q "^make local: opening xspy" "$dir/make.log" 2>/dev/null; then opening=$now; fi
  screen=$(tmux capture-pane -p -t "$session" 2>/dev/null || true)
  n=0
  for fn in xraystarter-ts xraystarter-py xraystarter-go; do
    if grep -Eq "$fn +AWS::Lambda::Function " <<<"$screen"; then n=$((n + 1)); fi
  done
  if [ "$n" = 3 ]; then seen=$now; break; fi
  sleep 0.2
done
tmux send-keys -t "$session" q
# the driver stops everything it started once the TUI ends; then the pane's sleep goes with the session
for _ in $(seq 600); do [ -e "$dir/ended" ] && break; sleep 0.2; done
tmux kill-session -t "$session" 2>/dev/null || true

since() { python3 -c "import os,sys; print(f'{os.path.getmtime(sys.argv[1]) - float(sys.argv[2]):6.1f} s  {sys.argv[1]}')" "$1" "$start" 2>/dev/null || echo "     -    $1 (not made)"; }
echo "finished, seconds after make local started:"
since app/target/xspy-0.1.0.jar
since app/target/xspy.jar
since app/target/xspy.jsa
since .tools/venv/.installed
since target/local/venv/.installed
since lambdas/ts/node_modules/.package-lock.json
since lambdas/ts/dist/index.js
since lambdas/py/dist
since target/local/go/bootstrap
[ "$tracing" = otel ] && since lambdas/py/.venv/bin/opentelemetry-instrument
at() { [ -n "$2" ] && python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):6.1f} s  {sys.argv[3]}')" "$start" "$2" "$1"; }
at "the driver starts (make local: starting …)" "$driver"
at "the first round is in xspy, the TUI starts (make local: opening xspy …)" "$opening"
if [ -n "$seen" ]; then
  at "the TUI shows the three functions" "$seen"
else
  echo "the TUI did not show the three functions within 900 s; see $dir/make.log"
  exit 1
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$dir"
