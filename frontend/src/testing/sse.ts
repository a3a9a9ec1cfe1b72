import { HttpResponse } from 'msw';

const encoder = new TextEncoder();

export function sseFrame(event: string, data: unknown, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** An SSE response whose events a test pushes one at a time (or breaks, like a lost connection). */
export function controlledEventStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return {
    response: () => new HttpResponse(body, { headers: { 'Content-Type': 'text/event-stream' } }),
    send(event: string, data: unknown, id?: number) {
      controller.enqueue(encoder.encode(sseFrame(event, data, id)));
    },
    /** Bytes as they come, to cut an event in the middle. */
    raw(text: string) {
      controller.enqueue(encoder.encode(text));
    },
    close() {
      controller.close();
    },
    breakConnection() {
      controller.error(new TypeError('network connection lost'));
    },
  };
}

/** A finished SSE response. */
export function eventStreamOf(frames: string[]): HttpResponse<ReadableStream<Uint8Array>> {
  return new HttpResponse(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const frame of frames) controller.enqueue(encoder.encode(frame));
        controller.close();
      },
    }),
    { headers: { 'Content-Type': 'text/event-stream' } },
  );
}

export function problem(status: number, detail: string, headers: Record<string, string> = {}) {
  return HttpResponse.json(
    { type: `/problems/test-${status}`, title: 'Problem', status, detail, instance: '/api/v1/test' },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}
