import { defineLiveCollection } from 'astro:content';
import { robowriteLiveLoader } from '@robowrite/astro-loader';

// Read at request time by the on-demand preview page: any draft, the moment it lands.
export const collections = {
  preview: defineLiveCollection({
    loader: robowriteLiveLoader({ statuses: ['draft', 'in_review', 'published'] }),
  }),
};
