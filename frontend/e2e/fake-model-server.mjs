// A fake OpenAI-compatible model server for the browser tests, speaking the streaming protocol the way
// llama.cpp's llama-server does: `data: {chunk}` events, a first chunk with role and null content, content
// deltas, a final chunk with finish_reason, an optional usage chunk, then `data: [DONE]`.
//
// It answers in the language of the last user message (rough script detection, enough for a fake) and
// changes behaviour on words in the question:
//   "slow"  - a long answer, one piece every 150 ms (to reload or stop in the middle)
//   "xss"   - an answer carrying an <img onerror> and a javascript: link (must render inert)
//
// Usage: node e2e/fake-model-server.mjs [--port 18481]
import { createServer } from 'node:http';

const portArgument = process.argv.indexOf('--port');
const port = Number(portArgument > 0 ? process.argv[portArgument + 1] : (process.env.FAKE_MODEL_PORT ?? 18481));
const host = '127.0.0.1';
const MODEL = 'fake';

export const SLOW_END_MARKER = '(end of the slow answer)';

const CANTONESE = /[嘅係唔咗冇佢哋喺嚟啲乜嘢點解]/;
// characters that exist only in Traditional script (their Simplified forms differ)
const TRADITIONAL = /[個這們說問時發會經對過還麼點體關應國學實現與將為後當無開書員樣種區處證號館費辦護請謝際續實驗單張須須歲讓]/;
const SIMPLIFIED = /[个这们说问时发会经对过还么点体关应国学实现与将为后当无开书员样种区处证号馆费办护请谢际续验单张须岁让]/;
const HAN = /\p{Script=Han}/u;

function languageOf(text) {
  if (!HAN.test(text)) return 'en';
  if (CANTONESE.test(text)) return 'yue';
  if (TRADITIONAL.test(text) && !SIMPLIFIED.test(text)) return 'zh-Hant';
  if (SIMPLIFIED.test(text)) return 'zh-Hans';
  return 'zh-Hant';
}

const ANSWERS = {
  en: 'Thank you for your question. Here is what you need:\n\n1. **Your identity card** and the completed form.\n2. The fee, paid at any office.\n\n| Item | Fee |\n|---|---|\n| Passport | $460 |\n\nMore on [the city website](https://www.gov.example/).',
  yue: '多謝你嘅查詢。你需要準備以下嘢：\n\n1. **身份證**同填好嘅表格。\n2. 喺任何辦事處交費。\n\n| 項目 | 費用 |\n|---|---|\n| 護照 | $460 |',
  'zh-Hant': '多謝你的查詢。你需要準備以下資料：\n\n1. **身份證**及已填妥的表格。\n2. 在任何辦事處繳費。\n\n| 項目 | 費用 |\n|---|---|\n| 護照 | $460 |',
  'zh-Hans': '感谢你的咨询。你需要准备以下材料：\n\n1. **身份证**和填好的表格。\n2. 在任何办事处缴费。\n\n| 项目 | 费用 |\n|---|---|\n| 护照 | $460 |',
};

const SLOW_ANSWERS = {
  en: `This answer is written slowly so that it can be interrupted. ${'Each sentence adds a little more detail about the procedure. '.repeat(6)}${SLOW_END_MARKER}`,
  yue: `呢個回答會慢慢寫。${'每句都會補充多少少關於手續嘅資料。'.repeat(6)}${SLOW_END_MARKER}`,
  'zh-Hant': `這個回答會慢慢撰寫。${'每一句都會補充一些關於手續的資料。'.repeat(6)}${SLOW_END_MARKER}`,
  'zh-Hans': `这个回答会慢慢撰写。${'每一句都会补充一些关于手续的信息。'.repeat(6)}${SLOW_END_MARKER}`,
};

const HOSTILE_ANSWER = 'Here you go: <img src=x onerror=alert(1)> and <script>alert(2)</script> then [click](javascript:alert(1)) done.';

function textOf(content) {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : (part?.text ?? ''))).join(' ');
  return '';
}

function lastUserText(messages) {
  for (let i = (messages?.length ?? 0) - 1; i >= 0; i -= 1) {
    if (messages[i]?.role === 'user') return textOf(messages[i].content);
  }
  return '';
}

function plan(question) {
  const lower = question.toLowerCase();
  const language = languageOf(question);
  if (lower.includes('xss')) return { text: HOSTILE_ANSWER, delayMs: 20 };
  if (lower.includes('slow')) return { text: SLOW_ANSWERS[language], delayMs: 150 };
  return { text: ANSWERS[language], delayMs: 20 };
}

/** Pieces of a few characters, as tokens would come (Chinese tokens are shorter). */
function pieces(text) {
  const out = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; ) {
    const size = HAN.test(chars[i]) ? 2 : 4;
    out.push(chars.slice(i, i + size).join(''));
    i += size;
  }
  return out;
}

let counter = 0;

function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function completions(req, res) {
  let body;
  try {
    body = await readJson(req);
  } catch {
    return json(res, 400, { error: { code: 400, message: 'invalid JSON', type: 'invalid_request_error' } });
  }
  const question = lastUserText(body.messages);
  const { text, delayMs } = plan(question);
  const id = `chatcmpl-fake-${++counter}`;
  const created = Math.floor(Date.now() / 1000);
  const model = body.model ?? MODEL;
  const promptTokens = Math.max(1, Math.ceil(JSON.stringify(body.messages ?? []).length / 4));
  const parts = pieces(text);

  if (!body.stream) {
    return json(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      usage: { prompt_tokens: promptTokens, completion_tokens: parts.length, total_tokens: promptTokens + parts.length },
    });
  }

  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
  let closed = false;
  res.on('close', () => {
    closed = true; // the client hung up: stop generating, like a real server
  });
  const chunk = (choices, extra = {}) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fake-e2e', choices, ...extra })}\n\n`;

  res.write(chunk([{ index: 0, delta: { role: 'assistant', content: null }, logprobs: null, finish_reason: null }]));
  for (const part of parts) {
    await sleep(delayMs);
    if (closed) return;
    res.write(chunk([{ index: 0, delta: { content: part }, logprobs: null, finish_reason: null }]));
  }
  if (closed) return;
  res.write(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]));
  if (body.stream_options?.include_usage) {
    res.write(
      chunk([], {
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: parts.length,
          total_tokens: promptTokens + parts.length,
          prompt_tokens_details: { cached_tokens: 0 },
        },
      }),
    );
  }
  res.write('data: [DONE]\n\n');
  res.end();
}

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', `http://${host}`).pathname;
  if (req.method === 'GET' && (path === '/v1/models' || path === '/models')) {
    return json(res, 200, { object: 'list', data: [{ id: MODEL, object: 'model', created: 0, owned_by: 'govchat-e2e' }] });
  }
  if (req.method === 'POST' && (path === '/v1/chat/completions' || path === '/chat/completions')) {
    completions(req, res).catch((error) => {
      if (!res.headersSent) json(res, 500, { error: { code: 500, message: String(error), type: 'server_error' } });
      else res.end();
    });
    return;
  }
  if (req.method === 'GET' && path === '/health') return json(res, 200, { status: 'ok' });
  json(res, 404, { error: { code: 404, message: `no route ${req.method} ${path}`, type: 'not_found_error' } });
});

server.listen(port, host, () => {
  console.log(`fake model server on http://${host}:${port}/v1`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
