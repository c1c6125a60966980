import { randomUUID } from 'node:crypto';
import type { RoboWrite } from '../../client.ts';
import type { RequestOptions } from '../../core/http-client.ts';
import type {
  GenerationCheckpoint,
  StartedJob,
  StartGenerationOptions,
} from '../../provider/v1/generation.ts';
import type { JobCreated } from '../../schemas/job.ts';
import type { GenerateInput } from './generate-input.ts';
import { defaultBrand, defaultProperty, type GenerationDefaults } from './generation-target.ts';

type TopicInput = Extract<GenerateInput, { flow: 'topic' }>;
type BriefInput = Extract<GenerateInput, { flow: 'brief' }>;

/** Every idempotency key a generation may need, chosen before its first request. */
export function newCheckpoint(): GenerationCheckpoint {
  return {
    keys: { topic: randomUUID(), item: randomUUID(), generate: randomUUID() },
    created: {},
    sent: {},
  };
}

/**
 * Sends whatever requests the generation still needs, resuming after the last step recorded in
 * `checkpoint.created` (brand, topic, brief, item) and calling `onCheckpoint` after each step so
 * the engine saves it. Every spend-sensitive request carries the key stored before it was sent,
 * so an attempt after a crash replays rather than creating a second topic, item or job.
 */
export async function startGeneration(
  client: RoboWrite,
  defaults: GenerationDefaults,
  input: GenerateInput,
  checkpoint: GenerationCheckpoint,
  options: StartGenerationOptions = {},
): Promise<StartedJob> {
  const job =
    input.flow === 'topic'
      ? await startTopicFlow(client, defaults, input, checkpoint, options)
      : await startBriefFlow(client, defaults, input, checkpoint, options);
  return {
    jobId: job.job_id,
    status: client.scrub(job.status),
    draftId: checkpoint.created.item ?? null,
  };
}

function requestOptions(key: string | undefined, options: StartGenerationOptions): RequestOptions {
  return {
    ...(key ? { idempotencyKey: key } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

async function startTopicFlow(
  client: RoboWrite,
  defaults: GenerationDefaults,
  input: TopicInput,
  checkpoint: GenerationCheckpoint,
  options: StartGenerationOptions,
): Promise<JobCreated> {
  const { created, keys } = checkpoint;
  if (!created.topic) {
    const brandId =
      created.brand ?? input.brandId ?? (await defaultBrand(client, defaults, options));
    created.brand = brandId;
    const topic = await client.topics.create(
      brandId,
      input.topic,
      requestOptions(keys.topic, options),
    );
    created.topic = topic.id;
    await options.onCheckpoint?.();
  }
  return client.content.generate(
    { topicId: created.topic },
    requestOptions(keys.generate, options),
  );
}

async function startBriefFlow(
  client: RoboWrite,
  defaults: GenerationDefaults,
  input: BriefInput,
  checkpoint: GenerationCheckpoint,
  options: StartGenerationOptions,
): Promise<JobCreated> {
  const { created, keys } = checkpoint;
  if (!created.brief) {
    // POST /briefs does not dedupe: a crash between this and the save can leave a spare brief
    // (never a spare item or job; those steps are keyed).
    const brief = await client.briefs.create(input.brief, requestOptions(undefined, options));
    created.brief = brief.id;
    if (brief.brand_id) created.brand = brief.brand_id;
    await options.onCheckpoint?.();
  }
  if (!created.item) {
    const propertyId =
      input.propertyId ?? (await defaultProperty(client, defaults, created.brand ?? null, options));
    const item = await client.content.create(
      { briefId: created.brief, propertyId, title: input.brief.title },
      requestOptions(keys.item, options),
    );
    created.item = item.id;
    await options.onCheckpoint?.();
  }
  return client.content.generateItem(
    created.item,
    input.generate ?? {},
    requestOptions(keys.generate, options),
  );
}
