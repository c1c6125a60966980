// The guide's full-control path: brief → item → generate (inline citations) → poll → read.
// Run: node packages/core/examples/brief-flow.ts
import { RoboWrite, toDraft } from '@robowrite/core';
import { target } from './_target.ts';

const { apiKey, baseURL, intervalMs, done } = await target();
const client = new RoboWrite({ apiKey, baseURL });
try {
  const property = (await client.properties.list()).items[0];
  if (!property) throw new Error('this organization has no property');

  const { brief, result, item } = await client.generateFromBrief(
    {
      brief: {
        title: 'Async standups that work',
        primaryKeyword: 'async standup',
        targetWordCount: 1200,
      },
      propertyId: property.id,
      direction: { tone: 'friendly', readingLevel: 'general' },
      citationMode: 'inline',
    },
    { intervalMs },
  );
  console.log(`brief ${brief.id}: job ${result.job.job_id} ended ${result.status}`);
  const draft = toDraft(item);
  const links = draft.body.split('](http').length - 1;
  console.log(`draft "${draft.title}" v${draft.versionNumber} with ${links} inline links`);
} finally {
  await client.close();
  await done();
}
