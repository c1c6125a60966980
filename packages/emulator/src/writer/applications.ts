import { hashKey } from '../ids.ts';
import type { Application } from './types.ts';

/** Stable, documented demo keys (test keys, fine to print); one per organization. */
export const WRITER_DEMO_API_KEY = 'writer_test_demo_acme_7c2e9a41d05b3f68';
export const WRITER_SECOND_API_KEY = 'writer_test_demo_globex_1b5d8f20c4e7a396';

export interface WriterOrg {
  id: string;
  key_sha256: string;
}

/** Fixed ids (not seeded), so a configured `WRITER_APPLICATION_ID` survives any `--seed`. */
export const BLOG_POST_APPLICATION_ID = '0f6c4d2a-3b8e-4e71-9a5d-6c1f2e8b7a40';
export const SOCIAL_POST_APPLICATION_ID = '5a9e1c73-d24b-4f08-8e6a-b3c7d1f05e92';

export const WRITER_ORGS: WriterOrg[] = [
  { id: 'org-acme', key_sha256: hashKey(WRITER_DEMO_API_KEY) },
  { id: 'org-globex', key_sha256: hashKey(WRITER_SECOND_API_KEY) },
];

/** The demo organization's agents; the second organization has none (every id is a 404 there). */
export const DEMO_APPLICATIONS: Application[] = [
  {
    id: BLOG_POST_APPLICATION_ID,
    name: 'Blog post writer',
    output_title: 'Blog post',
    kind: 'blog_post',
    inputs: [
      { name: 'topic', required: true, description: 'What the post is about.' },
      { name: 'audience', required: false, description: 'Who the post is for.' },
      { name: 'keywords', required: false, description: 'Secondary keywords, one per value.' },
    ],
  },
  {
    id: SOCIAL_POST_APPLICATION_ID,
    name: 'Product social posts',
    output_title: 'Social post',
    kind: 'social_post',
    inputs: [
      {
        name: 'Product descriptions',
        required: true,
        description: 'One product per value; one post each.',
      },
    ],
  },
];

export const DEMO_ORG_ID = 'org-acme';

export function orgByKey(key: string): WriterOrg | undefined {
  const hash = hashKey(key);
  return WRITER_ORGS.find((org) => org.key_sha256 === hash);
}

/** The organization's application, or undefined (unknown and foreign ids look the same). */
export function findApplication(orgId: string, id: string): Application | undefined {
  return orgId === DEMO_ORG_ID ? DEMO_APPLICATIONS.find((app) => app.id === id) : undefined;
}
