import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/http-client.ts';
import { segment } from '../core/params.ts';
import { type JobResult, type WaitForOptions, waitForJob } from '../lib/wait-for-job.ts';
import { type Job, jobSchema } from '../schemas/job.ts';
import { APIResource } from './resource.ts';

export class Jobs extends APIResource {
  /** One read of a job's status; `content_item_id` and `content_version_id` appear here. */
  retrieve(jobId: string, options?: RequestOptions): APIPromise<Job> {
    return this.request(() => ({
      method: 'GET',
      path: `/jobs/${segment(jobId, 'jobId')}`,
      schema: jobSchema,
      options,
    }));
  }

  /** Polls until the job stops (see `waitForJob`); defaults: every ~15 s, for up to 30 min. */
  waitFor(jobId: string, options?: WaitForOptions): Promise<JobResult> {
    return waitForJob((id, o) => this.retrieve(id, o), this.http.logger, jobId, options);
  }
}
