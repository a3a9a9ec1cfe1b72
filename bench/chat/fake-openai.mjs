// A minimal OpenAI-compatible streaming server for load tests: every request streams the same number
// of tokens at a fixed cadence, as llama.cpp's server would (role chunk, content chunks, final chunk,
// usage chunk when asked, [DONE]).
//   node fake-openai.mjs --port 18080 --tokens 50 --delay 20
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '18080' },
    tokens: { type: 'string', default: '50' },
    delay: { type: 'string', default: '20' },
  },
});
const tokens = Number(values.tokens);
const delay = Number(values.delay);

function chunk(id, created, delta, finish) {
  return `data: ${JSON.stringify({
    id, object: 'chat.completion.chunk', created, model: 'bench-model', system_fingerprint: 'bench',
    choices: [{ index: 0, delta, finish_reason: finish ?? null }],
  })}\n\n`;
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url.endsWith('/models')) {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data: [{ id: 'bench-model', object: 'model' }] }));
    return;
  }
  if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    const request = JSON.parse(body || '{}');
    const id = `chatcmpl-${Math.random().toString(36).slice(2)}`;
    const created = Math.floor(Date.now() / 1000);
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
    res.write(chunk(id, created, { role: 'assistant', content: null }));
    let sent = 0;
    let timer;
    const next = () => {
      if (res.destroyed) return;
      if (sent < tokens) {
        res.write(chunk(id, created, { content: ` w${sent}` }));
        sent++;
        timer = setTimeout(next, delay);
        return;
      }
      res.write(chunk(id, created, {}, 'stop'));
      if (request.stream_options?.include_usage) {
        res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: 'bench-model', choices: [],
          usage: { prompt_tokens: 42, completion_tokens: tokens, total_tokens: 42 + tokens } })}\n\n`);
      }
      res.end('data: [DONE]\n\n');
    };
    res.on('close', () => clearTimeout(timer)); // the client went away (or the answer ended)
    timer = setTimeout(next, delay);
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
server.maxConnections = 100_000;
server.listen(Number(values.port), '127.0.0.1', () => console.log(`fake model on ${values.port}: ${tokens} tokens, ${delay} ms apart`));
