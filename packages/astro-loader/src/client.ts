import { RoboWrite } from '@robowrite/core';
import type { RobowriteSourceOptions } from './options.ts';

/**
 * A client for one load. Built when the loader runs, not when the config is read, so the key and
 * base URL come from the environment of the build (`ROBOWRITE_API_KEY`, `ROBOWRITE_BASE_URL`).
 */
export function createClient(options: RobowriteSourceOptions): RoboWrite {
  return new RoboWrite({
    ...options.clientOptions,
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
    ...(options.baseURL !== undefined ? { baseURL: options.baseURL } : {}),
  });
}
