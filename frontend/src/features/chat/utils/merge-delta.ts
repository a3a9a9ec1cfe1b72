/**
 * Appends a streamed piece to the text so far. `offset` is the event id: the answer length once this piece
 * is applied. A resumed stream can repeat characters the client already has; they are skipped.
 */
export function mergeDelta(current: string, text: string, offset: number | null): string {
  if (offset === null) return current + text;
  const start = offset - text.length;
  if (start >= current.length) return current + text;
  if (offset <= current.length) return current;
  return current + text.slice(current.length - start);
}
