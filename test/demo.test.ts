import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const DEMO = resolve(import.meta.dirname, '../scripts/demo.ts');

describe('the demo (`./dev demo`)', () => {
  it('tells the story in four steps, builds the blog and prints no warning', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [DEMO], {
      cwd: resolve(import.meta.dirname, '..'),
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(stderr).toBe('');
    const steps = stdout.split('\n').filter((line) => /^\d\. /.test(line));
    expect(steps).toEqual([
      '1. Generate two drafts',
      '2. Pull every draft into examples/blog/src/content/robowrite/',
      '3. Build examples/blog (astro build): the pulled files and the API loader',
      '4. Where to look',
    ]);
    expect(stdout).toMatch(/job \S+ ended awaiting_review$/m);
    expect(stdout).toMatch(/job \S+ ended completed$/m);
    expect(stdout).toMatch(/^ {3}\[robowrite\] synced \d+ items/m);
    expect(stdout).toMatch(/^ {3}\d+ pages prerendered into examples\/blog\/dist\/client\/: /m);
    expect(stdout).not.toMatch(/warn/i);
  });
});
