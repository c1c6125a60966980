import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { neutralizeMarkdown } from '@robowrite/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLikeAstro } from '../src/sync/frontmatter.ts';
import { cli, cliEnv, emulator, OUT, project, type TestEmulator } from './helpers.ts';

// Issue 10, item 3: "API HTML and URLs reach the built site". Astro's Markdown pipeline renders
// a synced file's raw HTML and `javascript:` links as they are, so the file on disk must be safe.
const BODY = [
  '# Kept',
  '',
  '<script>alert(1)</script>',
  '',
  'A <img src=x onerror="alert(2)"> and [link](javascript:alert(3)) and `<script>code</script>`.',
  '',
].join('\n');
const SOURCES = [
  { marker: 1, name: 'Good', url: 'https://example.com/good' },
  { marker: 2, name: 'Bad', url: 'javascript:alert(4)' },
];
const FILE = join(OUT, 'hostile-body.md');

describe('robowrite pull writes API HTML and URLs neutralised (issue 10 #3)', () => {
  let emu: TestEmulator;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    emu = await emulator({
      craftedItems: [{ title: 'Hostile body', markdownBody: BODY, sources: SOURCES }],
    });
    env = cliEnv(emu);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('escapes raw HTML, drops unsafe URLs and sources, keeps code and the rest as they are', async () => {
    const dir = await project();
    const result = await cli(dir, ['pull', '--status', 'in_review'], env);
    expect(result.code, result.stderr).toBe(0);
    const file = parseLikeAstro(await readFile(join(dir, FILE), 'utf8'));
    expect(file.body).toBe(neutralizeMarkdown(BODY));
    expect(file.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(file.body).toContain('&lt;img src=x onerror="alert(2)">');
    expect(file.body).toContain('[link](#)');
    expect(file.body).toContain('`<script>code</script>`');
    const robowrite = file.data.robowrite as { sources: { url: string }[] };
    expect(robowrite.sources.map((source) => source.url)).toEqual(['https://example.com/good']);
  });

  it('with allowRawHtml: true in the config, writes raw HTML as the API sent it', async () => {
    const dir = await project();
    await writeFile(
      join(dir, 'robowrite.config.mjs'),
      'export default { allowRawHtml: true };\n',
      'utf8',
    );
    const result = await cli(dir, ['pull', '--status', 'in_review'], env);
    expect(result.code, result.stderr).toBe(0);
    const file = parseLikeAstro(await readFile(join(dir, FILE), 'utf8'));
    expect(file.body).toContain('<script>alert(1)</script>');
    // Markdown link URLs are checked either way.
    expect(file.body).toContain('[link](#)');
  });
});
