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
  /** The live stream being followed, and how to stop it. */
  const followingRef = useRef<{ id: string; stop: AbortController } | null>(null);
  const requestingRef = useRef(false);
  const lastIdRef = useRef(0);
  const onMessagesRef = useRef(onMessages);
  onMessagesRef.current = onMessages;
  const lastSeqRef = useRef(lastSeq);
  lastSeqRef.current = lastSeq;

  /**
   * Follows the conversation while it is with an officer; reconnects until it no longer is, or until this
   * page learns otherwise itself (the citizen left a contact or went back to the assistant).
   */
  const follow = useCallback(async (id: string) => {
    if (followingRef.current?.id === id) return;
    const following = { id, stop: new AbortController() };
    followingRef.current = following;
    const signal = following.stop.signal;
    const session = sessionRef.current.signal;
    const endWithSession = () => following.stop.abort();
    session.addEventListener('abort', endWithSession, { once: true });
    if (session.aborted) following.stop.abort();
    // an event of a stream this page stopped following is older than what the page knows: ignored
    const current = () => followingRef.current === following && !signal.aborted;
    let over = false;
    try {
      await keepFollowing(
        (connected) =>
          followConversation(
            { conversationId: id, lastEventId: Math.max(lastIdRef.current, lastSeqRef.current()) },
            (event) => {
              if (!current()) return;
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
        { signal, finished: () => over || !current(), onReconnecting: setReconnecting },
      );
    } finally {
      session.removeEventListener('abort', endWithSession);
      if (followingRef.current === following) followingRef.current = null;
    }
  }, []);

  /** The conversation left the officers' hands by this page's own request: its live stream is done. */
  const stopFollowing = useCallback(() => {
    const following = followingRef.current;
    followingRef.current = null;
    following?.stop.abort();
    setReconnecting(false);
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
        setFollowUp(null); // a reference from an earlier request is not this one's
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
      const next = await cancelHandoff({ conversationId });
      stopFollowing();
      setState(next);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }, [conversationId, stopFollowing]);

  /** Leaves a contact (or, without one, takes a case reference); false when the server refused it. */
  const leaveContact = useCallback(
    async (contact: string | null): Promise<boolean> => {
      if (!conversationId) return false;
      setBusy(true);
      setError(null);
      let left: FollowUp;
      try {
        left = await leaveFollowUp({ conversationId, contact: contact ?? undefined });
      } catch (failure) {
        setError(asApiError(failure));
        setBusy(false);
        return false;
      }
      // the conversation is back with the assistant and the request waits in the inbox
      stopFollowing();
      setFollowUp(left);
      try {
        setState(await getHandoff({ conversationId }));
      } catch {
        // stored all the same: show what the server does with a follow-up
        setState((previous) =>
          previous
            ? { ...previous, status: 'ACTIVE', phase: 'FOLLOW_UP', caseReference: left.caseReference, contactLeft: Boolean(left.contact) }
            : previous,
        );
      } finally {
        setBusy(false);
      }
      return true;
    },
    [conversationId, stopFollowing],
  );

  const dismissError = useCallback(() => setError(null), []);

  return { state, busy, error, followUp, reconnecting, request, cancel, leaveContact, dismissError };
}

export type HandoffController = ReturnType<typeof useHandoff>;
