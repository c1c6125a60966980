import { z } from 'zod';

/**
 * Response shapes, from the seed (003) and the official SDK's types. Fields the seed shows are
 * required; the rest are optional or nullable (the SDK types them optional, the emulator sends
 * `null`). Objects stay loose: an added field never breaks a pull.
 */

/** The job statuses the seed names. */
export const WRITER_JOB_STATUSES = ['in_progress', 'completed', 'failed'] as const;
export type WriterJobStatus = (typeof WRITER_JOB_STATUSES)[number];

/**
 * The create and retry answer: the seed shows `job_id`, the SDK types `id`; either is read
 * (notes/providers.md), and one of them must be there.
 */
export const jobAckSchema = z
  .looseObject({
    id: z.string().min(1).optional(),
    job_id: z.string().min(1).optional(),
    status: z.string(),
    created_at: z.string().nullish(),
  })
  .refine((ack) => ack.id !== undefined || ack.job_id !== undefined, {
    message: 'neither id nor job_id is present',
    path: ['id'],
  })
  .transform((ack) => ({ jobId: (ack.id ?? ack.job_id) as string, status: ack.status }));
export type JobAck = z.output<typeof jobAckSchema>;

/** `GET /v1/applications/jobs/{job_id}`, and a row of the list. */
export const writerJobSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  application_id: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  completed_at: z.string().nullish(),
  data: z
    .looseObject({
      title: z.string().nullish(),
      suggestion: z.string().nullish(),
    })
    .nullish(),
  error: z.string().nullish(),
});
export type WriterJob = z.infer<typeof writerJobSchema>;

/** `GET /v1/applications/{application_id}/jobs`: the shape the SDK reads (the seed gives none). */
export const writerJobListSchema = z.looseObject({
  result: z.array(writerJobSchema),
  totalCount: z.number().int().nonnegative(),
  pagination: z
    .looseObject({
      limit: z.number().int().nonnegative().nullish(),
      offset: z.number().int().nonnegative().nullish(),
    })
    .nullish(),
});
export type WriterJobList = z.infer<typeof writerJobListSchema>;
