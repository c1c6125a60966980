import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** The README's examples, run as real processes against their in-process emulator. */
async function example(name: string): Promise<string> {
  const env = { ...process.env };
  delete env.ROBOWRITE_API_KEY;
  delete env.ROBOWRITE_BASE_URL;
  const { stdout } = await run(process.execPath, [`examples/${name}.ts`], {
    cwd: new URL('..', import.meta.url),
    env,
    timeout: 30_000,
  });
  return stdout;
}

describe('examples', () => {
  it('topic-flow reaches awaiting_review and prints the draft', async () => {
    const out = await example('topic-flow');
    expect(out).toMatch(/ended awaiting_review/);
    expect(out).toMatch(/draft "Remote work productivity" v1/);
  }, 40_000);

  it('brief-flow completes with inline links', async () => {
    const out = await example('brief-flow');
    expect(out).toMatch(/ended completed/);
    expect(out).toMatch(/with [1-9]\d* inline links/);
  }, 40_000);

  it('list-drafts walks every item', async () => {
    expect(await example('list-drafts')).toMatch(/\d+ items in total/);
  }, 40_000);
});
