import { fileURLToPath } from 'node:url';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export const CLI_PULL = here('../children/cli-pull.ts');
export const LOAD_ONLY = here('../children/load-only.ts');
export const ASTRO_BUILD = here('../children/astro-build.ts');
export const GUIDE_LOOP = here('../baseline/guide-loop.ts');
export const BENCH_NODE_MODULES = here('../../node_modules');
export const BLOG_DIR = here('../../../examples/blog');
export const CLI_BIN = here('../../../packages/sync-cli/src/bin.ts');
/** The built bin, as npm users run it (`pnpm build` writes it). */
export const CLI_BUILT_BIN = here('../../../packages/sync-cli/dist/bin.js');
export const CLI_PACKAGE_JSON = here('../../../packages/sync-cli/package.json');
