// Every content item across pages, and the full draft of the first few.
// Run: node packages/core/examples/list-drafts.ts
import { RoboWrite, toDraft } from '@robowrite/core';
import { target } from './_target.ts';

const { apiKey, baseURL, done } = await target();
const client = new RoboWrite({ apiKey, baseURL });
try {
  let count = 0;
  for await (const summary of client.content.list({ limit: 100 })) {
    count += 1;
    if (count <= 3) {
      const item = await client.content.retrieve(summary.id, { include: ['scoring', 'sources'] });
      const draft = toDraft(item);
      console.log(`${draft.status.padEnd(10)} ${draft.slug} (updated ${draft.updatedAt})`);
    }
  }
  console.log(`${count} items in total`);
} finally {
  await client.close();
  await done();
}
