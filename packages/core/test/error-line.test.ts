import { describe, expect, it } from 'vitest';
import { errorLine, REDACTED } from '../src/index.ts';

const KEY = 'rw_live_0123456789abcdef';

describe('errorLine (the one-line failure text of the CLI and the loaders)', () => {
  it.each([
    ['a plain message', new Error('GET /content: 503'), 'GET /content: 503'],
    ['newlines folded', new Error('first\n  second\tthird'), 'first second third'],
    ['the key removed', new Error(`bad key ${KEY}`), `bad key ${REDACTED}`],
    [
      'the key URL-encoded removed',
      new Error(`?k=${encodeURIComponent(`${KEY}/`)}`),
      `?k=${REDACTED}%2F`,
    ],
    ['terminal controls dropped', new Error('ok\u001b[2J done\u202e'), 'ok done\\u202e'],
    ['a thrown string', 'plain text', 'plain text'],
    ['an empty message', new TypeError(''), 'TypeError'],
    ['nothing printable', '   ', 'unknown error'],
  ])('%s', (_case, error, expected) => {
    expect(errorLine(error, { secrets: [KEY] })).toBe(expected);
  });
});
