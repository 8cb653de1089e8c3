import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  url: string;
}

/**
 * Every route as Fastify registers it (the `onRoute` hook), so a test can compare the API with the
 * routes the access matrices cover (ADR 0010). Must be installed before any route is added.
 */
export function trackRoutes(app: FastifyInstance): () => RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  return () => [...routes];
}
