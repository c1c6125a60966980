import { z } from 'zod';
import { unprocessable } from './errors.ts';

/** Turns the first zod issue into the one-line `detail` the guide's error envelope carries. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid request';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length > 0 ? ` in ${issue.path.join('.')}` : '';
    return `Unknown field(s)${where}: ${issue.keys.join(', ')}`;
  }
  const field = issue.path.join('.');
  return field ? `${field}: ${issue.message}` : issue.message;
}

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw unprocessable(describe(result.error));
  return result.data;
}

export const text = (min: number, max: number) => z.string().trim().min(min).max(max);
export const optionalText = (max: number) => z.string().max(max).nullish();
/**
 * A value from a set the guide leaves open (topic `intent`, content `status`, `format`…): the
 * guide shows examples, never the full list, so any non-empty string of sane length is accepted
 * and a value the real API adds later is never a 422 here. See the README's "Where the guide is
 * silent".
 */
export const OPEN_VALUE_MAX = 100;
export const openValue = () => z.string().trim().min(1).max(OPEN_VALUE_MAX);

export const stringList = (maxItems: number, maxLength: number) =>
  z.array(z.string().trim().min(1).max(maxLength)).max(maxItems);

/** Query-string helpers: absent → default, present but invalid → 422. */
export function intParam(
  query: URLSearchParams,
  name: string,
  opts: { min: number; max?: number; fallback?: number },
): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return opts.fallback;
  if (!/^-?\d+$/.test(raw)) throw unprocessable(`${name}: must be an integer`);
  const value = Number(raw);
  if (value < opts.min || (opts.max !== undefined && value > opts.max)) {
    const range = opts.max === undefined ? `>= ${opts.min}` : `between ${opts.min} and ${opts.max}`;
    throw unprocessable(`${name}: must be ${range}`);
  }
  return value;
}

export function numberParam(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw unprocessable(`${name}: must be a number between ${min} and ${max}`);
  }
  return value;
}

/** A query filter over an open set: any value up to `OPEN_VALUE_MAX` characters; it may match nothing. */
export function openParam(query: URLSearchParams, name: string): string | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw.length > OPEN_VALUE_MAX) {
    throw unprocessable(`${name}: must be at most ${OPEN_VALUE_MAX} characters`);
  }
  return raw;
}

export function enumParam<T extends string>(
  query: URLSearchParams,
  name: string,
  values: readonly T[],
): T | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!(values as readonly string[]).includes(raw)) {
    throw unprocessable(`${name}: must be one of ${values.join(', ')}`);
  }
  return raw as T;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  has_more: boolean;
}

export function pageParams(query: URLSearchParams): { limit: number; offset: number } {
  return {
    limit: intParam(query, 'limit', { min: 1, max: 200, fallback: 50 }) as number,
    offset: intParam(query, 'offset', { min: 0, fallback: 0 }) as number,
  };
}

/** A filtered, ordered listing that can cut a window without materialising every row. */
export interface Listing<T> {
  total: number;
  page: (offset: number, limit: number) => T[];
}

/** The guide's list envelope over a listing (or an already filtered and ordered array). */
export function paginate<T, U>(
  query: URLSearchParams,
  all: T[] | Listing<T>,
  present: (t: T) => U,
): Page<U> {
  const { limit, offset } = pageParams(query);
  const listing: Listing<T> = Array.isArray(all)
    ? { total: all.length, page: (o, l) => all.slice(o, o + l) }
    : all;
  return {
    items: listing.page(offset, limit).map(present),
    total: listing.total,
    limit,
    offset,
    has_more: offset + limit < listing.total,
  };
}
