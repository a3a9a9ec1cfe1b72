// How long the machine keeps a ready thread waiting: a process with nothing else to do wakes every 5 ms and
// records how late each wake-up came. Whatever the app, PostgreSQL, the fake and the load client do to each
// other shows up here only as far as the operating system itself is slow to give a thread a core.
//   node sched-probe.mjs --out probe.json     (runs until SIGTERM or SIGINT, then writes and prints one JSON line)
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { out: { type: 'string' }, every: { type: 'string', default: '5' } } });
const every = Number(values.every);
const late = [];
let last = performance.now();
const timer = setInterval(() => {
  const now = performance.now();
  late.push(now - last - every);
  last = now;
}, every);

function report() {
  clearInterval(timer);
  late.sort((a, b) => a - b);
  const at = (p) => Number((late[Math.min(late.length - 1, Math.ceil((p / 100) * late.length) - 1)] ?? 0).toFixed(2));
  const over = (ms) => late.filter((l) => l > ms).length;
  const result = JSON.stringify({ mode: 'sched-probe', wakeups: late.length, lateMs: { p50: at(50), p99: at(99),
    'p99.9': at(99.9), max: at(100) }, over5ms: over(5), over10ms: over(10), over20ms: over(20) });
  if (values.out) writeFileSync(values.out, result);
  console.log(result);
  process.exit(0);
}
process.on('SIGTERM', report);
process.on('SIGINT', report);
