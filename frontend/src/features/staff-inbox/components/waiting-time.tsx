import { useEffect, useState } from 'react';

/** Minutes and seconds since `since` by the server's clock (`offsetMs` = server minus browser). */
export function formatWaited(since: string | null | undefined, now: number, offsetMs: number): string {
  if (!since) return '0:00';
  const seconds = Math.max(0, Math.floor((now + offsetMs - Date.parse(since)) / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The current time, refreshed every second (for waiting times that count up). */
export function useTicker(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
