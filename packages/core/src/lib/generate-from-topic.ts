import type { RoboWrite } from '../client.ts';
import type { ContentItem } from '../schemas/content.ts';
import type { JobCreated } from '../schemas/job.ts';
import type { Topic, TopicCreateParams } from '../schemas/topic.ts';
import type { FlowOptions } from './flow-options.ts';
import type { JobResult } from './wait-for-job.ts';

export interface GenerateFromTopicParams extends TopicCreateParams {
  brandId: string;
}

export interface GenerateFromTopicResult {
  topic: Topic;
  /** The `202` of `POST /content/generate`. */
  accepted: JobCreated;
  result: JobResult;
  /** The generated item with all versions, or null when the job ended without one. */
  item: ContentItem | null;
}

/**
 * The guide's fastest path to a draft: a fresh topic (no decision band, so autopilot-eligible),
 * `POST /content/generate`, poll to an outcome, read the item. A brand without a CMS ends in
 * `awaiting_review`, with the draft ready to read.
 */
export async function generateFromTopic(
  client: RoboWrite,
  params: GenerateFromTopicParams,
  options: FlowOptions = {},
): Promise<GenerateFromTopicResult> {
  const { brandId, ...topicParams } = params;
  const { include = ['scoring', 'sources'], ...waitOptions } = options;
  const signal = options.signal ? { signal: options.signal } : {};
  const topic = await client.topics.create(brandId, topicParams, signal);
  const accepted = await client.content.generate({ topicId: topic.id }, signal);
  const result = await client.jobs.waitFor(accepted.job_id, waitOptions);
  const itemId = result.job.content_item_id;
  const item = itemId ? await client.content.retrieve(itemId, { include }, signal) : null;
  return { topic, accepted, result, item };
}
