// Loads the CLI's modules and does nothing else: the RSS floor a pull starts from (Node itself,
// undici, zod, YAML, micromark, ...). Run compiled, over the built packages (benchmarks/paths.ts).
import { reportResult } from '../harness/child.ts';

const started = performance.now();
await import('@robowrite/sync-cli');
reportResult({ wallMs: performance.now() - started });
