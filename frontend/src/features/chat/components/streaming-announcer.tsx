import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveAnswer, ChatMessage } from '../hooks/use-chat';
import { completedSentencesEnd, speakable } from '../utils/sentence-chunks';

type Announcement = { id: number; text: string };

/**
 * The polite live region for an answer being written: it speaks each sentence once it is complete (not every
 * token, and never the whole answer again), the queue position, and how the answer ended.
 */
export function StreamingAnnouncer({ messages, active }: { messages: ChatMessage[]; active: ActiveAnswer | null }) {
  const { t } = useTranslation();
  const [announcements, setAnnouncements] = useState<Announcement[]>([]);
  const trackedRef = useRef<{ key: string; spokenUpTo: number } | null>(null);
  const nextIdRef = useRef(0);
  const lastQueueRef = useRef<number | null>(null);

  const tracked = trackedRef.current;
  const trackedMessage = tracked ? messages.find((message) => message.key === tracked.key) : undefined;
  const activeMessage = active ? messages.find((message) => message.key === active.key) : undefined;

  function announce(text: string) {
    if (!text) return;
    nextIdRef.current += 1;
    const id = nextIdRef.current;
    setAnnouncements((current) => [...current.slice(-4), { id, text }]);
  }

  // start following a new answer from what is already on screen (a resumed answer is not read again)
  useEffect(() => {
    if (activeMessage && trackedRef.current?.key !== activeMessage.key) {
      trackedRef.current = { key: activeMessage.key, spokenUpTo: activeMessage.content.length };
      lastQueueRef.current = null;
    }
  }, [activeMessage]);

  useEffect(() => {
    const position = active?.queuePosition ?? null;
    if (position !== null && position !== lastQueueRef.current) announce(t('chat.queued', { position }));
    lastQueueRef.current = position;
  }, [active?.queuePosition]);

  useEffect(() => {
    const current = trackedRef.current;
    if (!current || !trackedMessage) return;
    const { content, status } = trackedMessage;
    if (status === 'STREAMING') {
      const end = completedSentencesEnd(content, current.spokenUpTo);
      if (end > current.spokenUpTo) {
        announce(speakable(content.slice(current.spokenUpTo, end)));
        current.spokenUpTo = end;
      }
      return;
    }
    const rest = speakable(content.slice(current.spokenUpTo));
    const ending =
      status === 'COMPLETE'
        ? t('chat.answerDone')
        : status === 'CANCELLED'
          ? t('chat.cancelled')
          : (trackedMessage.errorDetail ?? t(status === 'PARTIAL' ? 'chat.partial' : 'chat.failed'));
    announce([rest, ending].filter(Boolean).join(' '));
    trackedRef.current = null;
  }, [trackedMessage?.content, trackedMessage?.status]);

  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="false" data-testid="answer-announcer">
      {announcements.map((announcement) => (
        <p key={announcement.id}>{announcement.text}</p>
      ))}
    </div>
  );
}
