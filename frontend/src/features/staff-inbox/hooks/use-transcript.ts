import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../lib/problem';
import { keepFollowing } from '../../../lib/reconnect';
import { claimConversation } from '../api/claim-conversation';
import { closeConversation } from '../api/close-conversation';
import { followTranscript } from '../api/follow-transcript';
import { getTranscript, type OfficerHandoff, type TranscriptMessage } from '../api/get-transcript';
import { handBack } from '../api/hand-back';
import { sendReply } from '../api/send-reply';

function merged(messages: TranscriptMessage[], incoming: TranscriptMessage[]): TranscriptMessage[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError({ status: 0 });
}

/**
 * A citizen's conversation as an officer follows it: the transcript so far, then live (messages and the
 * handoff's state), and the officer's actions on it.
 */
export function useTranscript(conversationId: string) {
  const [messages, setMessages] = useState<TranscriptMessage[]>([]);
  const [handoff, setHandoff] = useState<OfficerHandoff | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [reconnecting, setReconnecting] = useState(false);
  const lastSeqRef = useRef(0);

  useEffect(() => {
    const session = new AbortController();
    setMessages([]);
    setHandoff(null);
    setLoadError(null);
    setActionError(null);
    lastSeqRef.current = 0;
    const add = (incoming: TranscriptMessage[]) => {
      for (const message of incoming) lastSeqRef.current = Math.max(lastSeqRef.current, message.seq);
      setMessages((current) => merged(current, incoming));
    };
    getTranscript({ conversationId }, session.signal).then(
      (transcript) => {
        if (session.signal.aborted) return;
        add(transcript.messages.messages);
        setHandoff(transcript.handoff);
        void keepFollowing(
          (connected) =>
            followTranscript(
              conversationId,
              lastSeqRef.current,
              (event) => {
                connected();
                if (event.type === 'state') setHandoff(event.handoff);
                else add([event.message]);
              },
              session.signal,
            ),
          { signal: session.signal, onReconnecting: setReconnecting },
        );
      },
      (error: unknown) => {
        if (!session.signal.aborted) setLoadError(asApiError(error));
      },
    );
    return () => session.abort();
  }, [conversationId]);

  const act = useCallback(async (action: () => Promise<OfficerHandoff | TranscriptMessage>) => {
    setBusy(true);
    setActionError(null);
    try {
      const result = await action();
      if ('seq' in result) setMessages((current) => merged(current, [result]));
      else setHandoff(result);
      return true;
    } catch (error) {
      setActionError(asApiError(error));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return {
    messages,
    handoff,
    loadError,
    actionError,
    busy,
    reconnecting,
    claim: () => act(() => claimConversation(conversationId)),
    reply: (content: string) => act(() => sendReply({ conversationId, content })),
    handBack: () => act(() => handBack(conversationId)),
    close: () => act(() => closeConversation(conversationId)),
  };
}
