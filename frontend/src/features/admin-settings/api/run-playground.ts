import { z } from 'zod/mini';
import { apiFetch } from '../../../lib/api-client';
import { readEventStream } from '../../../lib/sse';
import type { Profile } from './schemas';

const startData = z.object({ language: z.string() });
const queuedData = z.object({ position: z.int() });
const attemptData = z.object({ backend: z.string(), model: z.nullish(z.string()) });
const textData = z.object({ text: z.string() });
const doneData = z.object({
  status: z.literal('COMPLETE'),
  usage: z.nullish(z.object({ tokensIn: z.nullish(z.number()), tokensOut: z.nullish(z.number()) })),
  backend: z.nullish(z.string()),
  model: z.nullish(z.string()),
  timeToFirstTokenMs: z.nullish(z.number()),
  durationMs: z.number(),
});
const errorData = z.object({
  status: z.enum(['FAILED', 'PARTIAL', 'CANCELLED']),
  backend: z.nullish(z.string()),
  model: z.nullish(z.string()),
  cause: z.string(),
  durationMs: z.number(),
});

export type PlaygroundEvent =
  | ({ type: 'start' } & z.infer<typeof startData>)
  | ({ type: 'queued' } & z.infer<typeof queuedData>)
  | ({ type: 'attempt' } & z.infer<typeof attemptData>)
  | { type: 'delta'; text: string }
  | { type: 'reasoning'; text: string }
  | ({ type: 'done' } & z.infer<typeof doneData>)
  | ({ type: 'error' } & z.infer<typeof errorData>);

function parse(event: string, data: string): PlaygroundEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  switch (event) {
    case 'start':
      return { type: 'start', ...startData.parse(json) };
    case 'queued':
      return { type: 'queued', ...queuedData.parse(json) };
    case 'attempt':
      return { type: 'attempt', ...attemptData.parse(json) };
    case 'delta':
      return { type: 'delta', ...textData.parse(json) };
    case 'reasoning':
      return { type: 'reasoning', ...textData.parse(json) };
    case 'done':
      return { type: 'done', ...doneData.parse(json) };
    case 'error':
      return { type: 'error', ...errorData.parse(json) };
    default:
      return null;
  }
}

/** Runs an unsaved profile on its backend; rejects with an ApiError when the draft is refused (400). */
export async function runPlayground(
  departmentId: string,
  input: { profile: Profile; question: string },
  onEvent: (event: PlaygroundEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const response = await apiFetch(`/api/v1/admin/departments/${encodeURIComponent(departmentId)}/playground`, {
    method: 'POST',
    headers: { Accept: 'text/event-stream' },
    body: JSON.stringify(input),
    signal,
  });
  await readEventStream(
    response,
    (message) => {
      const event = parse(message.event ?? 'message', message.data);
      if (event) onEvent(event);
    },
    signal,
  );
}
