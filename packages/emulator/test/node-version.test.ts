import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXIT_OLD_NODE, MIN_NODE, nodeVersionProblem } from '../src/node-version.ts';

const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));

/** A preload that makes this Node report an old version, so the real bin sees an old Node. */
const pretendNode = (version: string): string =>
  `data:text/javascript,${encodeURIComponent(
    `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '${version}' } });`,
  )}`;

describe('the Node.js version check', () => {
  it('matches the engines range of package.json', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.engines.node).toBe(`>=${MIN_NODE}`);
  });

  it('accepts 22.22 and later, rejects anything older with one line', () => {
    for (const ok of ['22.22.0', '22.22.1', '22.30.0', '23.0.0', '24.21.0', '100.0.0']) {
      expect(nodeVersionProblem(ok)).toBeNull();
    }
    for (const old of ['22.21.9', '22.0.0', '20.20.2', '18.19.0']) {
      expect(nodeVersionProblem(old)).toBe(
        `robowrite-emulator needs Node.js >= 22.22.0 (this is ${old}); see https://nodejs.org`,
      );
    }
  });

  it('the bin says so and exits 2 before loading anything else', async () => {
    const run = promisify(execFile)(process.execPath, [
      '--import',
      pretendNode('20.20.2'),
      BIN,
      '--port',
      '0',
    ]);
    await expect(run).rejects.toMatchObject({
      code: EXIT_OLD_NODE,
      stdout: '',
      stderr:
        'robowrite-emulator needs Node.js >= 22.22.0 (this is 20.20.2); see https://nodejs.org\n',
    });
    expect(EXIT_OLD_NODE).toBe(2);
  });
});
