import type { WriterEmulator } from './server.ts';

/** The bin's three lines for `--provider writer`: the names the official SDK and our CLI read. */
export function writerDotenv(emulator: WriterEmulator): string {
  return [
    `WRITER_BASE_URL=${emulator.url}`,
    `WRITER_API_KEY=${emulator.apiKey}`,
    `WRITER_APPLICATION_ID=${emulator.applicationId}`,
    '',
  ].join('\n');
}
