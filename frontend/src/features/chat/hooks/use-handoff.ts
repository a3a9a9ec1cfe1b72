import { useCallback, useEffect, useRef, useState } from 'react';
import { keepFollowing } from '../../../lib/reconnect';
import { ApiError } from '../../../lib/problem';
import { cancelHandoff } from '../api/cancel-handoff';
import { followConversation } from '../api/follow-conversation';
import { getHandoff, type HandoffReason, type HandoffState } from '../api/get-handoff';
import type { Message } from '../api/get-messages';
import { leaveFollowUp, type FollowUp } from '../api/leave-follow-up';
import { requestHandoff } from '../api/request-handoff';

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError({ status: 0 });
}

export type UseHandoffOptions = {
  conversationId: string | null;
  /** The department offers officers in the chat. */
  enabled: boolean;
  /** Starts the conversation when the citizen asks for an officer before asking anything. */
  ensureConversation: () => Promise<string | null>;
  /** An officer's message or a notice arrived. */
  onMessages: (messages: Message[]) => void;
  /** The highest sequence number the page already shows (the live stream starts after it). */
  lastSeq: () => number;
};

/**
 * The citizen's side of a handoff to an officer: where it stands, asking for an officer, going back to the
 * assistant, leaving a contact or taking a case reference; and, while the conversation is with an officer,
 * its live stream (resumed after a lost connection from the last message received).
 */
export function useHandoff({ conversationId, enabled, ensureConversation, onMessages, lastSeq }: UseHandoffOptions) {
  const [state, setState] = useState<HandoffState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [followUp, setFollowUp] = useState<FollowUp | null>(null);
  const [reconnecting, setReconnecting] = useState(false);
  const sessionRef = useRef(new AbortController());
  const followingRef = useRef<string | null>(null);
  const requestingRef = useRef(false);
  const lastIdRef = useRef(0);
  const onMessagesRef = useRef(onMessages);
  onMessagesRef.current = onMessages;
  const lastSeqRef = useRef(lastSeq);
  lastSeqRef.current = lastSeq;

  /** Follows the conversation while it is with an officer; reconnects until it no longer is. */
  const follow = useCallback(async (id: string) => {
    if (followingRef.current === id) return;
    followingRef.current = id;
    const signal = sessionRef.current.signal;
    let over = false;
    try {
      await keepFollowing(
        (connected) =>
          followConversation(
            { conversationId: id, lastEventId: Math.max(lastIdRef.current, lastSeqRef.current()) },
            (event) => {
              connected();
              if (event.id !== null) lastIdRef.current = Math.max(lastIdRef.current, event.id);
              if (event.type === 'state') {
                setState(event.state);
                over = event.state.status !== 'ESCALATED';
              } else {
                onMessagesRef.current([event.message]);
              }
            },
            signal,
          ),
        { signal, finished: () => over || followingRef.current !== id, onReconnecting: setReconnecting },
      );
    } finally {
      if (followingRef.current === id) followingRef.current = null;
    }
  }, []);

  useEffect(() => {
    const session = new AbortController();
    sessionRef.current = session;
    followingRef.current = null;
    // a conversation this hook just started for a request gets its state from that request
    if (requestingRef.current) return () => session.abort();
    lastIdRef.current = 0;
    setState(null);
    setFollowUp(null);
    setError(null);
    if (conversationId && enabled) {
      getHandoff({ conversationId }, session.signal).then(
        (current) => {
          if (session.signal.aborted) return;
          setState(current);
          if (current.status === 'ESCALATED') void follow(conversationId);
        },
        () => {
          // without its state the page simply offers what a new conversation offers
        },
      );
    }
    return () => session.abort();
  }, [conversationId, enabled, follow]);

  const request = useCallback(
    async (reason: HandoffReason) => {
      setBusy(true);
      setError(null);
      requestingRef.current = true;
      try {
        const id = await ensureConversation();
        if (!id) return;
        const next = await requestHandoff({ conversationId: id, reason });
        setState(next);
        if (next.status === 'ESCALATED') void follow(id);
      } catch (failure) {
        setError(asApiError(failure));
      } finally {
        requestingRef.current = false;
        setBusy(false);
      }
    },
    [ensureConversation, follow],
  );

  const cancel = useCallback(async () => {
    if (!conversationId) return;
    setBusy(true);
    setError(null);
    try {
      setState(await cancelHandoff({ conversationId }));
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }, [conversationId]);

  /** Leaves a contact (or, without one, takes a case reference); false when the server refused it. */
  const leaveContact = useCallback(
    async (contact: string | null): Promise<boolean> => {
      if (!conversationId) return false;
      setBusy(true);
      setError(null);
      try {
        setFollowUp(await leaveFollowUp({ conversationId, contact: contact ?? undefined }));
        setState(await getHandoff({ conversationId }));
        return true;
      } catch (failure) {
        setError(asApiError(failure));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [conversationId],
  );

  const dismissError = useCallback(() => setError(null), []);

  return { state, busy, error, followUp, reconnecting, request, cancel, leaveContact, dismissError };
}

export type HandoffController = ReturnType<typeof useHandoff>;
