import type { RoboWrite } from '@robowrite/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeError } from '../src/errors.ts';
import { robowriteLoader } from '../src/index.ts';
import { adminClient, type Emulator, fastEmulator } from './support/emulator.ts';
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

describe('issue 10 #2, #10: describeError scrubs the key and terminal controls', () => {
  it('an error message with the key, escapes, a CR overwrite and a bidi override', () => {
    const line = describeError(new Error(`bad gateway for ${KEY} ${HOSTILE}`), KEY);
    expect(line).not.toContain(KEY);
    expect(line).toContain('bad gateway for [redacted]');
    expectInert(line);
  });
});

describe('issue 10 #10: the loader logs server text inert', () => {
  let emu: Emulator;
  let client: RoboWrite;
  let proxy: RewritingProxy | undefined;

  beforeEach(async () => {
    emu = await fastEmulator();
    client = adminClient(emu);
  });
  afterEach(async () => {
    await proxy?.close();
    await emu.close();
  });

  it('a slug with escapes and the key, shared by two items, gives a warning without either', async () => {
    // Slugs are unique within a brand: a published item and the in-review one (two brands) can
    // share one. The proxy then serves that slug as one no real API should send.
    const items = [];
    for (const status of ['published', 'in_review']) {
      for await (const item of client.content.list({ status })) items.push(item);
    }
    const published = items.find((item) => item.status === 'published');
    const inReview = items.find((item) => item.status === 'in_review');
    if (!published || !inReview) throw new Error('the demo fixture has items in both statuses');
    await client.content.update(published.id, { slug: 'shared-slug' });
    await client.content.update(inReview.id, { slug: 'shared-slug' });
    const hostileSlug = `shared-${emu.apiKey}-${HOSTILE}`;
    proxy = await textRewritingProxy(emu.url, (body) =>
      body.split('"shared-slug"').join(JSON.stringify(hostileSlug)),
    );

    const context = mockContext();
    await robowriteLoader({ apiKey: emu.apiKey, baseURL: proxy.url }).load(context);
    const warnings = context.logs.filter((log) => log.level === 'warn').map((log) => log.message);
    expect(warnings).toEqual([expect.stringContaining('share the id "shared-[redacted]-')]);
    for (const warning of warnings) expectInert(warning);
    for (const log of context.logs) expect(log.message).not.toContain(emu.apiKey);
  });
});
