#!/usr/bin/env bash
# xspy side by side with its peers, runs taken in turn on the same machine (issue 13):
#   otel-tui (Go, github.com/ymtdzzz/otel-tui): first frame in a 120x36 tmux pane, OTLP/HTTP ingest, opening a
#   10,000-node trace and moving one row inside it;
#   the AWS X-Ray daemon (Go, github.com/aws/aws-xray-daemon): segments lost at 10,000/s over UDP, and RSS.
# Prints result<TAB>KEY<TAB>VALUE<TAB>UNIT lines (bench/run.sh stores them), or unavailable<TAB>WHY when a
# peer cannot be built. The peers are built once into PEERS (default ~/.cache/xspy-peers), never committed:
# sources cloned from GitHub (or already there), `go build` (Go >= 1.25 on PATH or in /usr/local/go/bin).
# Usage (repository root, after make build and the bench jar): bench/peers.sh [ROUNDS]   (default 5; needs tmux)
# WHICH='otel-tui daemon' (the default) selects the peers.
set -uo pipefail
rounds=${1:-5}
peers=${PEERS:-$HOME/.cache/xspy-peers}
jar=app/target/xspy.jar
bj=bench/target/benchmarks.jar
xspy=app/target/xspy; [ -x "$xspy" ] || xspy="java -jar $jar"
export PATH="$PATH:/usr/local/go/bin" GOTOOLCHAIN=local
mkdir -p "$peers"
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; tmux kill-session -t xspy-peer 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# build NAME REPO PACKAGE [go build flags…]: the binary $peers/NAME, or a reason on stdout and status 1
build() {
  local name=$1 repo=$2 pkg=$3; shift 3
  [ -x "$peers/$name" ] && return 0
  local src="$peers/${repo//\//+}"
  [ -d "$src" ] || git clone -q --depth 1 "https://github.com/$repo" "$src" >"$peers/$name.log" 2>&1 \
    || { echo "cannot clone github.com/$repo"; return 1; }
  # otel-tui pins its own tuiexporter module at a pseudo-version the proxy may not serve: use the copy in the repo
  [ -d "$src/tuiexporter" ] && (cd "$src" && GOWORK=off go mod edit -replace "github.com/$repo/tuiexporter=./tuiexporter")
  (cd "$src" && GOWORK=off go build -o "$peers/$name" "$@" "$pkg") >"$peers/$name.log" 2>&1 \
    || { echo "$name did not build: $(grep -v '^go: downloading' "$peers/$name.log" | tail -1)"; return 1; }
}

