#!/usr/bin/env bash
# Chat benchmark: the packaged app against a fake OpenAI-compatible backend on this machine.
#   bench/chat/run.sh            (builds the jar if missing; needs node, psql, a JDK 25)
# Phases: (1) time to first token at 100 concurrent streams, direct to the fake vs through govchat, after a
# warm-up long enough for the JIT to have compiled the request path (WARMUP rounds of 200 answers): first in
# alternating rounds (ROUNDS), then in paired rounds (PAIRED) where PROBES streams straight to the fake run
# between the streams through govchat, at the same moments;
# (2) 2,000 concurrent streams: errors, final status of every answer in PostgreSQL, peak heap;
# (3) paging 50 messages through a 10,000-message conversation.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT=${OUT:-$ROOT/target/bench}
mkdir -p "$OUT"
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=$(ls target/govchat-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -B -q package -DskipTests -Dfrontend.skip=true
  JAR=$(ls target/govchat-*.jar | head -1)
fi
APP_PORT=${APP_PORT:-18090}
PG_PORT=${PG_PORT:-18432}
FAST_PORT=18081
SLOW_PORT=18082
SLOWER_PORT=18083
STREAMS=${STREAMS:-100}
WARMUP=${WARMUP:-40}
ROUNDS=${ROUNDS:-10}
PAIRED=${PAIRED:-20}
PROBES=${PROBES:-25}
HIGH_STREAMS=${HIGH_STREAMS:-2000}
HIGH_DELAY=${HIGH_DELAY:-20}
# ZGC: its pauses stay under a millisecond. With G1's defaults a young collection during a round of 100 streams
# stopped the app for 22-25 ms (it copies what the streams in flight hold), and the streams whose first token
# fell in it made that round's tail (bench/README, run 43). GC_FLAGS=-XX:+UseG1GC measures the old way.
GC_FLAGS=${GC_FLAGS:--XX:+UseZGC}
DATA=$OUT/postgres
rm -rf "$DATA"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

node bench/chat/fake-openai.mjs --port $FAST_PORT --tokens 50 --delay 20 > "$OUT/fake-fast.log" 2>&1 & pids+=($!)
node bench/chat/fake-openai.mjs --port $SLOW_PORT --tokens 50 --delay "$HIGH_DELAY" > "$OUT/fake-high.log" 2>&1 & pids+=($!)
node bench/chat/fake-openai.mjs --port $SLOWER_PORT --tokens 50 --delay 200 > "$OUT/fake-slower.log" 2>&1 & pids+=($!)

start_app() { # $1 = backend port
  "$JAVA" --add-modules jdk.incubator.vector -Xms1g -Xmx1g $GC_FLAGS -Xlog:safepoint=info,gc=info:file="$OUT/gc-$1.log":time,uptime -jar "$JAR" \
    --server.port=$APP_PORT \
    --server.tomcat.max-connections=20000 --server.tomcat.accept-count=2000 \
    --govchat.embedded-postgres.data-directory="$DATA" --govchat.embedded-postgres.port=$PG_PORT \
    --govchat.backends.default.type=openai-compatible \
    --govchat.backends.default.base-url=http://127.0.0.1:$1/v1 \
    --govchat.backends.default.default-model=bench-model \
    --govchat.backends.default.max-concurrent=5000 --govchat.backends.default.max-queue=5000 \
    --govchat.identity.rate-limits.enabled=false --govchat.identity.metrics-token=bench-scrape \
    --logging.level.root=warn > "$OUT/app.log" 2>&1 &
  APP_PID=$!; pids+=($APP_PID)
  for _ in $(seq 1 120); do
    curl -sf http://127.0.0.1:$APP_PORT/actuator/health/readiness > /dev/null && return 0
    sleep 1
  done
  echo "app did not become ready; see $OUT/app.log" >&2; exit 1
}


sql() { psql -h 127.0.0.1 -p $PG_PORT -U postgres -d govchat -At -c "$1"; }

probe_start() { # $1 = label: how late a thread with nothing else to do gets a core, while the rounds run
  node bench/chat/sched-probe.mjs --out "$OUT/sched-$1.json" > /dev/null & PROBE_PID=$!; pids+=($PROBE_PID)
}
probe_stop() { # $1 = label
  kill $PROBE_PID 2>/dev/null || true; wait $PROBE_PID 2>/dev/null || true
  echo "scheduling delay of an idle thread during the $1 rounds (ms): $(cat "$OUT/sched-$1.json")"
}

jit() { # seconds the JIT has spent compiling so far
  "$(dirname "$JAVA")/jstat" -compiler "$APP_PID" | awk 'NR == 2 {print $4}'
}

# Is the machine fit to measure? With nothing of ours running, an idle thread should wake within a few ms; on a
# host shared with busy neighbours it does not, and every latency below shows that too (runs 12 and 14).
echo "== before the phases: how late an idle thread wakes with nothing of the benchmark running (${IDLE_CHECK:-10} s)"
probe_start idle
sleep "${IDLE_CHECK:-10}"
kill $PROBE_PID 2>/dev/null || true; wait $PROBE_PID 2>/dev/null || true
echo "scheduling delay of an idle thread on the idle machine (ms): $(cat "$OUT/sched-idle.json")"
idle_max=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).lateMs.max)' "$OUT/sched-idle.json")
if awk -v m="$idle_max" 'BEGIN {exit !(m > 5)}'; then
  echo "WARNING: an idle thread woke up to $idle_max ms late while nothing of the benchmark ran: the host is busy with"
  echo "         other work, and the latencies below will show it (on a quiet host this stays under 5 ms)"
