// Run as its own Node process by client-reuse.test.ts: one build-time sync and one live request
// against the emulator at argv[2] with key argv[3], then nothing: no client is closed. The process
// must still exit by itself, as `astro build` has to once its loaders are done.
import { robowriteLiveLoader, robowriteLoader } from '../../src/index.ts';
import { mockContext } from './mock-context.ts';

const [baseURL, apiKey] = process.argv.slice(2);
const options = { apiKey, baseURL };
await robowriteLoader(options).load(mockContext());
const live = await robowriteLiveLoader(options).loadCollection({
  collection: 'preview',
  filter: {},
});
if (!live || 'error' in live) throw new Error('the live collection failed to load');
process.stdout.write(`loaded ${live.entries.length}\n`);
