import type { RoboWrite } from '../../client.ts';
import { ARCHIVED_STATUS, PUBLISHED_STATUS } from '../../draft/statuses.ts';
import type { ProviderCallOptions } from '../../provider/v1/provider-v1.ts';
import type { PublishedItem, PublishingV1 } from '../../provider/v1/publishing.ts';

/**
 * RoboWrite's documented update route, `PATCH /content/items/{item_id}` ("title / status /
 * format / author / slug"), with a status. The guide's "publishing to a connected CMS is not
 * exposed" is about the API pushing to a CMS; here the site's repository is the CMS, and this
 * only tells the API what went live.
 */
async function setStatus(
  client: RoboWrite,
  id: string,
  status: string,
  options: ProviderCallOptions,
): Promise<PublishedItem> {
  const item = await client.content.update(
    id,
    { status },
    options.signal ? { signal: options.signal } : {},
  );
  return { id: item.id, status: client.scrub(item.status) };
}

export function robowritePublishing(client: RoboWrite): PublishingV1 {
  return {
    publish: (id, options = {}) => setStatus(client, id, PUBLISHED_STATUS, options),
    archive: (id, options = {}) => setStatus(client, id, ARCHIVED_STATUS, options),
  };
}
