import { createHash } from 'node:crypto';
import { hashKey } from '../ids.ts';
import { ACCOUNTS } from './catalog.ts';
import type { Account, ContentRecord, Generation, WzrState } from './types.ts';

/** The one store both dialects share: accounts, generation requests, saved content. */
export class WzrStore {
  readonly seed: string;
  counter: number;
  readonly accounts: Account[];
  readonly generations = new Map<string, Generation>();
  readonly contents = new Map<string, ContentRecord>();
  /** Something changed since the last save. */
  dirty = false;

  constructor(state: WzrState) {
    this.seed = state.seed;
    this.counter = state.counter;
    this.accounts = state.accounts;
    for (const g of state.generations) this.generations.set(g.request_id, g);
    for (const c of state.contents) this.contents.set(c.id, c);
  }

  static fresh(seed: string): WzrStore {
    const accounts = ACCOUNTS.map((a) => ({
      id: a.id,
      key_hash: hashKey(a.key),
      plan: a.plan,
      credits: a.credits,
    }));
    return new WzrStore({
      schema: 'writerzroom/1',
      seed,
      counter: 0,
      accounts,
      generations: [],
      contents: [],
    });
  }

  accountByKey(key: string): Account | undefined {
    const hash = hashKey(key);
    return this.accounts.find((a) => a.key_hash === hash);
  }

  /** `req_` / `cnt_` plus 12 hex digits derived from the seed and a counter: reproducible. */
  nextId(prefix: 'req' | 'cnt'): string {
    this.counter += 1;
    this.dirty = true;
    const hex = createHash('sha256')
      .update(`${this.seed}:writerzroom:${prefix}:${this.counter}`)
      .digest('hex');
    return `${prefix}_${hex.slice(0, 12)}`;
  }

  ownContents(account: Account): ContentRecord[] {
    return [...this.contents.values()].filter((c) => c.account_id === account.id);
  }

  toState(): WzrState {
    return {
      schema: 'writerzroom/1',
      seed: this.seed,
      counter: this.counter,
      accounts: this.accounts,
      generations: [...this.generations.values()],
      contents: [...this.contents.values()],
    };
  }
}
