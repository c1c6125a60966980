import type { z } from 'zod';
import { RequestValidationError } from './errors.ts';

/** `primaryKeyword` → `primary_keyword`. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Renames object keys to snake_case, deeply; arrays and scalars pass through. */
export function toWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== undefined) out[snakeCase(key)] = toWire(inner);
    }
    return out;
  }
  return value;
}

/**
 * Checks caller input against a documented allowlist/bounds schema, so a call the API would
 * refuse fails here, before any request (or rate-limit slot) is spent.
 */
export function checkParams<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const where = path ? `${what}.${path}` : what;
  throw new RequestValidationError(`invalid ${where}: ${issue?.message ?? 'invalid value'}`, path);
}

/**
 * A path segment: a non-empty id, percent-encoded. `.` and `..` are refused because URL
 * resolution treats them as "this" and "parent" directory, so `delete('..')` would send
 * `DELETE /content/`; `/` is refused because no id contains one and, once decoded by a proxy, it
 * would address another resource. Nothing is sent for a refused id.
 */
export function segment(id: unknown, what: string): string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new RequestValidationError(`${what} must be a non-empty string`, what);
  }
  if (id === '.' || id === '..') {
    throw new RequestValidationError(`${what} must not be "${id}" (a relative path step)`, what);
  }
  if (id.includes('/')) {
    throw new RequestValidationError(`${what} must not contain "/"`, what);
  }
  return encodeURIComponent(id);
}
