/**
 * The word-count rule every `word_count` follows, exported so clients and tests can check it:
 * runs of letters or digits, optionally joined by an apostrophe or hyphen. Markdown punctuation
 * (`#`, `|`, `-`, `*`) is not a word.
 */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function countWords(markdown: string): number {
  return markdown.match(WORD)?.length ?? 0;
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug === '' ? 'untitled' : slug;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