fi

# How long the disk takes to make a commit durable (fsync is on): a turn's first token waits for one.
echo "disk flush (write + fdatasync of 8 KiB next to PostgreSQL's data, ms): $(node bench/chat/flush-probe.mjs --dir "$OUT" --seconds "${IDLE_CHECK:-10}")"
# How fast a core is now: on this shared VM the same work takes longer at some hours than at others, without it
# showing as stolen time, and every CPU cost below grows with it (printed again after phase 1).
echo "core speed (a fixed sort, ms; lower is faster): $(node bench/chat/cpu-probe.mjs | tee "$OUT/cpu-before.json")"

echo "== phase 1: time to first token, $STREAMS concurrent streams (50 tokens, 20 ms apart)"
start_app $FAST_PORT
# Warm-up: C2 keeps compiling methods of the request path that run once or twice an answer until several
# thousand answers have gone through (a round of 200 answers still cost ~1 s of compiler time after 2,000).
for round in $(seq 1 "$WARMUP"); do
  node bench/chat/load.mjs platform --target http://127.0.0.1:$APP_PORT --streams 200 --ramp 2000 > /dev/null
  if [ $((round % 10)) -eq 0 ]; then echo "warm-up: $((round * 200)) answers, JIT compile time so far $(jit) s"; fi
done
rm -f "$OUT/ttft-direct.txt" "$OUT/ttft-platform.txt"
jit_before=$(jit)
gc_mark=$(wc -l < "$OUT/gc-$FAST_PORT.log")
probe_start alternating
for round in $(seq 1 "$ROUNDS"); do
  node bench/chat/load.mjs direct --target http://127.0.0.1:$FAST_PORT --streams "$STREAMS" \
    --samples "$OUT/ttft-direct.txt" | tee "$OUT/direct-$round.json"
  node bench/chat/load.mjs platform --target http://127.0.0.1:$APP_PORT --streams "$STREAMS" \
    --samples "$OUT/ttft-platform.txt" | tee "$OUT/platform-$round.json"
done
probe_stop alternating
echo "JIT compile time during the alternating rounds: $(awk -v a="$jit_before" -v b="$(jit)" 'BEGIN {printf "%.2f", b - a}') s"
echo "time to first token over all $ROUNDS alternating rounds (ms; added95: 95 % bootstrap interval over rounds):"
node bench/chat/load.mjs added --direct "$OUT/ttft-direct.txt" --platform "$OUT/ttft-platform.txt" | tee "$OUT/added.json"
# Paired rounds: the direct streams share each moment with the streams through govchat, so a burst of load on
# the two shared cores (which slows the fake and this client as much as the app) shows on both sides.
rm -f "$OUT/paired-direct.txt" "$OUT/paired-platform.txt"
jit_before=$(jit)
probe_start paired
for round in $(seq 1 "$PAIRED"); do
  node bench/chat/load.mjs platform --target http://127.0.0.1:$APP_PORT --streams "$STREAMS" \
    --probe http://127.0.0.1:$FAST_PORT --probes "$PROBES" \
    --samples "$OUT/paired-platform.txt" --probe-samples "$OUT/paired-direct.txt" | tee "$OUT/paired-$round.json"