now() { date +%s%N; }
# ms from launching a command in a tmux pane until MARKER shows
frame() {
  local marker=$1; shift
  local t0 t="" pid
  t0=$(now)
  pid=$(pane "$@")
  for _ in $(seq 1 2000); do
    if tmux capture-pane -p -t xspy-peer 2>/dev/null | grep -qF "$marker"; then t=$(( ($(now) - t0) / 1000000 )); break; fi
    sleep 0.005
  done
  stop "$pid"
  echo "${t:-99999}"
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
# runs a command in a 120x36 tmux pane, as the pane's own process; prints its pid
pane() { tmux new-session -d -s xspy-peer -x 120 -y 36 "exec env LANG=C.UTF-8 $*"; tmux display-message -p -t xspy-peer '#{pane_pid}'; }
# ends a process this script started (TERM, KILL after 5 s) and its pane, and waits until it is gone (its ports free)
stop() {
  kill "$1" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$1" 2>/dev/null; tmux kill-session -t xspy-peer 2>/dev/null; true
}
# waits (up to 60 s) until TEXT shows in the pane; 1 if it never does
shows() {
  local _
  for _ in $(seq 1 12000); do tmux capture-pane -p -t xspy-peer 2>/dev/null | grep -qF "$1" && return 0; sleep 0.005; done
  return 1
}
# ms from sending KEYS to the pane until TEXT shows
keyed() {
  local text=$1 t0; shift
  t0=$(now); tmux send-keys -t xspy-peer "$@"
  if shows "$text"; then echo $(( ($(now) - t0) / 1000000 )); else echo 99999; fi
}
# bigtrace WHO COMMAND PORT: sends the big trace to a TUI started in a pane, brings its trace list up
# (untimed), then prints the ms to open the trace (Enter) and to move one row down in it
bigtrace() {
  local who=$1 cmd=$2 port=$3 pid open move
  pid=$(pane "$cmd")
  until (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; do sleep 0.1; done
  curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary @"$work/big.otlp.json" "http://127.0.0.1:$port/v1/traces"
  if [ "$who" = xspy ]; then
    # the services list reloads with r; :service opens the list of checkout-api's traces
    until tmux capture-pane -p -t xspy-peer | grep -qF checkout-api; do tmux send-keys -t xspy-peer r; sleep 0.2; done
    tmux send-keys -t xspy-peer : && tmux send-keys -t xspy-peer -l 'service checkout-api' && tmux send-keys -t xspy-peer Enter
    shows 1-6553f100-00000000000000000000002a >/dev/null
    open=$(keyed 'timeline 1-6553f100' Enter)
    move=$(keyed 'id         5eed000000000002' j)
  else
    shows checkout-api
    open=$(keyed 'Trace Timeline' Enter)
    move=$(keyed 'span id: 5eed000000000002' Down)
  fi
  stop "$pid"
  echo "$open $move"
}
# the measure class's result lines, keys prefixed
prefixed() { sed -n "s/^result\t\([^\t]*\)/result\t$1.\1/p"; }
# a measure's output on stderr for the log, its result lines on stdout for the caller to rename
shown() { tee >(grep -v '^result' >&2); }


missing=()
which=" ${WHICH:-otel-tui daemon} "
# ---- otel-tui: first frame and OTLP ingest
if [[ "$which" != *" otel-tui "* ]]; then :
elif why=$(build otel-tui ymtdzzz/otel-tui .); then
  x=""; o=""
  for _ in $(seq 1 "$rounds"); do
    x="$x $(frame xspy "$xspy --listen 127.0.0.1:0")"
    o="$o $(frame 'Traces (t)' "$peers/otel-tui --http 14318 --grpc 14317 --disable-internal-metrics")"
  done
  echo "first frame (ms): xspy --listen$x; otel-tui$o" >&2
  printf 'result\txspy.firstFrame\t%s\tms\nresult\toteltui.firstFrame\t%s\tms\n' "$(echo "$x" | median)" "$(echo "$o" | median)"
  # OTLP/HTTP: the same senders and requests into xspy's receiver (in process) and into otel-tui (in a pane)
  java -Xmx1g -cp "$bj" io.xspy.bench.OtlpIngestMeasure 10 2 20000 | shown \
    | sed -n 's/^result\tspansPerSecond/result\txspy.otlpSpansPerSecond/p'
  oteltui=$(pane "$peers/otel-tui --http 14318 --grpc 14317 --disable-internal-metrics")
  until (exec 3<>/dev/tcp/127.0.0.1/14318) 2>/dev/null; do sleep 0.1; done
  java -cp "$bj" io.xspy.bench.OtlpIngestMeasure 10 2 20000 http://127.0.0.1:14318/v1/traces | shown \
    | sed -n 's/^result\tpeer.spansPerSecond/result\toteltui.otlpSpansPerSecond/p'
  stop "$oteltui"
  # a 10,000-node trace (GenerateBigTrace, sent as OTLP JSON: 9,928 spans): Enter on it in the list until its
  # timeline shows, then one row down until the detail shows the second span; the same keys in both TUIs
  java -cp "$bj" io.xspy.bench.GenerateBigTrace "$work/big.json" 10000 >/dev/null
  $xspy --file "$work/big.json" export --format otlp -o "$work/big.otlp.json" >/dev/null 2>&1
  xo=""; xm=""; oo=""; om=""
  for _ in $(seq 1 "$rounds"); do
    read -r open move < <(bigtrace xspy "$xspy --otlp 127.0.0.1:14418 --since 1200d" 14418)
    xo="$xo $open"; xm="$xm $move"
    read -r open move < <(bigtrace otel-tui "$peers/otel-tui --http 14318 --grpc 14317 --disable-internal-metrics" 14318)
    oo="$oo $open"; om="$om $move"
  done
  echo "10,000-node trace, open (ms): xspy$xo; otel-tui$oo; one row down: xspy$xm; otel-tui$om" >&2
  printf 'result\txspy.openBigTrace\t%s\tms\nresult\toteltui.openBigTrace\t%s\tms\n' "$(echo "$xo" | median)" "$(echo "$oo" | median)"
  printf 'result\txspy.moveInBigTrace\t%s\tms\nresult\toteltui.moveInBigTrace\t%s\tms\n' "$(echo "$xm" | median)" "$(echo "$om" | median)"
else
  missing+=("$why")
fi

# ---- the X-Ray daemon: 100,000 segments at 10,000/s over UDP, uploaded to `xspy serve` as its X-Ray API
if [[ "$which" != *" daemon "* ]]; then :
elif why=$(build xray-daemon aws/aws-xray-daemon ./cmd/tracing); then
  # xspy's receiver and store in process, on the launcher's JVM options for a receiver (app/src/main/sh/xspy)
  java -XX:+UseParallelGC -XX:MaxNewSize=128m -XX:MaxTenuringThreshold=0 -XX:-UsePerfData -cp "$bj" io.xspy.bench.UdpPaceMeasure 10000 10 | shown | prefixed xspy | sed 's/\.lost\t/.udp10kLost\t/; s/\.rss\t/.udp10kRss\t/'
  java -jar "$jar" --demo serve --port 14319 >/dev/null 2>&1 & pids+=($!)
  until (exec 3<>/dev/tcp/127.0.0.1/14319) 2>/dev/null; do sleep 0.1; done
  cat > "$work/daemon.yaml" <<YAML
Version: 2
Endpoint: "http://127.0.0.1:14319"
Region: "us-east-1"
LocalMode: true
Socket:
  UDPAddress: "127.0.0.1:14320"
  TCPAddress: "127.0.0.1:14321"
Logging:
  LogLevel: "info"
YAML
  AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=dummy "$peers/xray-daemon" -c "$work/daemon.yaml" >"$work/daemon.log" 2>&1 &
  daemon=$!; pids+=($daemon)
  until grep -q 'Starting proxy http server\|segment buffers allocated' "$work/daemon.log" 2>/dev/null; do sleep 0.1; done; sleep 1
  java -cp "$bj" io.xspy.bench.UdpPaceMeasure 10000 10 127.0.0.1:14320 >/dev/null
  # its last batches: until the log stops growing for 3 s
  size=-1; while [ "$size" != "$(wc -c < "$work/daemon.log")" ]; do size=$(wc -c < "$work/daemon.log"); sleep 3; done
  cp "$work/daemon.log" "$peers/xray-daemon-last.log"
  rss=$(awk '/VmHWM/ {print $2 / 1024}' "/proc/$daemon/status")
  delivered=$(sed -n 's/.*Successfully sent batch of \([0-9]*\) segments.*/\1/p' "$work/daemon.log" | awk '{s += $1} END {print s + 0}')
  spilled=$(sed -n 's/.*Spilling over \([0-9]*\) segments.*/\1/p' "$work/daemon.log" | awk '{s += $1} END {print s + 0}')
  echo "daemon: delivered $delivered of 100000, spilled (dropped from its full send queue) $spilled, $(grep -ci 'drop' "$work/daemon.log") drop warnings (log: $peers/xray-daemon-last.log), peak RSS $rss MB" >&2
  printf 'result\tdaemon.udp10kLost\t%s\tsegments\nresult\tdaemon.udp10kRss\t%s\tMB\n' "$((100000 - delivered))" "$rss"
else
  missing+=("$why")
fi
if [ ${#missing[@]} -gt 0 ]; then printf 'unavailable\t%s\n' "$(IFS=';'; echo "${missing[*]}")"; fi
