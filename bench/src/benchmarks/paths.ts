import { fileURLToPath } from 'node:url';
import { PULL_NODE_FLAGS } from '@robowrite/sync-cli';
import type { ChildScript } from '../harness/child.ts';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * Node's flag that resolves the workspace packages to their built `dist/` (the `robowrite-built`
 * condition in each package's exports), as an installed package resolves.
 */
export const BUILT_PACKAGES = '--conditions=robowrite-built';

/**
 * A measured child as users run the code: JavaScript compiled by `tsconfig.children.json`,
 * over the built packages, with the Node flags given.
 */
const built = (relative: string, nodeArgs: readonly string[] = []): ChildScript => ({
  script: here(`../../dist/${relative}`),
  nodeArgs: [BUILT_PACKAGES, ...nodeArgs],
});

/** `pull()` under the Node flags the bin runs a pull with (sync-cli's heap-flags.ts). */
export const CLI_PULL = built('children/cli-pull.js', PULL_NODE_FLAGS);
/** The same pull under V8's defaults, for the diagnostic row that shows what the flags change. */
export const CLI_PULL_V8_DEFAULTS = built('children/cli-pull.js');
export const LOAD_ONLY = built('children/load-only.js');
export const GUIDE_LOOP = built('baseline/guide-loop.js');
export const ASTRO_BUILD = here('../children/astro-build.ts');
export const BENCH_NODE_MODULES = here('../../node_modules');
export const BLOG_DIR = here('../../../examples/blog');
export const CLI_BIN = here('../../../packages/sync-cli/src/bin.ts');
/** The built bin, as npm users run it (`pnpm build` writes it). */
export const CLI_BUILT_BIN = here('../../../packages/sync-cli/dist/bin.js');
export const CLI_PACKAGE_JSON = here('../../../packages/sync-cli/package.json');
