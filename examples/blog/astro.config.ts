import node from '@astrojs/node';
import { robowriteDevRefresh } from '@robowrite/astro-loader';
import { defineConfig } from 'astro/config';

export default defineConfig({
  // The node adapter serves the one on-demand page (src/pages/preview/[id].astro); every other
  // page is prerendered at build time.
  adapter: node({ mode: 'standalone' }),
  // In `astro dev`, refreshes the `api` collection when new drafts land in RoboWrite.
  integrations: [robowriteDevRefresh()],
});
