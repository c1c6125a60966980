import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The smallest site that uses every package the way its README says: the `synced` collection reads
 * what `robowrite pull` wrote (with robowriteSchema), the `api` collection loads the same drafts
 * with robowriteLoader() at build time, and one page per entry shows its title and body.
 */
const FILES: Record<string, string> = {
  'astro.config.mjs': `import { defineConfig } from 'astro/config';

export default defineConfig({});
`,
  'src/content.config.ts': `import { robowriteLoader, robowriteSchema } from '@robowrite/astro-loader';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  synced: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './src/content/robowrite' }),
    schema: robowriteSchema,
  }),
  api: defineCollection({ loader: robowriteLoader() }),
};
`,
  'src/pages/[collection]/[id].astro': `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const collections = ['synced', 'api'] as const;
  const paths = [];
  for (const collection of collections) {
    for (const entry of await getCollection(collection)) {
      paths.push({ params: { collection, id: entry.id }, props: { entry } });
    }
  }
  return paths;
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en">
  <head><title>{entry.data.title}</title></head>
  <body>
    <h1>{entry.data.title}</h1>
    <Content />
  </body>
</html>
`,
};

export async function writeSiteFiles(root: string): Promise<void> {
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}
