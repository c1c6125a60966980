import { contentString } from './content.ts';
import { isFinished, stageAt } from './lifecycle.ts';
import type { ContentRecord, Generation } from './types.ts';

function content(g: Generation, contents: Map<string, ContentRecord>): ContentRecord | null {
  return g.content_id ? (contents.get(g.content_id) ?? null) : null;
}

/** `GET /api/generate/status/{id}`: always under `data`, `content` a Markdown string. */
export function apiStatus(g: Generation, contents: Map<string, ContentRecord>, now: number) {
  const done = isFinished(g, now);
  const saved = done && g.outcome === 'completed' ? content(g, contents) : null;
  const { stage, progress } = stageAt(g, now);
  return {
    data: {
      request_id: g.request_id,
      status: done ? g.outcome : 'processing',
      stage: saved ? null : stage,
      progress: saved ? 100 : progress,
      content: saved ? contentString(saved) : null,
      error: done && g.outcome === 'failed' ? g.error : null,
    },
  };
}

/** `GET /v1/generate/status/{id}`: seed 002's three unwrapped shapes, exactly. */
export function v1Status(g: Generation, contents: Map<string, ContentRecord>, now: number) {
  if (!isFinished(g, now))
    return { request_id: g.request_id, status: 'processing', ...stageAt(g, now) };
  if (g.outcome === 'failed') return { request_id: g.request_id, status: 'failed', error: g.error };
  const saved = content(g, contents);
  return {
    request_id: g.request_id,
    status: 'completed',
    content: saved ? v1Content(saved) : null,
  };
}

/** The content object of seed 002's completed answer. */
export function v1Content(c: ContentRecord) {
  return {
    id: c.id,
    title: c.title,
    body: c.body,
    word_count: c.word_count,
    created_at: c.created_at,
  };
}

/** `GET /v1/content/{id}` and the save/regenerate answers: the seed's five fields and the rest. */
export function v1ContentDetail(c: ContentRecord) {
  return {
    ...v1Content(c),
    updated_at: c.updated_at,
    request_id: c.request_id,
    template_id: c.template_id,
    style_profile_id: c.style_profile_id,
    vertical: c.vertical,
    brand_voice_id: c.brand_voice_id,
  };
}

/** A `GET /v1/content` row: the detail without the body. */
export function v1ContentSummary(c: ContentRecord) {
  const { body: _, ...summary } = v1ContentDetail(c);
  return summary;
}
