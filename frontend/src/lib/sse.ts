import { createParser, type EventSourceMessage } from 'eventsource-parser';

export type SseMessage = EventSourceMessage;

/**
 * Reads a `text/event-stream` body to its end, calling `onMessage` for every complete event. Resolves when
 * the server closes the stream; rejects when the connection breaks (or `signal` aborts).
 */
export async function readEventStream(
  response: Response,
  onMessage: (message: SseMessage) => void,
  signal?: AbortSignal,
): Promise<void> {
  if (!response.body) throw new TypeError('The response has no body to stream');
  const parser = createParser({ onEvent: onMessage });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const onAbort = () => {
    reader.cancel().catch(() => undefined);
  };
  signal?.addEventListener('abort', onAbort);
  try {
    for (;;) {
      if (signal?.aborted) throw new DOMException('The stream was aborted', 'AbortError');
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    const rest = decoder.decode();
    if (rest) parser.feed(rest);
    if (signal?.aborted) throw new DOMException('The stream was aborted', 'AbortError');
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
