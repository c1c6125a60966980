import { z } from 'zod';

/**
 * Response schemas accept fields they do not know (the API may grow) and reject documented
 * fields of the wrong type. Fields the guide does not document are optional and nullable, so
 * their absence never breaks a call; fields it documents are required with their exact type.
 */
export const undocumented = {
  string: () => z.string().nullish(),
  number: () => z.number().nullish(),
  boolean: () => z.boolean().nullish(),
  strings: () => z.array(z.string()).nullish(),
};

/** The documented list envelope around any item schema. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    limit: z.number().int().positive(),
    offset: z.number().int().nonnegative(),
    has_more: z.boolean(),
  });
}

/** What a DELETE answers: nothing (204) or a small acknowledgement object. */
export const deletedSchema = z.looseObject({}).nullable();
export type Deleted = z.infer<typeof deletedSchema>;

export const pingSchema = z.looseObject({});
export type Ping = z.infer<typeof pingSchema>;

/** `limit` (1–200) and `offset` (≥ 0), camelCase on our side and the same names on the wire. */
export const pageParams = {
  limit: z.number().int().min(1).max(200).optional(),
  offset: z.number().int().min(0).optional(),
};
