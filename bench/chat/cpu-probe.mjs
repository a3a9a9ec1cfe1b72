// How fast this machine's cores are right now: the same fixed piece of work (fill a million doubles from a
// pseudo-random sequence and sort them: arithmetic and memory traffic, one thread) timed several times. On a
// shared VM a core can be slower for a while without the time showing as stolen (a busy neighbour on the
// same physical core or memory bus); every CPU cost of the benchmark then grows with it.
//   node cpu-probe.mjs [--reps 7]     (prints one JSON line: ms per repetition, fastest, median, slowest)
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { reps: { type: 'string', default: '7' } } });
const reps = Number(values.reps);
const numbers = new Float64Array(1_000_000);

function work() {
  let s = 2463534242;
  for (let i = 0; i < numbers.length; i++) {
    // xorshift32: the same sequence every time, so every repetition sorts the same numbers
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    numbers[i] = (s >>> 0) / 4294967296;
  }
  numbers.sort();
  return numbers[numbers.length >> 1];
}

work(); // compiled before it is timed
const times = [];
for (let i = 0; i < reps; i++) {
  const started = performance.now();
  work();
  times.push(performance.now() - started);
}
const sorted = [...times].sort((a, b) => a - b);
const ms = (t) => Number(t.toFixed(1));
console.log(JSON.stringify({ mode: 'cpu-probe', reps, ms: { fastest: ms(sorted[0]),
  median: ms(sorted[sorted.length >> 1]), slowest: ms(sorted[sorted.length - 1]) } }));