done
probe_stop paired
echo "JIT compile time during the paired rounds: $(awk -v a="$jit_before" -v b="$(jit)" 'BEGIN {printf "%.2f", b - a}') s"
echo "time to first token over all $PAIRED paired rounds (ms; $PROBES direct streams among $STREAMS through govchat each):"
node bench/chat/load.mjs added --direct "$OUT/paired-direct.txt" --platform "$OUT/paired-platform.txt" | tee "$OUT/added-paired.json"
echo "core speed after phase 1 (ms): $(node bench/chat/cpu-probe.mjs | tee "$OUT/cpu-after.json")"
# every stop of the app's threads during the measured rounds (collections and other safepoints), from the JVM's log
tail -n +$((gc_mark + 1)) "$OUT/gc-$FAST_PORT.log" | awk -v gc="$GC_FLAGS" '/Safepoint "/ {
    for (i = 1; i <= NF; i++) if ($i == "Total:") t = $(i + 1) / 1e6
    n++; if (t > m) m = t; if (t > 5) o++ }
  END {printf "JVM safepoints during the measured rounds (%s): %d, longest %.1f ms, %d over 5 ms\n", gc, n, m, o}'

high_concurrency() { # $1 = backend port, $2 = token delay (ms), $3 = label
  echo "== phase 2$3: $HIGH_STREAMS concurrent streams (50 tokens, $2 ms apart), heap capped at 1 GiB"
  kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null || true
  start_app $1
  for _ in 1 2 3; do   # warm-up
    node bench/chat/load.mjs platform --target http://127.0.0.1:$APP_PORT --streams 200 --ramp 2000 > /dev/null
  done
  : > "$OUT/heap$3.txt"
  (while true; do
     curl -s -H 'Authorization: Bearer bench-scrape' "http://127.0.0.1:$APP_PORT/actuator/prometheus" \
       | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF; if ($0 ~ /Old Gen/) k += $NF}
              END {if (s > 0) printf "%.0f %.0f\n", s, k}' >> "$OUT/heap$3.txt"
     sleep 0.5
   done) & local heap_pid=$!
  local before; before=$(sql "select count(*) from message where role = 'ASSISTANT'")
  node bench/chat/load.mjs platform --target http://127.0.0.1:$APP_PORT --streams "$HIGH_STREAMS" --ramp 4000 | tee "$OUT/high$3.json"
  kill $heap_pid 2>/dev/null || true
  sleep 2
  echo "answers of this phase by status in PostgreSQL:"
  sql "select status, count(*) from (select status from message where role = 'ASSISTANT' order by created_at desc limit $(( $(sql "select count(*) from message where role = 'ASSISTANT'") - before ))) recent group by status order by status" | tee "$OUT/high$3-status.txt"
  # used heap counts the young generation's garbage that its next collection frees; the old generation holds what
  # outlived young collections (G1 Old Gen, ZGC Old Generation)
  awk 'BEGIN{m=0; k=0; n=0} {n++; if ($1+0>m) m=$1+0; if ($2+0>k) k=$2+0}
       END{printf "peak heap used: %.0f MiB; peak old generation: %.0f MiB (%d samples, -Xmx1g)\n", m/1048576, k/1048576, n}' \
    "$OUT/heap$3.txt" | tee "$OUT/heap$3-peak.txt"
}
high_concurrency $SLOW_PORT "$HIGH_DELAY" ""
high_concurrency $SLOWER_PORT 200 "-slow-cadence"

echo "== phase 3: paging 50 messages through a 10,000-message conversation"
jar=$OUT/cookies.txt
curl -s -c "$jar" -o /dev/null http://127.0.0.1:$APP_PORT/api/v1/departments
xsrf=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar")
created=$(curl -s -i -b "$jar" -c "$jar" -H "X-XSRF-TOKEN: $xsrf" -H 'Content-Type: application/json' \
  -d '{"departmentId":"housing"}' http://127.0.0.1:$APP_PORT/api/v1/conversations)
cookie=$(printf '%s' "$created" | sed -n 's/^[Ss]et-[Cc]ookie: \(govchat_citizen=[^;]*\).*/\1/p' | head -1)
conversation=$(printf '%s' "$created" | sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p' | head -1)
sql "insert into message (id, conversation_id, seq, role, content, status, language, created_at)
     select gen_random_uuid(), '$conversation', s, case when s % 2 = 1 then 'USER' else 'ASSISTANT' end,
            repeat('A realistic sentence of an answer about public services. ', 6), 'COMPLETE', 'en',
            now() - make_interval(secs => 10000 - s)
     from generate_series(1, 10000) s" > /dev/null
sql "analyze message" > /dev/null
node bench/chat/load.mjs history --target http://127.0.0.1:$APP_PORT --cookie "$cookie" --conversation "$conversation" --requests 2000 | tee "$OUT/history.json"
