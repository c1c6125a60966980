// Loads the CLI's modules and does nothing else: the RSS floor a pull starts from (Node itself,
// type stripping of the workspace's TypeScript sources, undici, zod, ...).
import { reportResult } from '../harness/child.ts';

const started = performance.now();
await import('@robowrite/sync-cli');
reportResult({ wallMs: performance.now() - started });
