import { defineLiveCollection } from 'astro:content';
import { robowriteLiveLoader } from '@robowrite/astro-loader';

// Read at request time by the on-demand preview page: any draft, the moment it lands. The default
// statuses (draft, in_review, published) are the build-time `api` collection's and the CLI's.
export const collections = {
  preview: defineLiveCollection({
    loader: robowriteLiveLoader(),
  }),
};
