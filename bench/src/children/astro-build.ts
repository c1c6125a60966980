// One `astro build` in its own process (programmatic `build()`), so its peak RSS is its own.
// Args: <site root>.
import { build } from 'astro';
import { reportResult } from '../harness/child.ts';

const root = process.argv[2];
if (!root) throw new Error('usage: astro-build <root>');
const started = performance.now();
await build({ root, logLevel: 'error' });
reportResult({ wallMs: performance.now() - started });
