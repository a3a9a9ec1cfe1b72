import { useEffect, useState } from 'react';
import { keepFollowing } from '../../../lib/reconnect';
import { followInbox } from '../api/follow-inbox';
import type { Inbox } from '../api/get-inbox';

/**
 * The officer's inbox, live. `clockOffsetMs` is the server's clock minus this browser's, so waiting times
 * count from the server's timestamps without skew.
 */
export function useInbox() {
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [clockOffsetMs, setClockOffsetMs] = useState(0);
  const [reconnecting, setReconnecting] = useState(false);

  useEffect(() => {
    const session = new AbortController();
    void keepFollowing(
      (connected) =>
        followInbox((next) => {
          connected();
          setInbox(next);
          setClockOffsetMs(Date.parse(next.serverTime) - Date.now());
        }, session.signal),
      { signal: session.signal, onReconnecting: setReconnecting },
    );
    return () => session.abort();
  }, []);

  return { inbox, clockOffsetMs, reconnecting };
}
