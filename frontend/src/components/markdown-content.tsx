import { useMemo } from 'react';
import { renderMarkdown } from '../lib/markdown';

/** Markdown from the model or staff, rendered through the sanitiser (the only way raw HTML reaches the page). */
export function MarkdownContent({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div className={className ? `markdown ${className}` : 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}
