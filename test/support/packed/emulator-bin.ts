import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { userEnv } from './run.ts';

export interface EmulatorProcess {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

/**
 * The installed `robowrite-emulator` bin on a free port. It prints two dotenv lines
 * (ROBOWRITE_BASE_URL, ROBOWRITE_API_KEY) once it listens; those are what a user pastes.
 */
export function startEmulatorBin(siteRoot: string): Promise<EmulatorProcess> {
  const child = spawn(
    join(siteRoot, 'node_modules/.bin/robowrite-emulator'),
    ['--port', '0', '--job-duration', '50ms', '--rate-limit', 'off'],
    { cwd: siteRoot, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  return new Promise((ready, fail) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /^ROBOWRITE_BASE_URL=(.+)$/m.exec(stdout)?.[1];
      const apiKey = /^ROBOWRITE_API_KEY=(.+)$/m.exec(stdout)?.[1];
      if (!url || !apiKey) return;
      ready({
        url,
        apiKey,
        close: () =>
          new Promise((closed) => {
            if (child.exitCode !== null) return closed();
            child.on('close', () => closed());
            child.kill('SIGTERM');
          }),
      });
    });
    child.on('error', fail);
    child.on('close', (code) =>
      fail(new Error(`robowrite-emulator exited (${code}) before listening:\n${stdout}${stderr}`)),
    );
  });
}
