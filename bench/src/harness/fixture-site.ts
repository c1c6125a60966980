import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { linkNodeModules } from './site.ts';

const POST_PAGE = `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const posts = await getCollection('posts');
  return posts.map((post) => ({ params: { id: post.id }, props: { post } }));
}

const { post } = Astro.props;
const { Content } = await render(post);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{post.data.title}</title></head>
  <body>
    <h1>{post.data.title}</h1>
    <p>{post.data.pubDate.toISOString().slice(0, 10)} · {post.data.robowrite.status}</p>
    <Content />
  </body>
</html>
`;

const INDEX_PAGE = `---
import { getCollection } from 'astro:content';
const posts = await getCollection('posts');
---
<html lang="en">
  <head><meta charset="utf-8" /><title>Drafts</title></head>
  <body>
    <ul>{posts.map((post) => <li><a href={\`/posts/\${post.id}/\`}>{post.data.title}</a></li>)}</ul>
  </body>
</html>
`;

/**
 * A minimal examples/blog-like site: one collection, a page per post (its body rendered) and an
 * index. The two kinds differ only in the collection's loader.
 */
export async function writeFixtureSite(
  dir: string,
  kind: 'loader' | 'glob',
  statuses: readonly string[],
  nodeModules: string,
): Promise<void> {
  await mkdir(join(dir, 'src/pages/posts'), { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: `bench-site-${kind}`, private: true, type: 'module' })}\n`,
  );
  await writeFile(join(dir, 'astro.config.mjs'), 'export default {};\n');
  const collection =
    kind === 'loader'
      ? `import { robowriteLoader } from '@robowrite/astro-loader';
import { defineCollection } from 'astro:content';

export const collections = {
  posts: defineCollection({
    loader: robowriteLoader({ statuses: ${JSON.stringify(statuses)}, clientOptions: { rateLimit: false } }),
  }),
};
`
      : `import { robowriteSchema } from '@robowrite/astro-loader';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  posts: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './src/content/posts' }),
    schema: robowriteSchema,
  }),
};
`;
  await writeFile(join(dir, 'src/content.config.ts'), collection);
  await writeFile(join(dir, 'src/pages/posts/[id].astro'), POST_PAGE);
  await writeFile(join(dir, 'src/pages/index.astro'), INDEX_PAGE);
  await linkNodeModules(dir, nodeModules);
}
