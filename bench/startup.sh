#!/usr/bin/env bash
# Start-up of xspy side by side with a Java hello world, runs taken in turn, medians in ms.
# Usage (from the repository root, after `make build`): bench/startup.sh [ROUNDS]   (default 10; needs tmux)
# Rows: hello (Java hello world, the launcher's JVM options), --version through app/target/xspy, through
# plain `java -jar`, with a dynamic AppCDS archive instead of the static one and with -XX:-UsePerfData (now one of the
# launcher's options: the same as --version), `--file big.json trace ID`
# (10,000 nodes, bench's GenerateBigTrace) and the first frame of `--demo` (tmux, until "xspy" shows) through
# the launcher and through plain `java -jar`; hello-tmux is the hello world timed as the first frame is (until
# "hello" shows in a tmux pane), so the first frame's ratio can also be taken with tmux's own start-up on both sides.
# With JLINK=1 also --version on a jlinked runtime (modules from jdeps, its own CDS archive).
# With BASE=DIR also the first frame through DIR/xspy, an older build to compare with in the same run (make it with
# `git worktree add`, a build there, then `app/src/main/sh/xspy-archive DIR` after copying its app/target/xspy.jar to DIR).
set -euo pipefail
rounds=${1:-10}
jar=app/target/xspy.jar
launcher=app/target/xspy
# the launcher's options (app/src/main/sh/xspy) without its archive: the hello world starts as xspy does
opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MaxNewSize=64m -XX:-UsePerfData -Xshare:auto -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -XX:-BytecodeVerificationRemote"
[ -x "$launcher" ] || { echo "startup.sh: $launcher is missing: run make build" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"; tmux kill-session -t xspy-startup 2>/dev/null || true' EXIT

printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/Hello.java"
javac -d "$work" "$work/Hello.java"
[ -f bench/target/benchmarks.jar ] || mvn -B -q -pl bench -am package -DskipTests
id=$(java -cp bench/target/benchmarks.jar io.xspy.bench.GenerateBigTrace "$work/big.json" 10000)
java $opts -XX:ArchiveClassesAtExit="$work/dynamic.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Djava.awt.headless=true -cp "$jar" io.xspy.cli.Training >/dev/null
if [ "${JLINK:-0}" = 1 ]; then
  modules=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")
  jlink --add-modules "$modules,jdk.crypto.ec,jdk.charsets" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive --output "$work/runtime"
fi

now() { date +%s%N; }
# one timed run of a command: its wall time in ms
timed() { local t0; t0=$(now); "$@" >/dev/null 2>&1 </dev/null; echo $(( ($(now) - t0) / 1000000 )); }
# time to the first frame of a TUI command in a 120x36 tmux pane (until $shows, default "xspy", is on it)
frame() {
  local t0 t; tmux kill-session -t xspy-startup 2>/dev/null || true
  t0=$(now)
  tmux new-session -d -s xspy-startup -x 120 -y 36 "LANG=C.UTF-8 $*"
  for _ in $(seq 1 3000); do
    if tmux capture-pane -p -t xspy-startup 2>/dev/null | grep -q "${shows:-xspy}"; then t=$(( ($(now) - t0) / 1000000 )); break; fi
    sleep 0.005
  done
  tmux kill-session -t xspy-startup 2>/dev/null || true
  echo "${t:-99999}"
}

declare -A runs
cases=(hello hello-tmux version version-java-jar version-dynamic-cds version-no-perfdata trace10k first-frame first-frame-java-jar)
[ "${JLINK:-0}" = 1 ] && cases+=(version-jlink)
[ -n "${BASE:-}" ] && cases+=(first-frame-base)
for r in $(seq 1 "$rounds"); do
  for c in "${cases[@]}"; do
    case $c in
      hello) ms=$(timed java $opts -cp "$work" Hello) ;;
      hello-tmux) ms=$(shows=hello frame "java $opts -cp $work Hello; sleep 10") ;;
      version) ms=$(timed "$launcher" --version) ;;
      version-java-jar) ms=$(timed java -jar "$jar" --version) ;;
      version-dynamic-cds) ms=$(timed java $opts -XX:SharedArchiveFile="$work/dynamic.jsa" -jar "$jar" --version) ;;
      version-no-perfdata) ms=$(XSPY_JAVA_OPTS=-XX:-UsePerfData timed "$launcher" --version) ;;
      version-jlink) ms=$(timed "$work/runtime/bin/java" $opts -jar "$jar" --version) ;;
      trace10k) ms=$(timed "$launcher" --file "$work/big.json" trace "$id" --width 120) ;;
      first-frame) ms=$(frame "$launcher" --demo) ;;
      first-frame-java-jar) ms=$(frame java -jar "$jar" --demo) ;;
      first-frame-base) ms=$(frame "$BASE/xspy" --demo) ;;
    esac
    runs[$c]="${runs[$c]:-} $ms"
  done
  echo "round $r/$rounds done" >&2
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
declare -A med
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $rounds rounds, $(java -version 2>&1 | head -1)"
printf '%-22s %8s   %s\n' case "median" "runs (ms)"
for c in "${cases[@]}"; do
  med[$c]=$(echo "${runs[$c]}" | median)
  printf '%-22s %6s ms  %s\n' "$c" "${med[$c]}" "${runs[$c]}"
  printf 'result\t%s\t%s\tms\n' "$c" "${med[$c]}" # for bench/run.sh
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo "--version / hello:        $(ratio "${med[version]}" "${med[hello]}")x (target <= 2.5)"
echo "trace10k / --version:     $(ratio "${med[trace10k]}" "${med[version]}")x (target <= 2.5)"
echo "first frame / hello:      $(ratio "${med[first-frame]}" "${med[hello]}")x (target <= 2)"
echo "first frame / hello-tmux: $(ratio "${med[first-frame]}" "${med[hello-tmux]}")x (both timed in tmux)"
echo "java -jar / launcher:     $(ratio "${med[version-java-jar]}" "${med[version]}")x (--version), $(ratio "${med[first-frame-java-jar]}" "${med[first-frame]}")x (first frame)"
if [ -n "${BASE:-}" ]; then echo "first frame / base:       $(ratio "${med[first-frame]}" "${med[first-frame-base]}")x ($BASE/xspy)"; fi
