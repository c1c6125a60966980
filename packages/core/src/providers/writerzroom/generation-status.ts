import type { z } from 'zod';
import type { apiStatusSchema, V1Content, v1StatusSchema } from './schemas.ts';

/** What a finished generation produced, the same shape whichever dialect read it. */
export interface GeneratedContent {
  /** `content.id` (v1); null in the api dialect, whose status never names the content. */
  id: string | null;
  /** `content.title` (v1); null in the api dialect (the body's `# ` heading is the title). */
  title: string | null;
  body: string;
  wordCount: number | null;
  createdAt: string | null;
  /** Only `GET /v1/content/{id}` says when an item was last changed. */
  updatedAt: string | null;
}

/** A status answer of either dialect, text scrubbed of the key and control characters. */
export interface GenerationStatus {
  requestId: string;
  /** `processing`, `completed`, `failed`, or any other word a server adds (still in progress). */
  status: string;
  stage: string | null;
  progress: number | null;
  /** Set once `completed`. */
  content: GeneratedContent | null;
  /** Set once `failed`. */
  error: string | null;
}

type Scrub = (text: string) => string;
const scrubbed = (value: string | null | undefined, scrub: Scrub) =>
  value === null || value === undefined ? null : scrub(value);

/** The v1 content object (status answer or `GET /v1/content/{id}`); the body is left as sent. */
export function fromV1Content(content: V1Content, scrub: Scrub): GeneratedContent {
  return {
    id: content.id,
    title: scrubbed(content.title, scrub),
    body: content.body,
    wordCount: content.word_count ?? null,
    createdAt: content.created_at ?? null,
    updatedAt: content.updated_at ?? null,
  };
}

export function fromApiStatus(
  requestId: string,
  answer: z.infer<typeof apiStatusSchema>,
  scrub: Scrub,
): GenerationStatus {
  const { data } = answer;
  const body = data.content ?? null;
  return {
    requestId,
    status: scrub(data.status),
    stage: scrubbed(data.stage, scrub),
    progress: data.progress ?? null,
    content:
      body === null
        ? null
        : { id: null, title: null, body, wordCount: null, createdAt: null, updatedAt: null },
    error: scrubbed(data.error, scrub),
  };
}

export function fromV1Status(
  requestId: string,
  answer: z.infer<typeof v1StatusSchema>,
  scrub: Scrub,
): GenerationStatus {
  return {
    requestId,
    status: scrub(answer.status),
    stage: scrubbed(answer.stage, scrub),
    progress: answer.progress ?? null,
    content: answer.content ? fromV1Content(answer.content, scrub) : null,
    error: scrubbed(answer.error, scrub),
  };
}
