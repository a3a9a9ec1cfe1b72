/** How long to wait before each new attempt to reach a live stream again. */
export const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15000];

/** The delay before attempt `attempt` (0-based); the last delay repeats. */
export function reconnectDelay(attempt: number): number {
  return RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)];
}

/** Waits `ms`, or less when the browser comes back online (worth trying at once) or `signal` aborts. */
export function waitBeforeRetry(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      window.clearTimeout(timer);
      window.removeEventListener('online', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = window.setTimeout(done, ms);
    window.addEventListener('online', done);
    signal.addEventListener('abort', done);
  });
}

type KeepFollowingOptions = {
  signal: AbortSignal;
  /** Checked after the stream ends or breaks: true when there is nothing more to follow. */
  finished?: () => boolean;
  /** Told when the stream is being reconnected (true) and when events flow again (false). */
  onReconnecting?: (reconnecting: boolean) => void;
};

/** A stream the server ends sooner than this after opening it is reopened with backoff, not at once. */
const SHORT_LIVED_MS = 2000;

/**
 * Keeps a server-sent event stream open: `open(connected)` reads it to its end; after the server ended it
 * (a time limit) it is opened again at once, after a broken connection (or one the server keeps ending right
 * away) with backoff. Stops when `finished()` says so, when the server refuses (a 4xx other than 429: gone,
 * or no longer allowed), or when `signal` aborts. `open` calls `connected()` when an event arrives, which resets the backoff.
 */
export async function keepFollowing(open: (connected: () => void) => Promise<void>, options: KeepFollowingOptions): Promise<void> {
  const { signal, finished = () => false, onReconnecting } = options;
  let attempt = 0;
  const connected = () => {
    attempt = 0;
    onReconnecting?.(false);
  };
  try {
    while (!signal.aborted) {
      const opened = Date.now();
      try {
        await open(connected);
        if (finished() || signal.aborted) return;
        if (Date.now() - opened >= SHORT_LIVED_MS) continue;
      } catch (failure) {
        if (signal.aborted || finished()) return;
        const status = (failure as { status?: unknown }).status;
        if (typeof status === 'number' && status >= 400 && status < 500 && status !== 429) return;
      }
      onReconnecting?.(true);
      await waitBeforeRetry(reconnectDelay(attempt), signal);
      attempt += 1;
    }
  } finally {
    onReconnecting?.(false);
  }
}
