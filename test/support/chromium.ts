import { accessSync, constants } from 'node:fs';

/** Debian's chromium, which `./dev test` (via .ci/system-deps.sh) installs. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Throws, naming what to install, when Chromium is missing. Called at import time so the file
 * fails (a failed `beforeAll` would report its tests as skipped, and a test is never skipped).
 */
export function requireChromium(): string {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(
      `chromium not found at ${CHROMIUM}: run \`./dev test\` as root (installs it) or \`apt-get install chromium\``,
    );
  }
  return CHROMIUM;
}
