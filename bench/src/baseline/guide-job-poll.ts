// The alternative to `generate` + `pull --watch` with many jobs: the guide's copy-paste flow, once
// per job, as a user running its script for each draft would: poll `GET /jobs/{id}` every
// interval until a terminal status, then GET the item and write it with gray-matter. Plain fetch,
// no limiter, no retry: a `429` on a poll is a poll that learned nothing (the guide's bash reads
// `.status` as null and sleeps again); a `429` on the item read loses the draft.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';

const STOP = new Set([
  'completed',
  'completed_with_errors',
  'failed',
  'cancelled',
  'awaiting_review',
]);

export interface GuidePollOptions {
  url: string;
  apiKey: string;
  intervalMs: number;
  outDir: string;
}

export interface GuidePollCounts {
  requests: number;
  rateLimited: number;
  written: number;
  lost: number;
}

/** Polls one job the guide's way; resolves to when its file was written, or null if lost. */
export async function pollLikeTheGuide(
  jobId: string,
  options: GuidePollOptions,
  counts: GuidePollCounts,
): Promise<number | null> {
  const headers = { authorization: `Bearer ${options.apiKey}`, 'user-agent': 'my-script/1.0' };
  const get = async (path: string): Promise<Response> => {
    counts.requests++;
    const res = await fetch(`${options.url}${path}`, { headers });
    if (res.status === 429) counts.rateLimited++;
    return res;
  };
  // The emulator's jobs all take exactly the same time, so a loop started with its job would
  // poll in lockstep with the completion and look better than it can be against the real API
  // (whose runs take 10–17 minutes). A random first wait within one interval puts the phase where
  // real durations would.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * options.intervalMs));
  let itemId: string | null = null;
  for (;;) {
    const res = await get(`/jobs/${jobId}`);
    const job = (await res.json()) as { status?: string; content_item_id?: string | null };
    if (job.status && STOP.has(job.status)) {
      itemId = job.content_item_id ?? null;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
  const res = itemId ? await get(`/content/${itemId}?include=scoring,sources`) : null;
  if (!res?.ok) {
    await res?.body?.cancel();
    counts.lost++;
    return null;
  }
  const item = (await res.json()) as {
    title: string;
    slug: string;
    status: string;
    versions: { markdown_body: string }[];
  };
  await mkdir(options.outDir, { recursive: true });
  const body = item.versions.at(-1)?.markdown_body ?? '';
  const data = { title: item.title, slug: item.slug, status: item.status };
  await writeFile(join(options.outDir, `${item.slug}.md`), matter.stringify(body, data));
  counts.written++;
  return Date.now();
}
