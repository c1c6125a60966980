// The emulator in a process of its own, so a measured child shares the machine with it the way a
// real API shares nothing: the bench's own work (and the emulator's) is off the measured
// process's event loop and out of its RSS. Driven over IPC by harness/emulator-process.ts.
// Args: <EmulatorOptions as JSON>.
import { type EmulatorOptions, startEmulator } from '@robowrite/emulator';

type Request = { type: 'stats'; id: number } | { type: 'close' };

const options = JSON.parse(process.argv[2] ?? '{}') as EmulatorOptions;
const emu = await startEmulator({ port: 0, queuedAckRate: 0, ...options });
process.on('message', (message: Request) => {
  if (message.type === 'stats') {
    // CPU time too: the emulator serves on one thread, so its busy time bounds a client's wall.
    const { user, system } = process.cpuUsage();
    const stats = { ...emu.stats(), cpuMs: (user + system) / 1000 };
    process.send?.({ type: 'stats', id: message.id, stats });
  } else if (message.type === 'close') {
    void emu.close().finally(() => process.exit(0));
  }
});
// The parent going away (a crashed bench) ends this process too.
process.on('disconnect', () => {
  void emu.close().finally(() => process.exit(0));
});
process.send?.({ type: 'ready', url: emu.url, apiKey: emu.apiKey });
