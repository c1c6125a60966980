import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftScope, DraftSummary, ProviderV1 } from '../src/index.ts';
import { NotFoundError } from '../src/index.ts';
import { settle as settleJob } from './helpers.ts';

/** One provider wired to its emulator personality, as the contract suite drives it. */
export interface ProviderUnderTest {
  provider: ProviderV1;
  scope: DraftScope;
  /** The emulator holds at least this many drafts in scope: more than one page of the listing. */
  minimumDrafts: number;
  /** An id the emulator has never issued. */
  unknownId: string;
  /**
   * Changes a listed draft upstream the way an editor would (its marker must move); absent for
   * an API whose drafts never change (capability `updates: false`).
   */
  updateDraft?: ((id: string) => Promise<void>) | undefined;
  /** A valid generation input for the provider's `generation.parseInput`. */
  generationInput: unknown;
  /** The emulator ends the next generation job as failed. */
  failNextJob(): void;
  /** Generation jobs the emulator has created so far. */
  jobsCreated(): number;
  /** HTTP requests the emulator has received so far. */
  requestsReceived(): number;
  close(): Promise<void>;
}

const JOB_WAIT_MS = 20_000;

async function listAll(provider: ProviderV1, scope: DraftScope): Promise<DraftSummary[][]> {
  const pages: DraftSummary[][] = [];
  for await (const page of provider.listDrafts(scope)) pages.push(page);
  return pages;
}

/** Polls until the job leaves 'running' (generous deadline: shared, noisy CI cores). */
const settle = (provider: ProviderV1, jobId: string) =>
  settleJob(provider, jobId, { deadlineMs: JOB_WAIT_MS });

/** What the API behind a provider can do; the cases for what it cannot are not registered. */
export interface ContractCapabilities {
  /** `listing: 'complete'` (default true); false for an API without a content listing. */
  lists?: boolean;
  /** Has `generation` (default true). */
  generates?: boolean;
  /**
   * A listed draft can change upstream (default true); false for an API whose drafts never do
   * (Writer: a completed job's output is final), whose `updateDraft` has nothing to call.
   */
  updates?: boolean;
}

/**
 * The behaviour every `ProviderV1` owes the sync engine, run against a real emulator over
 * loopback. A new provider calls this with its factory wired to its emulator personality.
 */
