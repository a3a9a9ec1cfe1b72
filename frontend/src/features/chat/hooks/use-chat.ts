import { useCallback, useEffect, useReducer, useRef } from 'react';
import { ApiError } from '../../../lib/problem';
import { isAbortError } from '../../../lib/api-client';
import { RECONNECT_DELAYS_MS, waitBeforeRetry } from '../../../lib/reconnect';
import type { ChatEvent } from '../api/chat-events';
import { cancelMessage } from '../api/cancel-message';
import { createConversation } from '../api/create-conversation';
import { getMessages, type Feedback, type Message, type MessageRole, type MessageStatus } from '../api/get-messages';
import { resumeMessageEvents } from '../api/resume-message-events';
import { sendMessage } from '../api/send-message';
import { mergeDelta } from '../utils/merge-delta';

export type ChatMessage = {
  /** Stable React key: a local id until the server names the message, kept afterwards. */
  key: string;
  id: string | null;
  seq: number | null;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  feedback: Feedback | null;
  errorDetail: string | null;
};

export type Connection = 'live' | 'reconnecting' | 'lost';

export type ActiveAnswer = {
  key: string;
  queuePosition: number | null;
  connection: Connection;
  stopping: boolean;
  /** Supervised department: the answer is written and waits for an officer's approval. */
  held: boolean;
};

type State = {
  conversationId: string | null;
  phase: 'ready' | 'loading' | 'loadFailed';
  loadError: unknown;
  messages: ChatMessage[];
  hasMore: boolean;
  loadingOlder: boolean;
  active: ActiveAnswer | null;
  sendError: ApiError | null;
};

type Action =
  | { type: 'reset'; conversationId: string | null; loading: boolean }
  | { type: 'conversationCreated'; conversationId: string }
  | { type: 'loaded'; messages: ChatMessage[]; hasMore: boolean }
  | { type: 'loadFailed'; error: unknown }
  | { type: 'olderLoading' }
  | { type: 'olderLoaded'; messages: ChatMessage[]; hasMore: boolean }
  | { type: 'submitted'; userKey: string; assistantKey: string; content: string }
  | { type: 'rejected'; userKey: string; assistantKey: string; error: ApiError }
  | { type: 'sendError'; error: ApiError | null }
  | { type: 'resuming'; key: string }
  | { type: 'started'; userKey: string; userId: string; assistantKey: string; assistantId: string }
  | { type: 'queued'; key: string; position: number }
  | { type: 'content'; key: string; content: string }
  | { type: 'finished'; key: string; status: MessageStatus; errorDetail: string | null }
  | { type: 'connection'; connection: Connection }
  | { type: 'stopping'; stopping: boolean }
  | { type: 'detached' }
  | { type: 'rated'; key: string; feedback: Feedback }
  | { type: 'relayed'; userKey: string; userId: string; assistantKey: string }
  | { type: 'held'; key: string }
  | { type: 'appended'; messages: ChatMessage[] };

function fromServer(message: Message): ChatMessage {
  return {
    key: message.id,
    id: message.id,
    seq: message.seq,
    role: message.role,
    content: message.content,
    status: message.status,
    feedback: message.feedback ?? null,
    errorDetail: null,
  };
}

