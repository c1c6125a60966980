import { startEmulator } from '@robowrite/emulator';

/**
 * Where the examples send requests: the real API when ROBOWRITE_BASE_URL and ROBOWRITE_API_KEY
 * are set, otherwise a local emulator started in-process (fast jobs), closed by `done()`.
 */
export async function target(): Promise<{
  apiKey: string;
  baseURL: string;
  intervalMs: number;
  done: () => Promise<void>;
}> {
  const { ROBOWRITE_API_KEY: apiKey, ROBOWRITE_BASE_URL: baseURL } = process.env;
  if (apiKey && baseURL) return { apiKey, baseURL, intervalMs: 15_000, done: async () => {} };
  const emu = await startEmulator({ port: 0, jobDurationMs: 500 });
  return { apiKey: emu.apiKey, baseURL: emu.url, intervalMs: 100, done: () => emu.close() };
}
