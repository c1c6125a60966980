// The guide's fastest path: topic → generate → poll → read.
// Run: node packages/core/examples/topic-flow.ts   (uses an in-process emulator unless
// ROBOWRITE_BASE_URL and ROBOWRITE_API_KEY are set)
import { RoboWrite, toDraft } from '@robowrite/core';
import { target } from './_target.ts';

const { apiKey, baseURL, intervalMs, done } = await target();
const client = new RoboWrite({ apiKey, baseURL });
try {
  const brand = (await client.brands.list()).items[0];
  if (!brand) throw new Error('this organization has no brand');

  const { topic, result, item } = await client.generateFromTopic(
    {
      brandId: brand.id,
      title: 'Remote work productivity',
      primaryKeyword: 'remote work productivity',
    },
    { intervalMs, onUpdate: (job) => console.log(`job ${job.job_id}: ${job.status}`) },
  );
  console.log(`topic ${topic.id} ended ${result.status}`);
  if (item) {
    const draft = toDraft(item);
    console.log(`draft "${draft.title}" v${draft.versionNumber}, ${draft.wordCount} words`);
    console.log(
      `score ${draft.scoring?.score ?? 'pending'}, ${draft.sources?.length ?? 0} sources`,
    );
  }
} finally {
  await client.close();
  await done();
}
