// Load client for the chat benchmark.
//   node load.mjs direct   --target http://127.0.0.1:18080 --streams 100
//   node load.mjs platform --target http://127.0.0.1:8080  --streams 100 [--department housing]
//   node load.mjs history  --target http://127.0.0.1:8080  --cookie 'govchat_citizen=…' --conversation <id> --requests 2000
//   node load.mjs platform --target http://127.0.0.1:8080  --streams 100 --probe http://127.0.0.1:18080 --probes 25 \
//                          --samples platform.txt --probe-samples probes.txt
//   node load.mjs added    --direct direct.txt --platform platform.txt
// Prints one JSON line of results. With --samples FILE, direct and platform also append each stream's time to
// first token (ms, one per line, a round ending with an empty line) to FILE; `added` pools such files over rounds,
// compares the percentiles and gives each difference a 95 % interval by resampling the rounds.
// Streams start spread over --ramp ms (a burst of simultaneous connects measures the client, not the server).
// With --probes N, platform also opens N streams straight to the model server at --probe, spread over the same
// ramp between the streams through govchat: they see the same moment of the same machine, so comparing them
// with the platform's streams leaves out what the machine's load did to the model server and to this client.
import http from 'node:http';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    target: { type: 'string' },
    streams: { type: 'string', default: '100' },
    ramp: { type: 'string', default: '1000' },
    department: { type: 'string', default: 'housing' },
    cookie: { type: 'string' },
    conversation: { type: 'string' },
    requests: { type: 'string', default: '2000' },
    out: { type: 'string' },
    samples: { type: 'string' },
    direct: { type: 'string' },
    platform: { type: 'string' },
    probe: { type: 'string' },
    probes: { type: 'string', default: '0' },
    'probe-samples': { type: 'string' },
  },
});
const mode = positionals[0];
const target = values.target ? new URL(values.target) : null;
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function request(method, path, { headers = {}, body, to = target } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: to.hostname, port: to.port, method, path, agent,
      headers: { ...headers, ...(body ? { 'Content-Type': 'application/json' } : {}) } }, resolve);
    req.on('error', reject);
    if (body) req.write(JSON.stringify(body));
    req.end();
  });
}

function readAll(res) {
  return new Promise((resolve, reject) => {
    let data = '';
    res.setEncoding('utf8');
    res.on('data', (d) => (data += d));
    res.on('end', () => resolve(data));
    res.on('error', reject);
  });
}

/** Reads an SSE response; resolves with the time of the first content and the final event. */
function readStream(res, started, isContent) {
  return new Promise((resolve) => {
    let buffer = '';
    let firstAt = null;
    let last = null;
    let events = 0;
    res.setEncoding('utf8');
    res.on('data', (d) => {
      buffer += d;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event:(.*)$/m.exec(block)?.[1]?.trim() ?? 'message';
        const data = /^data:(.*)$/m.exec(block)?.[1]?.trim();
        if (data === undefined) continue;
        events++;
        if (firstAt === null && isContent(name, data)) firstAt = performance.now();
        last = { name, data };
      }
    });
    const finish = (error) => resolve({ ttft: firstAt === null ? null : firstAt - started, last, events, error });
    res.on('end', () => finish(null));
    res.on('error', (e) => finish(e.message));
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number(sorted[Math.max(0, index)].toFixed(2));
}

async function keepSamples(ttfts, file = values.samples) {
  if (!file) return;
  const { appendFile } = await import('node:fs/promises');
  // a round's samples end with an empty line, so that `added` can tell the rounds apart
  await appendFile(file, `${ttfts.filter((t) => t !== null).map((t) => `${t.toFixed(3)}\n`).join('')}\n`);
}

function summary(name, ttfts, extra) {
  const sorted = ttfts.filter((t) => t !== null).sort((a, b) => a - b);
  return { mode: name, n: sorted.length, ttftMs: { p50: percentile(sorted, 50), p90: percentile(sorted, 90),
    p99: percentile(sorted, 99), max: percentile(sorted, 100) }, ...extra };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One stream straight to the model server; its time to first token is the first content chunk. */
async function directStream(to) {
  const started = performance.now();
  const res = await request('POST', '/v1/chat/completions', { to, body: { model: 'bench-model', stream: true,
    stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'hello' }] } });
  return readStream(res, started, (name, data) => data !== '[DONE]' && data.includes('"content":"'));
}