export function providerContract(
  label: string,
  setup: () => Promise<ProviderUnderTest>,
  { lists = true, generates = true, updates = true }: ContractCapabilities = {},
): void {
  describe(`ProviderV1 contract: ${label}`, () => {
    let t: ProviderUnderTest;
    beforeAll(async () => {
      t = await setup();
    });
    afterAll(async () => {
      await t.provider.close();
      await t.close();
    });

    it('names itself and states its specification version', () => {
      expect(t.provider.specificationVersion).toBe('v1');
      expect(t.provider.name).toMatch(/^[a-z][a-z0-9-]*$/);
    });

    it('lists what its listing mode says', async () => {
      expect(t.provider.listing).toBe(lists ? 'complete' : 'none');
      if (!lists) expect(await listAll(t.provider, t.scope)).toEqual([]);
    });

    // Registered only when the API can: a case that cannot apply is left out, not skipped.
    if (lists)
      describe('listing', () => {
        it('yields every draft in scope once, across pages', async () => {
          const pages = await listAll(t.provider, t.scope);
          const ids = pages.flat().map((summary) => summary.id);
          expect(pages.length).toBeGreaterThan(1);
          expect(pages.every((page) => page.length > 0)).toBe(true);
          expect(ids.length).toBeGreaterThanOrEqual(t.minimumDrafts);
          expect(new Set(ids).size).toBe(ids.length);
          for (const summary of pages.flat()) expect(t.scope.statuses).toContain(summary.status);
        });

        it('gives the same markers on two listings of unchanged data', async () => {
          const markers = async () =>
            new Map((await listAll(t.provider, t.scope)).flat().map((s) => [s.id, s.marker]));
          const first = await markers();
          expect(await markers()).toEqual(first);
        });

        if (updates)
          it('moves the marker of a draft updated upstream, and only its', async () => {
            const before = (await listAll(t.provider, t.scope)).flat();
            const target = before.find((summary) => summary.marker !== null) as DraftSummary;
            expect(target).toBeDefined();
            await t.updateDraft?.(target.id);
            const after = new Map(
              (await listAll(t.provider, t.scope)).flat().map((s) => [s.id, s]),
            );
            expect(after.get(target.id)?.marker).not.toBe(target.marker);
            const others = before.filter((summary) => summary.id !== target.id);
            expect(others.filter((s) => after.get(s.id)?.marker !== s.marker)).toEqual([]);
          });
      });

    describe('reading', () => {
      if (lists)
        it('maps a listed draft onto Draft, with the provider name', async () => {
          const [page] = await listAll(t.provider, t.scope);
          const summary = page?.[0] as DraftSummary;
          expect(summary).toBeDefined();
          const draft = await t.provider.retrieveDraft(summary.id, {
            scoring: true,
            sources: true,
          });
          expect(draft).not.toBeNull();
          expect(draft?.provider).toBe(t.provider.name);
          expect(draft?.id).toBe(summary.id);
          expect(draft?.status).toBe(summary.status);
          expect(draft?.body.length).toBeGreaterThan(0);
        });

      it('throws NotFoundError for an id the API never issued', async () => {
        await expect(t.provider.retrieveDraft(t.unknownId)).rejects.toBeInstanceOf(NotFoundError);
      });
    });

    describe('counting requests', () => {
      it('grows by exactly the requests the emulator received', async () => {
        const sentBefore = t.provider.requestCount();
        const receivedBefore = t.requestsReceived();
        const pages = await listAll(t.provider, t.scope);
        const first = pages[0]?.[0];
        if (first) await t.provider.retrieveDraft(first.id);
        await t.provider.retrieveDraft(t.unknownId).catch(() => null);
        const received = t.requestsReceived() - receivedBefore;
        expect(received).toBeGreaterThan(0);
        expect(t.provider.requestCount() - sentBefore).toBe(received);
      });
    });

    if (generates)
      describe('generation', () => {
        const generation = () => {
          const found = t.provider.generation;
          if (!found) throw new Error('the provider under test has no generation');
          return found;
        };

        it('replays a start with the same checkpoint instead of starting a second job', async () => {
          const gen = generation();
          const input = gen.parseInput(t.generationInput);
          const checkpoint = gen.newCheckpoint(input);
          let saves = 0;
          const jobsBefore = t.jobsCreated();
          const first = await gen.start(input, checkpoint, {
            onCheckpoint: async () => void saves++,
          });
          const savesAfterFirst = saves;
          const again = await gen.start(input, checkpoint, {
            onCheckpoint: async () => void saves++,
          });
          expect(again.jobId).toBe(first.jobId);
          expect(t.jobsCreated() - jobsBefore).toBe(1);
          // Every step was recorded the first time: the replay has nothing new to save.
          expect(saves).toBe(savesAfterFirst);
        });

        it('lands a job with the draft it wrote', async () => {
          const gen = generation();
          const input = gen.parseInput(t.generationInput);
          const started = await gen.start(input, gen.newCheckpoint(input));
          const snapshot = await settle(t.provider, started.jobId);
          expect(snapshot).toMatchObject({ jobId: started.jobId, outcome: 'landed', error: null });
          expect(snapshot.draftId).not.toBeNull();
          const draft = await t.provider.retrieveDraft(snapshot.draftId as string);
          expect(draft?.provider).toBe(t.provider.name);
        });

        it('reports a failed job as failed, with the reason', async () => {
          const gen = generation();
          const input = gen.parseInput(t.generationInput);
          t.failNextJob();
          const started = await gen.start(input, gen.newCheckpoint(input));
          const snapshot = await settle(t.provider, started.jobId);
          expect(snapshot.outcome).toBe('failed');
          expect(snapshot.error).toEqual(expect.any(String));
          expect(snapshot.error?.length).toBeGreaterThan(0);
        });

        it('refuses invalid input before any request', () => {
          const sent = t.provider.requestCount();
          expect(() => generation().parseInput({})).toThrow();
          expect(t.provider.requestCount()).toBe(sent);
        });
      });
  });
}
