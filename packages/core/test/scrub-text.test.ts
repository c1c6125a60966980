import { describe, expect, it } from 'vitest';
import { MIN_SECRET_LENGTH, scrubDeep, scrubText } from '../src/index.ts';

const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);
const KEY = 'rw_live_0123456789abcdef';

describe('issue 10 #2, #10: scrubText', () => {
  it('removes the key, also URL-encoded and split by an escape sequence', () => {
    const key = 'rw/live+key=0123';
    const text = `a ${key} b ${encodeURIComponent(key)} c rw/live${ESC}[0m+key=0123`;
    const out = scrubText(text, [key]);
    expect(out).not.toContain(key);
    expect(out).not.toContain(encodeURIComponent(key));
    expect(out).toBe('a [redacted] b [redacted] c [redacted]');
  });

  it(`leaves keys shorter than ${MIN_SECRET_LENGTH} characters alone`, () => {
    expect(scrubText('a short abc text', ['abc', undefined, ''])).toBe('a short abc text');
  });

  it('drops CSI and OSC sequences and shows other controls visibly', () => {
    const hostile = `${ESC}[2J${ESC}]0;pwned${BEL}failed\rall synced OK\u202Etxt.exe${ESC}P1$r${ESC}\\`;
    const out = scrubText(hostile, [KEY]);
    expect(out).toBe('failed\\x0dall synced OK\\u202etxt.exe');
    expect(out).not.toContain(ESC);
    expect(out).not.toContain('\r');
  });

  it('shows newlines as \\n unless asked to keep them; keeps tabs', () => {
    expect(scrubText('a\n\tb', [])).toBe('a\\n\tb');
    expect(scrubText('a\n\tb', [], { keepNewlines: true })).toBe('a\n\tb');
  });

  it('neutralises C1 controls and bidi isolates', () => {
    expect(scrubText('a\u009b2Jb\u2066c\u2069', [])).toBe('a\\x9b2Jb\\u2066c\\u2069');
  });

  it('scrubDeep scrubs every string and key of a document, keeping other values', () => {
    const doc = {
      ok: false,
      n: 1,
      list: [`x ${KEY}`, null],
      [`${ESC}[2Jid`]: { error: `${KEY}\r` },
    };
    expect(scrubDeep(doc, [KEY])).toEqual({
      ok: false,
      n: 1,
      list: ['x [redacted]', null],
      id: { error: '[redacted]\\x0d' },
    });
  });
});
