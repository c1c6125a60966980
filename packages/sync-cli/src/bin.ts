#!/usr/bin/env node
// Only the version check is imported statically: the CLI's modules load undici, which crashes
// on an older Node before any of our code could say why.
import module from 'node:module';
import { EXIT_OLD_NODE, nodeVersionProblem } from './node-version.ts';

const problem = nodeVersionProblem(process.versions.node);
if (problem !== null) {
  process.stderr.write(`${problem}\n`);
  process.exitCode = EXIT_OLD_NODE;
} else {
  // Node's on-disk compile cache (its documented advice for CLIs; NODE_DISABLE_COMPILE_CACHE=1
  // turns it off): a command that loads core, undici and zod starts about a third faster on
  // every run after the first.
  module.enableCompileCache?.();
  const { run } = await import('./cli.ts');
  process.exitCode = await run(process.argv);
}