function updateMessage(messages: ChatMessage[], key: string, change: (message: ChatMessage) => ChatMessage) {
  return messages.map((message) => (message.key === key ? change(message) : message));
}

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'reset':
      return {
        conversationId: action.conversationId,
        phase: action.loading ? 'loading' : 'ready',
        loadError: null,
        messages: [],
        hasMore: false,
        loadingOlder: false,
        active: null,
        sendError: null,
      };
    case 'conversationCreated':
      return { ...state, conversationId: action.conversationId };
    case 'loaded':
      return { ...state, phase: 'ready', messages: action.messages, hasMore: action.hasMore };
    case 'loadFailed':
      return { ...state, phase: 'loadFailed', loadError: action.error };
    case 'olderLoading':
      return { ...state, loadingOlder: true };
    case 'olderLoaded': {
      const known = new Set(state.messages.map((message) => message.key));
      const older = action.messages.filter((message) => !known.has(message.key));
      return { ...state, loadingOlder: false, hasMore: action.hasMore, messages: [...older, ...state.messages] };
    }
    case 'submitted':
      return {
        ...state,
        sendError: null,
        messages: [
          ...state.messages,
          { key: action.userKey, id: null, seq: null, role: 'USER', content: action.content, status: 'COMPLETE', feedback: null, errorDetail: null },
          { key: action.assistantKey, id: null, seq: null, role: 'ASSISTANT', content: '', status: 'STREAMING', feedback: null, errorDetail: null },
        ],
        active: { key: action.assistantKey, queuePosition: null, connection: 'live', stopping: false, held: false },
      };
    case 'rejected':
      return {
        ...state,
        sendError: action.error,
        active: null,
        messages: state.messages.filter((message) => message.key !== action.userKey && message.key !== action.assistantKey),
      };
    case 'sendError':
      return { ...state, sendError: action.error };
    case 'resuming':
      return { ...state, active: { key: action.key, queuePosition: null, connection: 'live', stopping: false, held: false } };
    case 'started':
      return {
        ...state,
        messages: state.messages.map((message) => {
          if (message.key === action.userKey) return { ...message, id: action.userId };
          if (message.key === action.assistantKey) return { ...message, id: action.assistantId };
          return message;
        }),
      };
    case 'queued':
      return state.active?.key === action.key ? { ...state, active: { ...state.active, queuePosition: action.position } } : state;
    case 'content':
      return {
        ...state,
        messages: updateMessage(state.messages, action.key, (message) => ({ ...message, content: action.content })),
        active:
          state.active?.key === action.key ? { ...state.active, queuePosition: null, connection: 'live' } : state.active,
      };
    case 'finished':
      return {
        ...state,
        messages: updateMessage(state.messages, action.key, (message) => ({
          ...message,
          status: action.status,
          errorDetail: action.errorDetail,
        })),
        active: state.active?.key === action.key ? null : state.active,
      };
    case 'connection':
      return state.active ? { ...state, active: { ...state.active, connection: action.connection } } : state;
    case 'stopping':
      return state.active ? { ...state, active: { ...state.active, stopping: action.stopping } } : state;
    case 'detached':
      return { ...state, active: null };
    case 'rated':
      return { ...state, messages: updateMessage(state.messages, action.key, (message) => ({ ...message, feedback: action.feedback })) };
    case 'relayed':
      // an officer has the conversation: the question went to them and no answer is written
      return {
        ...state,
        active: state.active?.key === action.assistantKey ? null : state.active,
        messages: state.messages
          .filter((message) => message.key !== action.assistantKey)
          .map((message) => (message.key === action.userKey ? { ...message, id: action.userId } : message)),
      };
    case 'held':
      return state.active?.key === action.key ? { ...state, active: { ...state.active, held: true } } : state;
    case 'appended': {
      const known = new Set(state.messages.map((message) => message.id));
      const fresh = action.messages.filter((message) => message.id !== null && !known.has(message.id));
      return fresh.length === 0 ? state : { ...state, messages: [...state.messages, ...fresh] };
    }
  }
}

/** The answer being streamed, as the stream handlers see it (state updates land later than events). */
type LiveStream = {
  conversationId: string;
  key: string;
  id: string | null;
  userKey: string | null;
  content: string;
  finished: boolean;
  cancelRequested: boolean;
};

let localIds = 0;
function localKey(prefix: string) {
  localIds += 1;
  return `local-${prefix}-${localIds}`;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError({ status: 0 });
}

export type UseChatOptions = {
  departmentId: string;
  conversationId: string | null;
  onConversationCreated?: (conversationId: string) => void;
  /** Where the conversations live: citizens' by default, or the staff portal's internal assistant. */
  base?: string;
};

/**
 * One conversation with a department's assistant: history, sending, the streamed answer (with resume after
 * a reload or a lost connection), stop, retry and feedback.
 */
