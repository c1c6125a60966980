import { z } from 'zod';

/**
 * `GET /v1/applications/{application_id}`: the fields we read of the official SDK's
 * `ApplicationRetrieveResponse` (not in the seed; the one place an application's input names
 * are published). Loose like the job schemas: an added field, or an input type the SDK does not
 * know yet, never breaks `init`.
 */
export const writerApplicationSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  inputs: z.array(
    z.looseObject({
      name: z.string().min(1),
      /** The SDK's `text | dropdown | file | media`, read as any string. */
      input_type: z.string(),
      required: z.boolean(),
      description: z.string().nullish(),
      /** Type-specific (`min_fields`/`max_fields` for text, `list` for a dropdown...). */
      options: z.looseObject({}).nullish(),
    }),
  ),
});
export type WriterApplication = z.infer<typeof writerApplicationSchema>;
export type WriterApplicationInput = WriterApplication['inputs'][number];
