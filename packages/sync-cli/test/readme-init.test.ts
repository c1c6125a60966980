import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { contentConfigSnippet } from '../src/commands/init.ts';
import { DEFAULT_OUT_DIR } from '../src/config/define-config.ts';

/** The first fenced `ts` block after `heading` in the README. */
async function readmeBlockAfter(heading: string): Promise<string> {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf(heading));
  const block = /```ts\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!section.startsWith(heading) || block === undefined) {
    throw new Error(`README.md has no \`ts\` block after "${heading}"`);
  }
  return block;
}

describe('the README', () => {
  // An npm user reads the README before running init: both must import the schema from the
  // package an Astro site installs (issue 9 #4; a pnpm site cannot import the CLI's own core).
  it('shows the content.config.ts snippet init prints, word for word', async () => {
    expect(await readmeBlockAfter('### `robowrite init`')).toBe(
      contentConfigSnippet(DEFAULT_OUT_DIR),
    );
  });
});
