import { errorLine } from '@robowrite/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { robowriteLoader } from '../src/index.ts';
import { type Emulator, fastEmulator } from './support/emulator.ts';
import { mockContext } from './support/mock-context.ts';
import { type RewritingProxy, textRewritingProxy } from './support/text-rewriting-proxy.ts';

const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);
const KEY = 'rw_live_0123456789abcdef';
const HOSTILE = `${ESC}[2J${ESC}]0;pwned${BEL}\rall synced OK \u202Etxt.exe`;

/** No terminal control survives, and the words are still there to read. */
function expectInert(line: string): void {
  expect(line).not.toContain(ESC);
  expect(line).not.toContain('\r');
  expect(line).not.toContain(BEL);
  expect(line).not.toContain('\u202E');
  expect(line).toContain('all synced OK');
}

describe('issue 10 #2, #10: errorLine (core) scrubs the key and terminal controls', () => {
  it('an error message with the key, escapes, a CR overwrite and a bidi override', () => {
    const line = errorLine(new Error(`bad gateway for ${KEY} ${HOSTILE}`), { secrets: [KEY] });
    expect(line).not.toContain(KEY);
    expect(line).toContain('bad gateway for [redacted]');
    expectInert(line);
  });
});

describe('issue 10 #10: the loader logs server text inert', () => {
  let emu: Emulator;
  let proxy: RewritingProxy | undefined;

  beforeEach(async () => {
    emu = await fastEmulator();
  });
  afterEach(async () => {
    await proxy?.close();
    await emu.close();
  });

  it('a hostile date with escapes and the key makes an error line without either', async () => {
    // Every version date is served as text no real API should send; the loader leaves each item
    // out with one error line that quotes the bad value (core's InvalidEntryError).
    const hostileDate = `not-a-date ${emu.apiKey} ${HOSTILE}`;
    proxy = await textRewritingProxy(emu.url, (body) =>
      body.replace(/"created_at":"[^"]*"/g, `"created_at":${JSON.stringify(hostileDate)}`),
    );

    const context = mockContext();
    await robowriteLoader({ apiKey: emu.apiKey, baseURL: proxy.url }).load(context);
    const errors = context.logs.filter((log) => log.level === 'error').map((log) => log.message);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      // The quoted value is cut short, so only the start of the hostile text is there to read.
      expect(error).toContain('not-a-date [redacted]');
      for (const control of [ESC, '\r', BEL, '\u202E']) expect(error).not.toContain(control);
    }
    for (const log of context.logs) expect(log.message).not.toContain(emu.apiKey);
  });
});
