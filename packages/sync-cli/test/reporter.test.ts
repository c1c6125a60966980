import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createReporter } from '../src/output/reporter.ts';

/** A real writable stream that remembers what was written and can claim to be a terminal. */
function sink(isTTY: boolean) {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk;
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = isTTY;
  stream.columns = 80;
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

describe('reporter', () => {
  it('draws a progress bar on one line on a terminal', () => {
    const out = sink(true);
    const err = sink(true);
    const reporter = createReporter({ stdout: out.stream, stderr: err.stream, env: {} });
    expect(reporter.interactive).toBe(true);
    reporter.progress(1, 4, 'reading drafts');
    reporter.progress(4, 4, 'reading drafts');
    expect(err.text()).toContain('\r');
    expect(err.text()).toContain('4/4 reading drafts');
    expect(err.text()).not.toContain('\n');
    reporter.line('done');
    expect(out.text()).toBe('done\n');
  });

  it('prints plain lines when CI is set or there is no terminal, and nothing but JSON with --json', () => {
    for (const [isTTY, env] of [
      [true, { CI: '1' }],
      [false, {}],
    ] as const) {
      const out = sink(isTTY);
      const err = sink(isTTY);
      const reporter = createReporter({ stdout: out.stream, stderr: err.stream, env });
      expect(reporter.interactive).toBe(false);
      reporter.progress(1, 2, 'reading');
      reporter.status('job 1: running');
      reporter.status('job 1: running');
      reporter.status('job 1: completed');
      expect(err.text()).toBe('');
      expect(out.text()).toBe('job 1: running\njob 1: completed\n');
    }
    const out = sink(true);
    const quiet = createReporter({
      json: true,
      stdout: out.stream,
      stderr: sink(true).stream,
      env: {},
    });
    quiet.line('hidden');
    quiet.status('hidden');
    expect(out.text()).toBe('');
  });

  it('scrubs secrets from every line', () => {
    const out = sink(false);
    const err = sink(false);
    const reporter = createReporter({
      stdout: out.stream,
      stderr: err.stream,
      env: {},
      secrets: ['rw_secret'],
    });
    reporter.line('key rw_secret');
    reporter.error('bad rw_secret');
    expect(`${out.text()}${err.text()}`).not.toContain('rw_secret');
  });

  it('issue 10 #10: shows controls and newlines in a line inert; a block keeps its lines; a label its colour', () => {
    const out = sink(false);
    const err = sink(false);
    const reporter = createReporter({ stdout: out.stream, stderr: err.stream, env: {} });
    const esc = String.fromCharCode(0x1b);
    reporter.line(
      `job failed: boom\nAll synced OK${esc}]0;pwned\u0007\r`,
      `${esc}[32m+${esc}[39m `,
    );
    reporter.block('first\nsecond');
    expect(out.text()).toBe(
      `${esc}[32m+${esc}[39m job failed: boom\\nAll synced OK\\x0d\nfirst\nsecond\n`,
    );
  });

  it('issue 10 #2: scrubs the key from every string of a JSON document', () => {
    const out = sink(false);
    const reporter = createReporter({
      stdout: out.stream,
      stderr: sink(false).stream,
      env: {},
      json: true,
      secrets: ['rw_secret'],
    });
    reporter.document({ ok: false, error: 'bad rw_secret', jobs: [{ error: 'rw_secret\u202e' }] });
    expect(JSON.parse(out.text())).toEqual({
      ok: false,
      error: 'bad [redacted]',
      jobs: [{ error: '[redacted]\\u202e' }],
    });
  });
});
