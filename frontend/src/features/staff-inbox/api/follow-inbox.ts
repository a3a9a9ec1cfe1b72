import { apiFetch } from '../../../lib/api-client';
import { readEventStream } from '../../../lib/sse';
import { inboxSchema, type Inbox } from './get-inbox';

/** The inbox, at once and again whenever it changes. Resolves when the server ends the stream. */
export async function followInbox(onInbox: (inbox: Inbox) => void, signal?: AbortSignal): Promise<void> {
  const response = await apiFetch('/api/v1/staff/inbox/events', { headers: { Accept: 'text/event-stream' }, signal });
  await readEventStream(
    response,
    (message) => {
      if (message.event === 'inbox') onInbox(inboxSchema.parse(JSON.parse(message.data)));
    },
    signal,
  );
}
