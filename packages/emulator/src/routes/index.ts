import { Router } from '../router.ts';
import { brandRoutes } from './brands.ts';
import { briefRoutes } from './briefs.ts';
import { contentRoutes } from './content.ts';
import { generateRoutes } from './generate.ts';
import { libraryRoutes } from './library.ts';
import { propertyRoutes } from './properties.ts';
import { taxonomyRoutes } from './taxonomy.ts';
import { topicRoutes } from './topics.ts';

export function createRouter(): Router {
  const router = new Router();
  router.add(
    ...brandRoutes,
    ...propertyRoutes,
    ...topicRoutes,
    ...briefRoutes,
    ...contentRoutes,
    ...generateRoutes,
    ...taxonomyRoutes,
    ...libraryRoutes,
  );
  return router;
}
