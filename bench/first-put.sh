#!/bin/bash
# How soon serve is ready: starts `xspy --demo serve`, waits until its TCP port accepts a connection,
# then times the first PutTraceSegments (the one the X-Ray daemon sends first) and a second one.
# Usage: bench/first-put.sh [JAR] [PORT]     (build the jar with: mvn -B -q -pl app package -DskipTests)
JAR=${1:-app/target/xspy.jar}; PORT=${2:-47311}
java -jar "$JAR" --demo serve --port "$PORT" 2>/dev/null &
PID=$!
until (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do sleep 0.01; done
DOC='{"TraceSegmentDocuments":["{\"trace_id\":\"1-5f000000-000000000000000000000001\",\"id\":\"a000000000000001\",\"name\":\"x\",\"start_time\":1.5e9,\"end_time\":1500000001}"]}'
first=$(curl -s -o /dev/null -w "%{time_total}" -X POST --data "$DOC" "http://127.0.0.1:$PORT/TraceSegments")
second=$(curl -s -o /dev/null -w "%{time_total}" -X POST --data "$DOC" "http://127.0.0.1:$PORT/TraceSegments")
echo "first PutTraceSegments: $first s"
echo "second PutTraceSegments: $second s"
# for bench/run.sh (bench/results/)
awk -v a="$first" -v b="$second" 'BEGIN {printf "result\tfirstPut\t%.1f\tms\nresult\tsecondPut\t%.1f\tms\n", a * 1000, b * 1000}'
kill $PID; wait $PID 2>/dev/null || true
