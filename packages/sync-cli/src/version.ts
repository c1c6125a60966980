import { createRequire } from 'node:module';

// Read at run time so src/ and dist/ (both one level below package.json) report the same version.
export const CLI_VERSION = (
  createRequire(import.meta.url)('../package.json') as { version: string }
).version;
