import { z } from 'zod/mini';
import { problemDetailSchema } from '../../../lib/problem';
import type { SseMessage } from '../../../lib/sse';

const startData = z.object({ userMessageId: z.string(), assistantMessageId: z.string(), language: z.nullish(z.string()) });
const queuedData = z.object({ position: z.int() });
const relayedData = z.object({ userMessageId: z.string(), language: z.nullish(z.string()) });
const heldData = z.object({ assistantMessageId: z.string() });
const deltaData = z.object({ text: z.string() });
const doneData = z.object({
  assistantMessageId: z.optional(z.string()),
  status: z.enum(['COMPLETE', 'CANCELLED']),
  usage: z.nullish(z.object({ tokensIn: z.nullish(z.number()), tokensOut: z.nullish(z.number()) })),
});
const errorData = z.object({
  assistantMessageId: z.optional(z.string()),
  status: z.enum(['PARTIAL', 'FAILED']),
  problem: z.nullish(problemDetailSchema),
});

/**
 * One event of an answer stream. `offset` is the event id: the number of answer characters delivered once
 * this event is applied (so a resume after it asks for `Last-Event-ID: offset`).
 */
export type ChatEvent = { offset: number | null } & (
  | { type: 'start'; userMessageId: string; assistantMessageId: string; language: string | null }
  | { type: 'queued'; position: number }
  /** The conversation is with an officer: the question was passed on to them, no answer follows. */
  | { type: 'relayed'; userMessageId: string }
  /** Supervised department: the answer waits for an officer's approval; its text follows once approved. */
  | { type: 'held'; assistantMessageId: string }
  | { type: 'delta'; text: string }
  | { type: 'done'; assistantMessageId: string | null; status: 'COMPLETE' | 'CANCELLED' }
  | { type: 'error'; assistantMessageId: string | null; status: 'PARTIAL' | 'FAILED'; detail: string | null }
);

function offsetOf(id: string | undefined): number | null {
  if (id === undefined || id === '') return null;
  const value = Number(id);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/** Validates one SSE message; unknown event types (future additions, comments) give null. */
export function parseChatEvent(message: SseMessage): ChatEvent | null {
  const offset = offsetOf(message.id);
  let json: unknown;
  try {
    json = JSON.parse(message.data);
  } catch {
    return null;
  }
  switch (message.event) {
    case 'start': {
      const data = startData.parse(json);
      return { type: 'start', offset, ...data, language: data.language ?? null };
    }
    case 'queued':
      return { type: 'queued', offset, ...queuedData.parse(json) };
    case 'relayed':
      return { type: 'relayed', offset, userMessageId: relayedData.parse(json).userMessageId };
    case 'held':
      return { type: 'held', offset, ...heldData.parse(json) };
    case 'delta':
      return { type: 'delta', offset, ...deltaData.parse(json) };
    case 'done': {
      const data = doneData.parse(json);
      return { type: 'done', offset, assistantMessageId: data.assistantMessageId ?? null, status: data.status };
    }
    case 'error': {
      const data = errorData.parse(json);
      return {
        type: 'error',
        offset,
        assistantMessageId: data.assistantMessageId ?? null,
        status: data.status,
        detail: data.problem?.detail ?? null,
      };
    }
    default:
      return null;
  }
}
