import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const DEMO = resolve(import.meta.dirname, '../scripts/demo.ts');

describe('the demo (`./dev demo`)', () => {
  it('tells the story in four steps, a draft from each provider, builds the blog and prints no warning', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [DEMO], {
      cwd: resolve(import.meta.dirname, '..'),
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(stderr).toBe('');
    const steps = stdout.split('\n').filter((line) => /^\d\. /.test(line));
    expect(steps).toEqual([
      '1. Generate four drafts (RoboWrite x2, WriterzRoom, Writer)',
      '2. Pull every draft into its folder',
      '3. Build examples/blog (astro build): the pulled files and the API loader',
      '4. Where to look',
    ]);
    // Every provider's job ended with a draft.
    expect(stdout).toMatch(/^ {3}RoboWrite: topic autopilot .*: job \S+ ended awaiting_review$/m);
    expect(stdout).toMatch(/^ {3}RoboWrite: brief flow .*: job \S+ ended completed$/m);
    expect(stdout).toMatch(/^ {3}WriterzRoom: .*: job \S+ ended completed$/m);
    expect(stdout).toMatch(/^ {3}Writer: .*: job \S+ ended completed$/m);
    // Each pulled into its own folder, without a failure.
    for (const folder of [
      'examples/blog/src/content/robowrite/',
      'examples/blog/providers/writerzroom/posts/',
      'examples/blog/providers/writer/posts/',
    ]) {
      expect(stdout).toContain(` into ${folder}\n`);
    }
    expect(stdout).toMatch(/^ {3}\[robowrite\] synced \d+ items/m);
    const pages = /^ {3}\d+ pages prerendered into examples\/blog\/dist\/client\/: (.*)$/m.exec(
      stdout,
    )?.[1];
    for (const source of ['api', 'synced', 'writerzroom', 'writer']) {
      expect(pages).toMatch(new RegExp(`(^| )[1-9]\\d* under /${source}/`));
    }
    expect(pages).toMatch(/the index$/);
    expect(stdout).not.toMatch(/warn/i);
  });
});
