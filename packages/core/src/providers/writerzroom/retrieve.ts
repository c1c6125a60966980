import type { Draft } from '../../draft/draft.ts';
import { draftWithoutKey } from '../../draft/without-key.ts';
import type { JobSnapshot } from '../../provider/v1/job-snapshot.ts';
import type { ProviderCallOptions } from '../../provider/v1/provider-v1.ts';
import type { WriterzRoom } from './client.ts';
import type { GeneratedContent } from './generation-status.ts';
import { toWriterzRoomDraft } from './to-draft.ts';

/** What the provider remembers between calls, and what the caller may tell it. */
export interface DraftMemory {
  /** Topics of the generations this provider started (a title of last resort). */
  topics: Map<string, string>;
  /** When each dateless draft (api dialect) was first seen, so it keeps one date in a process. */
  firstSeen: Map<string, string>;
  /** The caller's own record of when a generation started (the CLI's state), if it has one. */
  knownCreatedAt: ((draftId: string) => string | null | undefined) | undefined;
  /**
   * api dialect: the completed answers `retrieveJob` read, kept until `retrieveDraft` takes them.
   * A completed generation never changes and the status route is the only way to read it, so
   * the engine's "job landed, now read its draft" costs one status request, not two, out of the
   * documented 60 a minute.
   */
  landed: Map<string, GeneratedContent>;
}

/** How many landed answers wait for their read at most (a pull reads them within a batch). */
const LANDED_KEPT = 100;

function keepLanded(memory: DraftMemory, requestId: string, content: GeneratedContent): void {
  memory.landed.delete(requestId);
  memory.landed.set(requestId, content);
  const oldest = memory.landed.keys().next();
  if (memory.landed.size > LANDED_KEPT && !oldest.done) memory.landed.delete(oldest.value);
}

const callOptions = (options: ProviderCallOptions | undefined) =>
  options?.signal ? { signal: options.signal } : undefined;

/**
 * A status id or a content id? The seeds' ids carry their kind (`req_xyz789`, `cnt_abc123`), and
 * so do the emulator's: in the v1 dialect an id starting `req_` is read through the status route,
 * any other through `GET /v1/content/{id}`. The api dialect knows only request ids.
 */
export function isRequestId(client: WriterzRoom, id: string): boolean {
  return client.dialect === 'api' || id.startsWith('req_');
}

/** The draft, its text without the key (the api dialect's title is the body's own heading). */
function mapped(
  client: WriterzRoom,
  memory: DraftMemory,
  content: GeneratedContent,
  requestId: string | null,
): Draft {
  const id = content.id ?? requestId ?? '';
  let seenAt = memory.knownCreatedAt?.(id) ?? memory.firstSeen.get(id);
  if (!seenAt) {
    seenAt = new Date().toISOString();
    memory.firstSeen.set(id, seenAt);
  }
  const topic = requestId ? memory.topics.get(requestId) : undefined;
  return draftWithoutKey(
    toWriterzRoomDraft(content, { requestId, topic, seenAt }),
    client.removeKey,
  );
}

/**
 * A draft by request id (its generation's result, null while it runs or when it failed) or, in
 * v1, by content id (`NotFoundError` when unknown).
 */
export async function retrieveDraft(
  client: WriterzRoom,
  memory: DraftMemory,
  id: string,
  options?: ProviderCallOptions,
): Promise<Draft | null> {
  if (!isRequestId(client, id)) {
    return mapped(client, memory, await client.retrieveContent(id, callOptions(options)), null);
  }
  const kept = memory.landed.get(id);
  if (kept) {
    memory.landed.delete(id);
    return mapped(client, memory, kept, id);
  }
  const status = await client.status(id, callOptions(options));
  if (status.status !== 'completed' || status.content === null) return null;
  return mapped(client, memory, status.content, id);
}

/**
 * A generation as the engine sees it: `completed` lands with the id `retrieveDraft` reads it by
 * (the request id in the api dialect, which never names the content; `content.id` in v1, the id
 * the v1 listing gives too), `failed` fails with the API's reason, anything else is running.
 */
export async function retrieveJob(
  client: WriterzRoom,
  memory: DraftMemory,
  requestId: string,
  options?: ProviderCallOptions,
): Promise<JobSnapshot> {
  const status = await client.status(requestId, callOptions(options));
  const base = { jobId: requestId, status: status.status, draftId: null, error: null };
  if (status.status === 'failed') {
    // One line: the engine reports a failed generation in one line.
    const error = status.error?.replace(/\s+/g, ' ').trim() || 'generation failed';
    return { ...base, outcome: 'failed', error };
  }
  if (status.status !== 'completed') return { ...base, outcome: 'running' };
  const draftId = client.dialect === 'api' ? requestId : (status.content?.id ?? null);
  if (client.dialect === 'api' && status.content) keepLanded(memory, requestId, status.content);
  return { ...base, outcome: 'landed', draftId };
}
