#!/usr/bin/env node
// Only the version check is imported statically: the CLI's modules load undici, which crashes
// on an older Node before any of our code could say why.
import { EXIT_OLD_NODE, nodeVersionProblem } from './node-version.ts';

const problem = nodeVersionProblem(process.versions.node);
if (problem !== null) {
  process.stderr.write(`${problem}\n`);
  process.exitCode = EXIT_OLD_NODE;
} else {
  const { run } = await import('./cli.ts');
  process.exitCode = await run(process.argv);
}
