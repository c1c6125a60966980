/** The emulator's command line: flags, the dotenv lines, a clean close on SIGINT/SIGTERM. */
import { parseCliArgs, USAGE } from './cli-args.ts';
import { startEmulator } from './server.ts';
import { writerDotenv } from './writer/dotenv.ts';

export async function main(): Promise<void> {
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`robowrite-emulator: ${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emulator = await startEmulator(options);
  // Dotenv lines first, so a user (or a script) can paste or parse them as-is.
  const prefix = options.provider === 'writerzroom' ? 'WRITERZROOM' : 'ROBOWRITE';
  process.stdout.write(
    'applicationId' in emulator
      ? writerDotenv(emulator)
      : `${prefix}_BASE_URL=${emulator.url}\n${prefix}_API_KEY=${emulator.apiKey}\n`,
  );
  process.stderr.write(`robowrite-emulator listening on ${emulator.url} (Ctrl-C to stop)\n`);
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`robowrite-emulator: ${signal}, closing\n`);
    emulator.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        process.stderr.write(`robowrite-emulator: ${(error as Error).message}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
