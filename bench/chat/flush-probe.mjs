// How long the disk takes to make a write durable: writes 8 KiB and waits for fdatasync (what PostgreSQL does
// with its write-ahead log at every commit, `wal_sync_method = fdatasync`), every 5 ms, and records each wait.
// A turn commits its question before the model is called, so this is a floor under its first token's tail.
//   node flush-probe.mjs --dir target/bench --seconds 10     (prints one JSON line)
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { dir: { type: 'string', default: '.' }, seconds: { type: 'string', default: '10' } } });
const file = join(values.dir, `flush-probe-${process.pid}.bin`);
const fd = openSync(file, 'w');
const page = Buffer.alloc(8192, 120);
const waits = [];
const until = performance.now() + Number(values.seconds) * 1000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
try {
  for (let i = 0; performance.now() < until; i++) {
    writeSync(fd, page, 0, page.length, (i % 128) * page.length);
    const started = performance.now();
    fdatasyncSync(fd);
    waits.push(performance.now() - started);
    await sleep(5);
  }
} finally {
  closeSync(fd);
  rmSync(file, { force: true });
}
waits.sort((a, b) => a - b);
const at = (p) => Number((waits[Math.min(waits.length - 1, Math.ceil((p / 100) * waits.length) - 1)] ?? 0).toFixed(2));
console.log(JSON.stringify({ mode: 'flush-probe', flushes: waits.length, waitMs: { p50: at(50), p99: at(99),
  'p99.9': at(99.9), max: at(100) }, over10ms: waits.filter((w) => w > 10).length,
  over40ms: waits.filter((w) => w > 40).length }));
