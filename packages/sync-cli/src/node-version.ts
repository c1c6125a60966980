/**
 * The engines range of package.json, checked by the bin before it loads anything else: on an older
 * Node the HTTP stack (undici) fails at import time with a TypeError that says nothing about Node.
 * Plain code with no imports, so it runs on any Node that can load an ES module. Its twin is in
 * packages/emulator: the two packages share no dependency this could live in without loading more
 * than this file, and each test pins MIN_NODE to its own package.json engines.
 */
export const MIN_NODE = '22.22.0';

/** Exit code for "this Node is too old": 2, the usage/config code. */
export const EXIT_OLD_NODE = 2;

/** The one line to print when `version` (a `process.versions.node`) is below MIN_NODE, else null. */
export function nodeVersionProblem(version: string): string | null {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  const [minMajor = 0, minMinor = 0, minPatch = 0] = MIN_NODE.split('.').map(Number);
  const ok =
    major !== minMajor
      ? major > minMajor
      : minor !== minMinor
        ? minor > minMinor
        : patch >= minPatch;
  if (ok) return null;
  return `robowrite needs Node.js >= ${MIN_NODE} (this is ${version}); see https://nodejs.org`;
}
