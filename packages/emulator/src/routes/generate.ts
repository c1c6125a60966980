import { z } from 'zod';
import { conflict } from '../errors.ts';
import { jobStatus, presentJob, settleJob } from '../jobs.ts';
import type { RequestContext, Route } from '../router.ts';
import {
  AUTOPILOT_BANDS,
  CITATION_MODES,
  type CitationMode,
  type Direction,
  type Job,
  type JobOutcome,
} from '../store/types.ts';
import { parseBody } from '../validation.ts';

// Exactly `{ topic_id }`: `direction` and `citation_mode` are unknown keys here, hence 422.
const generateFromTopic = z.strictObject({ topic_id: z.string().min(1) });

const knob = z.string().max(200).nullish();
const generateItem = z.strictObject({
  direction: z
    .strictObject({
      tone: knob,
      reading_level: knob,
      point_of_view: knob,
      content_length: knob,
      content_structure: knob,
    })
    .nullish(),
  citation_mode: z.enum(CITATION_MODES).nullish(),
});

function createJob(
  ctx: RequestContext,
  init: {
    kind: Job['kind'];
    natural: JobOutcome;
    topicId: string | null;
    itemId: string | null;
    citationMode: CitationMode;
    direction: Direction | null;
  },
) {
  const { store, runtime, org, now } = ctx;
  const { options } = runtime;
  const quirkyAck = runtime.rng.chance(options.queuedAckRate);
  const id = store.nextId('job');
  const job: Job = {
    id,
    org_id: org.id,
    kind: init.kind,
    workflow_id: quirkyAck ? '' : `wf-${store.nextId('workflow')}`,
    topic_id: init.topicId,
    content_item_id: init.itemId,
    content_version_id: null,
    created_ms: now,
    duration_ms: options.jobDurationMs,
    lag_ms: options.completionLagMs,
    outcome: runtime.outcomes.shift() ?? init.natural,
    citation_mode: init.citationMode,
    direction: init.direction,
    drafted: false,
    settled: false,
  };
  store.jobs.set(job.id, job);
  runtime.stats.jobsCreated += 1;
  settleJob(store, job, now);
  // The 202 reports the submit state; the rare concurrent-submit ack reads `queued` with no
  // workflow id, as the guide documents.
  const ackStatus = quirkyAck ? 'queued' : jobStatus(job, now) === 'pending' ? 'pending' : 'queued';
  return { status: 202, body: { job_id: job.id, workflow_id: job.workflow_id, status: ackStatus } };
}

function inFlight(ctx: RequestContext, match: (job: Job) => boolean): boolean {
  for (const job of ctx.store.jobs.values()) {
    if (job.org_id === ctx.org.id && match(job) && !job.settled) return true;
  }
  return false;
}

export const generateRoutes: Route[] = [
  {
    method: 'POST',
    template: '/content/generate',
    idempotency: 'optional',
    body: true,
    handler: (ctx) => {
      const input = parseBody(generateFromTopic, ctx.body);
      const topic = ctx.store.owned(ctx.store.topics, input.topic_id, ctx.org, 'Topic');
      if (!AUTOPILOT_BANDS.includes(topic.decision_band)) {
        throw conflict(
          `Topic is not eligible for autopilot (decision_band: ${topic.decision_band}); pick a topic with eligible_for_autopilot: true`,
        );
      }
      const brand = ctx.store.brands.get(topic.brand_id);
      topic.status = 'in_progress';
      topic.updated_at = new Date(ctx.now).toISOString();
      return createJob(ctx, {
        kind: 'topic_autopilot',
        natural: brand?.cms_connected ? 'completed' : 'awaiting_review',
        topicId: topic.id,
        itemId: null,
        citationMode: 'structured_only',
        direction: null,
      });
    },
  },
  {
    method: 'POST',
    template: '/content/items/{item_id}/generate',
    idempotency: 'optional',
    body: true,
    handler: (ctx) => {
      const item = ctx.store.item(ctx.params.item_id ?? '', ctx.org);
      const input = parseBody(generateItem, ctx.body);
      if (inFlight(ctx, (job) => job.content_item_id === item.id)) {
        throw conflict('A generation run for this item is already in progress; poll its job');
      }
      ctx.store.materialize(item);
      return createJob(ctx, {
        kind: 'item_generate',
        natural: 'completed',
        topicId: null,
        itemId: item.id,
        citationMode: input.citation_mode ?? 'structured_only',
        direction: input.direction ?? null,
      });
    },
  },
  {
    method: 'GET',
    template: '/jobs/{job_id}',
    handler: ({ store, org, params, now }) => ({
      status: 200,
      body: presentJob(store.owned(store.jobs, params.job_id ?? '', org, 'Job'), now),
    }),
  },
];
