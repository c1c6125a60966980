import { slugify } from './generator/words.ts';
import type { Store } from './store/store.ts';
import type { ContentItem, Job, JobStatus, Version } from './store/types.ts';

/**
 * A job's life is a pure function of elapsed time, so no timers run (nothing to leak on
 * `close()`, and a restored `--state` file resumes mid-flight):
 *
 *   0–10% pending · 10–20% queued · 20–100% running · draft written at 70% (its scoring lands at
 *   100%) · the terminal status shows only after the completion lag, so a finished run briefly
 *   still reads `running`, as the guide warns. `cancelled` ends at 50% with no draft.
 */
const QUEUED_AT = 0.1;
const RUNNING_AT = 0.2;
const DRAFTED_AT = 0.7;
const CANCELLED_AT = 0.5;

function at(job: Job, fraction: number): number {
  return job.created_ms + job.duration_ms * fraction;
}

export function jobStatus(job: Job, now: number): JobStatus {
  if (job.outcome === 'cancelled' && now >= at(job, CANCELLED_AT)) return 'cancelled';
  if (now >= at(job, 1) + job.lag_ms) return job.outcome;
  if (now >= at(job, RUNNING_AT)) return 'running';
  if (now >= at(job, QUEUED_AT)) return 'queued';
  return 'pending';
}

const ERRORS: Partial<Record<JobStatus, string>> = {
  failed: 'Generation failed: the drafting model did not return a usable article after 3 attempts.',
  completed_with_errors:
    'Draft saved, but self-scoring failed; scoring is unavailable for this version.',
};

function writesDraft(job: Job): boolean {
  return job.outcome !== 'failed' && job.outcome !== 'cancelled';
}

/** Applies the effects whose time has come: the draft version, then the final item state. */
export function settleJob(store: Store, job: Job, now: number): void {
  if (job.settled) return;
  if (!job.drafted && writesDraft(job) && now >= at(job, DRAFTED_AT)) writeDraft(store, job);
  const status = jobStatus(job, now);
  if (status === 'pending' || status === 'queued' || status === 'running') return;
  job.settled = true;
  store.dirty = true;
  if (job.topic_id) {
    const topic = store.topics.get(job.topic_id);
    if (topic) {
      topic.status = writesDraft(job) ? 'generated' : 'new';
      topic.updated_at = new Date(now).toISOString();
    }
  }
  if (!job.content_item_id || !writesDraft(job)) return;
  const item = store.items.get(job.content_item_id) ?? safeItem(store, job);
  if (!item) return;
  const next =
    job.outcome === 'awaiting_review'
      ? 'in_review'
      : job.kind === 'topic_autopilot'
        ? 'published'
        : 'draft';
  if (item.status !== 'archived' || job.kind === 'topic_autopilot') item.status = next;
  item.updated_at = new Date(at(job, 1) + job.lag_ms).toISOString();
}

function safeItem(store: Store, job: Job): ContentItem | undefined {
  const org = store.orgs.find((o) => o.id === job.org_id);
  if (!org || !job.content_item_id) return undefined;
  try {
    return store.materialize(store.item(job.content_item_id, org));
  } catch {
    return undefined;
  }
}

function writeDraft(store: Store, job: Job): void {
  job.drafted = true;
  store.dirty = true;
  const draftedAt = new Date(at(job, DRAFTED_AT)).toISOString();
  let item: ContentItem | undefined;
  if (job.kind === 'topic_autopilot') {
    const topic = job.topic_id ? store.topics.get(job.topic_id) : undefined;
    const brand = topic ? store.brands.get(topic.brand_id) : undefined;
    if (!topic || !brand) return;
    const property = [...store.properties.values()].find((p) => p.brand_id === brand.id);
    item = {
      id: store.nextId('content-item'),
      org_id: job.org_id,
      brand_id: brand.id,
      property_id: property?.id ?? null,
      brief_id: null,
      topic_id: topic.id,
      author_id: null,
      title: topic.title,
      slug: uniqueSlug(store, brand.id, slugify(topic.title)),
      status: 'draft',
      format: 'blog_post',
      versions: [],
      deleted_at: null,
      created_at: draftedAt,
      updated_at: draftedAt,
    };
    store.items.set(item.id, item);
    job.content_item_id = item.id;
  } else {
    item = store.items.get(job.content_item_id ?? '') ?? safeItem(store, job);
  }
  if (!item) return;
  const brand = store.brands.get(item.brand_id);
  const brief = item.brief_id ? store.briefs.get(item.brief_id) : undefined;
  const topic = item.topic_id ? store.topics.get(item.topic_id) : undefined;
  const number = (item.versions.at(-1)?.version_number ?? 0) + 1;
  const version: Version = {
    id: store.nextId('version'),
    version_number: number,
    title: item.title,
    created_at: draftedAt,
    gen: {
      seed: `${store.seed}:${item.id}:${number}`,
      title: item.title,
      primary_keyword: brief?.primary_keyword ?? topic?.primary_keyword ?? item.title,
      secondary_keywords: brief?.secondary_keywords ?? topic?.secondary_keywords ?? [],
      brand_name: brand?.name ?? 'RoboWrite',
      format: item.format,
      citation_mode: job.citation_mode,
      direction: job.direction,
      target_word_count: brief?.target_word_count ?? null,
    },
    scored_at_ms: job.outcome === 'completed_with_errors' ? null : at(job, 1),
  };
  item.versions.push(version);
  item.updated_at = draftedAt;
  job.content_version_id = version.id;
}

export function uniqueSlug(store: Store, brandId: string, base: string, exceptId?: string): string {
  const taken = new Set(
    [...store.items.values()]
      .filter((i) => i.brand_id === brandId && i.id !== exceptId && i.deleted_at === null)
      .map((i) => i.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** Settles every unsettled job; called at the start of each request so lists are consistent. */
export function settleJobs(store: Store, now: number): void {
  for (const job of store.jobs.values()) if (!job.settled) settleJob(store, job, now);
}

export function presentJob(job: Job, now: number) {
  const status = jobStatus(job, now);
  return {
    job_id: job.id,
    status,
    content_item_id: job.content_item_id,
    content_version_id: job.content_version_id,
    error: ERRORS[status] ?? null,
  };
}
