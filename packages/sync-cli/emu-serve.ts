import { startEmulator } from '@robowrite/emulator';

const emu = await startEmulator({ port: 4777, jobDurationMs: 300, rateLimit: false });
console.log(emu.url, emu.apiKey);
