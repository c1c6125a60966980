import type { RoboWrite } from '../../client.ts';
import type { Draft } from '../../draft/draft.ts';
import { checkDraftSize } from '../../draft/entry-check.ts';
import { hasDraftBody } from '../../draft/statuses.ts';
import { toDraft } from '../../draft/to-draft.ts';
import { draftWithoutKey } from '../../draft/without-key.ts';
import type { RetrieveDraftOptions } from '../../provider/v1/provider-v1.ts';
import type { ContentInclude } from '../../schemas/content.ts';

/**
 * One item read with `GET /content/{id}` and mapped onto `Draft`; null for an item never
 * generated. The size limit is checked here, once, so the CLI and the loaders both refuse an
 * oversized body (`InvalidEntryError`) before rendering it. The key is removed from its text.
 */
export async function retrieveDraft(
  client: RoboWrite,
  id: string,
  options: RetrieveDraftOptions = {},
): Promise<Draft | null> {
  const include: ContentInclude[] = [];
  if (options.scoring) include.push('scoring');
  if (options.sources) include.push('sources');
  const item = await client.content.retrieve(
    id,
    { include },
    options.signal ? { signal: options.signal } : {},
  );
  const draft = toDraft(item);
  if (!hasDraftBody(draft)) return null;
  checkDraftSize(draft);
  return draftWithoutKey(draft, (text) => client.removeKey(text));
}
