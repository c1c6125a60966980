import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ViteUserConfig } from 'astro';

type VitePlugin = NonNullable<ViteUserConfig['plugins']>[number];

const MARKDOWN_REMARK = /[\\/]@astrojs[\\/]markdown-remark[\\/]/;

/**
 * The live loader renders with `@astrojs/markdown-remark`, whose index also re-exports its
 * `unified()` processor; that file imports the MDX compiler through the package's private
 * `#mdx-processor` import. So every server bundle holding the live loader parsed all of
 * `@mdx-js/mdx` (tree-shaken away afterwards, but Rolldown warns about its module-level
 * directives on the way). Nothing in a server bundle compiles MDX (`@astrojs/mdx` compiles at
 * build time, in Node, outside the bundle), so this points that import at the package's own
 * stub for bundles, the one its browser condition already uses. If a future version moves the
 * stub, the import resolves as before.
 */
export function markdownWithoutMdx(): VitePlugin {
  return {
    name: '@robowrite/astro-loader/markdown-without-mdx',
    apply: 'build',
    // Before Vite's own resolver, which would follow the package's `imports` map.
    enforce: 'pre',
    resolveId(id: string, importer: string | undefined) {
      if (id !== '#mdx-processor' || importer === undefined || !MARKDOWN_REMARK.test(importer)) {
        return null;
      }
      const stub = join(dirname(importer), 'mdx', 'create-processor-browser.js');
      return existsSync(stub) ? stub : null;
    },
  };
}
