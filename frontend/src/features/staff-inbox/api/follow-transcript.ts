import { apiFetch } from '../../../lib/api-client';
import { readEventStream } from '../../../lib/sse';
import { officerHandoffSchema, staffConversationPath, transcriptMessageSchema, type OfficerHandoff, type TranscriptMessage } from './get-transcript';

export type TranscriptEvent =
  | { type: 'state'; id: number | null; handoff: OfficerHandoff }
  | { type: 'message'; id: number | null; message: TranscriptMessage };

/**
 * A citizen's conversation live, from the message after `lastEventId` on: its handoff state whenever it
 * changes and every new message. Resolves when the server ends the stream (its time limit).
 */
export async function followTranscript(
  conversationId: string,
  lastEventId: number,
  onEvent: (event: TranscriptEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const response = await apiFetch(`${staffConversationPath(conversationId)}/events`, {
    headers: { Accept: 'text/event-stream', 'Last-Event-ID': String(Math.max(0, lastEventId)) },
    signal,
  });
  await readEventStream(
    response,
    (message) => {
      const id = message.id && /^\d+$/.test(message.id) ? Number(message.id) : null;
      const data: unknown = JSON.parse(message.data);
      if (message.event === 'state') onEvent({ type: 'state', id, handoff: officerHandoffSchema.parse(data) });
      if (message.event === 'message') onEvent({ type: 'message', id, message: transcriptMessageSchema.parse(data) });
    },
    signal,
  );
}
