#!/usr/bin/env node
/**
 * Each package's `prepack` runs this first. The packages' package.json point `exports` and `bin`
 * at src/ (the workspace runs TypeScript from source) and depend on each other with `workspace:*`;
 * only pnpm rewrites those (publishConfig, workspace: ranges) when it packs. `npm pack` or
 * `npm publish` would ship a package that cannot be installed, so they stop here with one line.
 */
const agent = process.env.npm_config_user_agent ?? '';

if (!agent.startsWith('pnpm/')) {
  process.stderr.write(
    'publish with pnpm: `pnpm release` (changesets) — npm does not rewrite workspace: ranges or publishConfig\n',
  );
  process.exit(1);
}
