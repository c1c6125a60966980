import { spawnSync } from 'node:child_process';

const INSTALL_HINT = 'run `./dev test` as root (installs it) or `apt-get install';

/** Throws, naming the Debian package to install, when a command the guide's script uses is missing. */
export function requireCommands(commands: Record<string, string>): void {
  for (const [command, debianPackage] of Object.entries(commands)) {
    const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
    if (!found) throw new Error(`${command} not found: ${INSTALL_HINT} ${debianPackage}\``);
  }
}

/** Throws when the system Python cannot import httpx (the guide's Python workflow needs it). */
export function requirePythonHttpx(python: string): void {
  const result = spawnSync(python, ['-c', 'import httpx']);
  if (result.status !== 0) {
    throw new Error(`Python httpx not found for ${python}: ${INSTALL_HINT} python3-httpx\``);
  }
}
