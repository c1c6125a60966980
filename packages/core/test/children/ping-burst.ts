// One process of an organization: sends <count> pings at once through core's client, with the
// given window and scope, and prints how many were refused. Args: <baseURL> <count> <requests>
// <windowMs> <scope>; the key comes from ROBOWRITE_API_KEY.
import { RoboWrite } from '../../src/index.ts';

const [baseURL, count, requests, windowMs, scope] = process.argv.slice(2);
if (!baseURL || !count || !requests || !windowMs || (scope !== 'machine' && scope !== 'process'))
  throw new Error('usage: ping-burst <baseURL> <count> <requests> <windowMs> <machine|process>');
const client = new RoboWrite({
  baseURL,
  maxRetries: 0,
  logLevel: 'off',
  rateLimit: { requests: Number(requests), windowMs: Number(windowMs), scope },
});
const outcomes = await Promise.allSettled(
  Array.from({ length: Number(count) }, () => client.ping()),
);
await client.close();
process.stdout.write(
  `${JSON.stringify({ refused: outcomes.filter((o) => o.status === 'rejected').length })}\n`,
);
