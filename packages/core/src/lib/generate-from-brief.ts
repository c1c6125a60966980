import type { RoboWrite } from '../client.ts';
import type { Brief, BriefCreateParams } from '../schemas/brief.ts';
import type { CitationMode, ContentItem, GenerateItemParams } from '../schemas/content.ts';
import type { JobCreated } from '../schemas/job.ts';
import type { FlowOptions } from './flow-options.ts';
import type { JobResult } from './wait-for-job.ts';

export interface GenerateFromBriefParams {
  brief: BriefCreateParams;
  /** The publishing target; it must belong to the brief's brand. */
  propertyId: string;
  /** The item's title (default: the brief's). */
  title?: string;
  format?: string;
  direction?: GenerateItemParams['direction'];
  citationMode?: CitationMode;
}

export interface GenerateFromBriefResult {
  brief: Brief;
  /** The item as created, before generation. */
  created: ContentItem;
  accepted: JobCreated;
  result: JobResult;
  /** The item after the job, with all versions (and scoring/sources as included). */
  item: ContentItem;
}

/**
 * The guide's full-control path: `POST /briefs` → `POST /content/items` →
 * `POST /content/items/{id}/generate` → poll → read.
 */
export async function generateFromBrief(
  client: RoboWrite,
  params: GenerateFromBriefParams,
  options: FlowOptions = {},
): Promise<GenerateFromBriefResult> {
  const { include = ['scoring', 'sources'], ...waitOptions } = options;
  const signal = options.signal ? { signal: options.signal } : {};
  const brief = await client.briefs.create(params.brief, signal);
  const created = await client.content.create(
    {
      briefId: brief.id,
      propertyId: params.propertyId,
      title: params.title ?? brief.title,
      ...(params.format ? { format: params.format } : {}),
    },
    signal,
  );
  const accepted = await client.content.generateItem(
    created.id,
    {
      ...(params.direction ? { direction: params.direction } : {}),
      ...(params.citationMode ? { citationMode: params.citationMode } : {}),
    },
    signal,
  );
  const result = await client.jobs.waitFor(accepted.job_id, waitOptions);
  const item = await client.content.retrieve(created.id, { include }, signal);
  return { brief, created, accepted, result, item };
}
