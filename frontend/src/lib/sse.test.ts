import { describe, expect, test } from 'vitest';
import { readEventStream, type SseMessage } from './sse';

function responseOf(chunks: string[]): Response {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    }),
  );
}

describe('readEventStream', () => {
  test('reassembles events split across network chunks, including inside a multi-byte character', async () => {
    const bytes = new TextEncoder().encode('id: 3\nevent: delta\ndata: {"text":"你好"}\n\n: keep-alive\n\nid: 3\nevent: done\ndata: {}\n\n');
    const cut = bytes.indexOf(0xe4) + 1; // in the middle of 你
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 7));
        controller.enqueue(bytes.slice(7, cut));
        controller.enqueue(bytes.slice(cut));
        controller.close();
      },
    });
    const seen: SseMessage[] = [];
    await readEventStream(new Response(body), (message) => seen.push(message));
    expect(seen).toEqual([
      { id: '3', event: 'delta', data: '{"text":"你好"}' },
      { id: '3', event: 'done', data: '{}' },
    ]);
  });

  test('rejects when the connection breaks', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('event: delta\ndata: {"text":"a"}\n\n'));
        controller.error(new TypeError('network'));
      },
    });
    const seen: string[] = [];
    await expect(readEventStream(new Response(body), (message) => seen.push(message.data))).rejects.toThrow('network');
  });

  test('stops when aborted', async () => {
    const controller = new AbortController();
    const reading = readEventStream(responseOf(['event: delta\ndata: {}\n\n']), () => controller.abort(), controller.signal);
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});
