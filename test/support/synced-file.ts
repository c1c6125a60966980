import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Draft, toFrontmatter } from '@robowrite/core';

/**
 * Writes a draft where `robowrite sync` puts it in the example site: Markdown with the shared
 * frontmatter. The frontmatter is written as JSON, which is valid YAML, so this needs no YAML
 * library and reads back exactly as the CLI's files do.
 */
export async function writeSyncedDraft(siteRoot: string, draft: Draft): Promise<string> {
  const dir = join(siteRoot, 'src/content/robowrite');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${draft.slug}.md`);
  const frontmatter = JSON.stringify(toFrontmatter(draft), null, 2);
  await writeFile(path, `---\n${frontmatter}\n---\n${draft.body}`);
  return path;
}
