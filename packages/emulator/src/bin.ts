#!/usr/bin/env node
// Only the version check is imported statically: on an older Node the server's modules could
// fail at import time before any of our code could say why.
import { EXIT_OLD_NODE, nodeVersionProblem } from './node-version.ts';

const problem = nodeVersionProblem(process.versions.node);
if (problem !== null) {
  process.stderr.write(`${problem}\n`);
  process.exitCode = EXIT_OLD_NODE;
} else {
  const { main } = await import('./main.ts');
  await main().catch((error: unknown) => {
    process.stderr.write(`robowrite-emulator: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
