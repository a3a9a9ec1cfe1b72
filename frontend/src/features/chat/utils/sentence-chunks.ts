// Sentence ends in English and Chinese, and line breaks (list items, paragraphs).
const BOUNDARY = /[.!?。！？；;:：]["'”’」』)）]*(?=\s|$)|[。！？；]|\n/g;

/**
 * Where the text's last complete sentence (or line) ends, searching from `from` on; `from` when no sentence
 * has been completed since. Lets a screen reader hear an answer sentence by sentence, not token by token.
 */
export function completedSentencesEnd(text: string, from: number): number {
  let end = from;
  BOUNDARY.lastIndex = from;
  for (let match = BOUNDARY.exec(text); match; match = BOUNDARY.exec(text)) {
    end = match.index + match[0].length;
  }
  return end;
}

/** Markdown markers read aloud as noise ("asterisk asterisk") are dropped from announcements. */
export function speakable(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, '')
    .replace(/^\s{0,3}(#{1,6}|[-*+]|\d+[.)]|>)\s+/gm, '')
    .replace(/\*\*|__|[*_`~]/g, '')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\|/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
