import type { ActionReport } from './writer.ts';

export interface PullFailure {
  itemId: string | null;
  message: string;
}

/** What a pull has done so far: its reports and failures, gathered step by step. */
export class PullLog {
  readonly failures: PullFailure[] = [];
  /** Items that failed this run: never deleted, never rewritten. */
  readonly failed = new Set<string>();
  /** Items planned from what was read (the rest are planned by `planUnread`). */
  readonly planned = new Set<string>();
  readonly reports: ActionReport[] = [];

  /** A failure not tied to one item's file (the listing, a job, a state entry). */
  fail(itemId: string | null, message: string): void {
    this.failures.push({ itemId, message });
  }

  /** An item that could not be read or rendered: left exactly as it was. */
  itemFailed(itemId: string, message: string): void {
    this.failed.add(itemId);
    this.failures.push({ itemId, message: `${itemId}: ${message}` });
  }
}
