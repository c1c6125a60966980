#!/usr/bin/env node
// Only the version check and the heap-flags exec (neither imports anything) are imported
// statically: the CLI's modules load undici, which crashes on an older Node before any of our
// code could say why.
import module from 'node:module';
import { execWithPullHeapFlags } from './heap-flags.ts';
import { EXIT_OLD_NODE, nodeVersionProblem } from './node-version.ts';

const problem = nodeVersionProblem(process.versions.node);
if (problem !== null) {
  process.stderr.write(`${problem}\n`);
  process.exitCode = EXIT_OLD_NODE;
} else {
  // A pull replaces this process with itself under V8 flags that keep its heap small (see the
  // module), before anything is loaded; every other command goes on here.
  execWithPullHeapFlags();
  // Node's on-disk compile cache (its documented advice for CLIs; NODE_DISABLE_COMPILE_CACHE=1
  // turns it off): a command that loads core, undici and zod starts about a third faster on
  // every run after the first.
  module.enableCompileCache?.();
  const { run } = await import('./cli.ts');
  process.exitCode = await run(process.argv);
}