export function useChat({ departmentId, conversationId, onConversationCreated, base }: UseChatOptions) {
  const [state, dispatch] = useReducer(reducer, conversationId, (id) => reducer({} as State, { type: 'reset', conversationId: id, loading: id !== null }));
  const conversationRef = useRef<string | null>(conversationId);
  const streamRef = useRef<LiveStream | null>(null);
  const sessionRef = useRef<AbortController>(new AbortController());
  const onCreatedRef = useRef(onConversationCreated);
  onCreatedRef.current = onConversationCreated;

  const handleEvent = useCallback((stream: LiveStream, event: ChatEvent) => {
    if (streamRef.current !== stream || stream.finished) return;
    switch (event.type) {
      case 'start':
        stream.id = event.assistantMessageId;
        if (stream.userKey) {
          dispatch({ type: 'started', userKey: stream.userKey, userId: event.userMessageId, assistantKey: stream.key, assistantId: event.assistantMessageId });
        }
        if (stream.cancelRequested) {
          cancelMessage({ conversationId: stream.conversationId, messageId: event.assistantMessageId, base }).catch(() => {
            dispatch({ type: 'stopping', stopping: false });
          });
        }
        break;
      case 'queued':
        dispatch({ type: 'queued', key: stream.key, position: event.position });
        break;
      case 'relayed':
        stream.finished = true;
        if (stream.userKey) dispatch({ type: 'relayed', userKey: stream.userKey, userId: event.userMessageId, assistantKey: stream.key });
        break;
      case 'held':
        dispatch({ type: 'held', key: stream.key });
        break;
      case 'delta':
        stream.content = mergeDelta(stream.content, event.text, event.offset);
        dispatch({ type: 'content', key: stream.key, content: stream.content });
        break;
      case 'done':
        stream.finished = true;
        dispatch({ type: 'finished', key: stream.key, status: event.status, errorDetail: null });
        break;
      case 'error':
        stream.finished = true;
        dispatch({ type: 'finished', key: stream.key, status: event.status, errorDetail: event.detail });
        break;
    }
  }, [base]);

  /** Follows an answer through the events endpoint until it ends, reconnecting with backoff. */
  const follow = useCallback(
    async (stream: LiveStream, signal: AbortSignal, reconnecting: boolean) => {
      let attempt = 0;
      if (reconnecting) dispatch({ type: 'connection', connection: 'reconnecting' });
      while (!stream.finished && !signal.aborted && stream.id) {
        let gaveUp = false;
        try {
          await resumeMessageEvents(
            { conversationId: stream.conversationId, messageId: stream.id, lastEventId: stream.content.length, base },
            (event) => handleEvent(stream, event),
            signal,
          );
        } catch (error) {
          if (isAbortError(error) || signal.aborted) return;
          // the answer is gone or not ours any more: retrying will not help
          if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
            gaveUp = true;
          }
        }
        if (stream.finished || signal.aborted) return;
        if (gaveUp || attempt >= RECONNECT_DELAYS_MS.length) {
          dispatch({ type: 'connection', connection: 'lost' });
          return;
        }
        dispatch({ type: 'connection', connection: 'reconnecting' });
        await waitBeforeRetry(RECONNECT_DELAYS_MS[attempt], signal);
        attempt += 1;
      }
    },
    [handleEvent, base],
  );

  // (Re)load when the page asks for another conversation than the one held (not for one this hook created).
  useEffect(() => {
    if (conversationId === conversationRef.current && (conversationId === null || state.phase !== 'loading')) return;
    conversationRef.current = conversationId;
    sessionRef.current.abort();
    const session = new AbortController();
    sessionRef.current = session;
    streamRef.current = null;
    dispatch({ type: 'reset', conversationId, loading: conversationId !== null });
    if (conversationId === null) return;
    getMessages({ conversationId, base }, session.signal).then(
      (page) => {
        if (session.signal.aborted) return;
        const messages = page.messages.map(fromServer);
        dispatch({ type: 'loaded', messages, hasMore: page.hasMore });
        const last = messages.at(-1);
        if (last && last.role === 'ASSISTANT' && last.status === 'STREAMING' && last.id) {
          const stream: LiveStream = {
            conversationId,
            key: last.key,
            id: last.id,
            userKey: null,
            content: last.content,
            finished: false,
            cancelRequested: false,
          };
          streamRef.current = stream;
          dispatch({ type: 'resuming', key: last.key });
          void follow(stream, session.signal, false);
        }
      },
      (error: unknown) => {
        if (!session.signal.aborted) dispatch({ type: 'loadFailed', error });
      },
    );
    // state.phase is read only to tell a first mount from a later one
  }, [conversationId, follow, base]);

  useEffect(() => {
    // a remount (React's strict mode does one) gets a live session again
    if (sessionRef.current.signal.aborted) sessionRef.current = new AbortController();
    return () => sessionRef.current.abort();
  }, []);

  /** The conversation to write in, started first when there is none yet (null when that failed). */
  const ensureConversation = useCallback(async (): Promise<string | null> => {
    if (conversationRef.current) return conversationRef.current;
    const session = sessionRef.current;
    let created: string;
    try {
      created = (await createConversation({ departmentId, base })).id;
    } catch (error) {
      if (!session.signal.aborted) dispatch({ type: 'sendError', error: asApiError(error) });
      return null;
    }
    if (session.signal.aborted) return null;
    conversationRef.current = created;
    dispatch({ type: 'conversationCreated', conversationId: created });
    onCreatedRef.current?.(created);
    return created;
  }, [departmentId, base]);

  const send = useCallback(
    async (content: string): Promise<'sent' | 'rejected'> => {
      if (streamRef.current && !streamRef.current.finished) return 'rejected';
      dispatch({ type: 'sendError', error: null });
      const session = sessionRef.current;
      const targetConversation = await ensureConversation();
      if (!targetConversation) return 'rejected';
      const userKey = localKey('user');
      const assistantKey = localKey('assistant');
      const stream: LiveStream = {
        conversationId: targetConversation,
        key: assistantKey,
        id: null,
        userKey,
        content: '',
        finished: false,
        cancelRequested: false,
      };
      streamRef.current = stream;
      dispatch({ type: 'submitted', userKey, assistantKey, content });
      try {
        await sendMessage({ conversationId: targetConversation, content, base }, (event) => handleEvent(stream, event), session.signal);
      } catch (error) {
        if (isAbortError(error) || session.signal.aborted) return 'sent';
        if (stream.id === null) {
          streamRef.current = null;
          dispatch({ type: 'rejected', userKey, assistantKey, error: asApiError(error) });
          return 'rejected';
        }
      }
      if (stream.finished || session.signal.aborted) return 'sent';
      if (stream.id === null) {
        // the stream closed before the server said anything
        streamRef.current = null;
        dispatch({ type: 'rejected', userKey, assistantKey, error: new ApiError({ status: 0 }) });
        return 'rejected';
      }
      // the connection broke, or closed without an end: pick the answer up where it stopped
      void follow(stream, session.signal, true);
      return 'sent';
    },
    [ensureConversation, follow, handleEvent, base],
  );

  const stop = useCallback(async () => {
    const stream = streamRef.current;
    if (!stream || stream.finished) return;
    dispatch({ type: 'stopping', stopping: true });
    if (!stream.id) {
      stream.cancelRequested = true;
      return;
    }
    try {
      await cancelMessage({ conversationId: stream.conversationId, messageId: stream.id, base });
    } catch (error) {
      dispatch({ type: 'stopping', stopping: false });
      dispatch({ type: 'sendError', error: asApiError(error) });
    }
  }, [base]);

  const reconnect = useCallback(() => {
    const stream = streamRef.current;
    if (!stream || stream.finished) return;
    void follow(stream, sessionRef.current.signal, true);
  }, [follow]);

  const loadOlder = useCallback(async () => {
    const id = conversationRef.current;
    const first = state.messages.find((message) => message.seq !== null);
    if (!id || !first || first.seq === null) return;
    dispatch({ type: 'olderLoading' });
    try {
      const page = await getMessages({ conversationId: id, before: first.seq, base }, sessionRef.current.signal);
      dispatch({ type: 'olderLoaded', messages: page.messages.map(fromServer), hasMore: page.hasMore });
    } catch (error) {
      if (!isAbortError(error)) {
        dispatch({ type: 'olderLoaded', messages: [], hasMore: true });
        dispatch({ type: 'sendError', error: asApiError(error) });
      }
    }
  }, [state.messages, base]);

  const rated = useCallback((key: string, feedback: Feedback) => dispatch({ type: 'rated', key, feedback }), []);
  const dismissError = useCallback(() => dispatch({ type: 'sendError', error: null }), []);
  /** Messages that arrived another way (an officer's, a notice), added once each after the others. */
  const append = useCallback((messages: Message[]) => dispatch({ type: 'appended', messages: messages.map(fromServer) }), []);

  return { state, send, stop, reconnect, loadOlder, rated, dismissError, ensureConversation, append };
}