async function direct(streams) {
  const results = await Promise.all(Array.from({ length: streams }, async (_, i) => {
    await sleep((i * Number(values.ramp)) / streams);
    return directStream(target);
  }));
  await keepSamples(results.map((r) => r.ttft));
  return summary('direct', results.map((r) => r.ttft), { errors: results.filter((r) => r.error || r.ttft === null).length });
}

/** A citizen's cookies (anonymous identity, CSRF token) as a browser would keep them. */
class CookieJar {
  constructor() { this.cookies = new Map(); }
  take(res) {
    for (const header of res.headers['set-cookie'] ?? []) {
      const [pair] = header.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
  }
  header() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
  /** Headers for an unsafe request: the cookies plus the CSRF token echoed back. */
  unsafe(extra = {}) {
    const token = this.cookies.get('XSRF-TOKEN');
    return { Cookie: this.header(), ...(token ? { 'X-XSRF-TOKEN': token } : {}), ...extra };
  }
}

async function startConversation() {
  const jar = new CookieJar();
  const first = await request('GET', '/api/v1/departments');
  jar.take(first);
  await readAll(first);
  const res = await request('POST', '/api/v1/conversations', {
    headers: jar.unsafe(), body: { departmentId: values.department } });
  jar.take(res);
  const body = await readAll(res);
  if (res.statusCode !== 201) throw new Error(`create conversation: ${res.statusCode} ${body}`);
  return { id: JSON.parse(body).id, jar };
}

async function platform(streams) {
  // set-up (not measured): one anonymous citizen and conversation per stream
  const citizens = [];
  for (let i = 0; i < streams; i += 50) {
    citizens.push(...(await Promise.all(Array.from({ length: Math.min(50, streams - i) }, startConversation))));
  }
  const one = async ({ id, jar }) => {
    const started = performance.now();
    const res = await request('POST', `/api/v1/conversations/${id}/messages`, {
      headers: jar.unsafe({ Accept: 'text/event-stream' }), body: { content: 'How do I renew my licence?' } });
    if (res.statusCode !== 200) {
      return { ttft: null, error: `HTTP ${res.statusCode}: ${(await readAll(res)).slice(0, 200)}` };
    }
    const result = await readStream(res, started, (name) => name === 'delta');
    if (!result.error && (result.last?.name !== 'done' || !result.last.data.includes('"COMPLETE"'))) {
      result.error = `ended with ${result.last?.name} ${result.last?.data?.slice(0, 200)}`;
    }
    return result;
  };
  const probes = Number(values.probes);
  const probeTarget = probes > 0 ? new URL(values.probe) : null;
  const began = performance.now();
  const [results, probed] = await Promise.all([
    Promise.all(citizens.map(async (citizen, i) => {
      await sleep((i * Number(values.ramp)) / streams);
      return one(citizen);
    })),
    Promise.all(Array.from({ length: probes }, async (_, i) => {
      await sleep(((i + 0.5) * Number(values.ramp)) / probes);
      return directStream(probeTarget);
    })),
  ]);
  const errors = results.filter((r) => r.error);
  await keepSamples(results.map((r) => r.ttft));
  await keepSamples(probed.map((r) => r.ttft), values['probe-samples']);
  const probeTtfts = probed.map((r) => r.ttft).filter((t) => t !== null).sort((a, b) => a - b);
  return summary('platform', results.map((r) => r.ttft), {
    ...(probes > 0 ? { probeErrors: probed.filter((r) => r.error || r.ttft === null).length,
      probeTtftMs: { n: probeTtfts.length, p50: percentile(probeTtfts, 50),
      p99: percentile(probeTtfts, 99) } } : {}),
    errors: errors.length, sampleErrors: [...new Set(errors.map((e) => e.error))].slice(0, 5),
    wallSeconds: Number(((performance.now() - began) / 1000).toFixed(1)),
    conversations: citizens.map((c) => c.id),
  });
}

async function history(requests) {
  const latencies = [];
  let before = null;
  for (let i = 0; i < requests; i++) {
    const query = before ? `?limit=50&before=${before}` : '?limit=50';
    const started = performance.now();
    const res = await request('GET', `/api/v1/conversations/${values.conversation}/messages${query}`,
      { headers: { Cookie: values.cookie } });
    const body = JSON.parse(await readAll(res));
    latencies.push(performance.now() - started);
    if (res.statusCode !== 200) throw new Error(`history: ${res.statusCode}`);
    // walk back through the whole conversation, then start again from the newest page
    before = body.hasMore ? body.messages[0].seq : null;
  }
  const sorted = latencies.sort((a, b) => a - b);
  return { mode: 'history', n: sorted.length, latencyMs: { p50: percentile(sorted, 50), p90: percentile(sorted, 90),
    p99: percentile(sorted, 99), max: percentile(sorted, 100) } };
}

/**
 * Time to first token added by the platform: pooled percentiles of all rounds, platform minus direct, each with
 * a 95 % interval of where it could have fallen with other rounds like these (a bootstrap over whole rounds:
 * the machine's slow moments come in bursts that hit many streams of one round, so single streams are not
 * independent). Rounds are resampled together when both files have as many (round i of each ran at the same
 * time or one after the other), independently otherwise.
 */
async function added() {
  const { readFile } = await import('node:fs/promises');
  const rounds = async (file) => (await readFile(file, 'utf8')).split('\n\n')
    .map((block) => block.split('\n').filter(Boolean).map(Number)).filter((round) => round.length > 0);
  const pooled = (picked) => picked.flat().sort((a, b) => a - b);
  const directRounds = await rounds(values.direct);
  const platformRounds = await rounds(values.platform);
  const direct = pooled(directRounds);
  const platform = pooled(platformRounds);
  const resamples = [];
  if (directRounds.length > 1 && platformRounds.length > 1) {
    const together = directRounds.length === platformRounds.length;
    const draw = (count) => Array.from({ length: count }, () => Math.floor(Math.random() * count));
    for (let i = 0; i < 2000; i++) {
      const platformPicks = draw(platformRounds.length);
      const directPicks = together ? platformPicks : draw(directRounds.length);
      resamples.push([pooled(platformPicks.map((k) => platformRounds[k])), pooled(directPicks.map((k) => directRounds[k]))]);
    }
  }
  const interval = (p) => {
    if (resamples.length === 0) return null;
    const addedValues = resamples.map(([pl, di]) => percentile(pl, p) - percentile(di, p)).sort((a, b) => a - b);
    return [Number(addedValues[49].toFixed(2)), Number(addedValues[1949].toFixed(2))];
  };
  const at = (p) => ({ direct: percentile(direct, p), platform: percentile(platform, p),
    added: Number((percentile(platform, p) - percentile(direct, p)).toFixed(2)), added95: interval(p) });
  return { mode: 'added', n: { direct: direct.length, platform: platform.length },
    rounds: { direct: directRounds.length, platform: platformRounds.length }, p50: at(50), p90: at(90), p99: at(99) };
}

const result = mode === 'direct' ? await direct(Number(values.streams))
  : mode === 'added' ? await added()
  : mode === 'platform' ? await platform(Number(values.streams))
  : mode === 'history' ? await history(Number(values.requests))
  : (() => { throw new Error(`unknown mode ${mode}`); })();
if (values.out) {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(values.out, JSON.stringify(result));
}
const { conversations, ...printable } = result;
console.log(JSON.stringify(printable));
agent.destroy();
