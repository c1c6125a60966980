import { describe, expect, it } from 'vitest';
import {
  APITimeoutError,
  type GenerationCheckpoint,
  RoboWriteError,
  UnansweredGenerationError,
  type WriterzRoomDialect,
} from '../src/index.ts';
import { rejection } from './helpers.ts';
import { writerEmulator, writerProvider } from './writer-helpers.ts';
import { generationInput, wzrEmulator, wzrProvider } from './writerzroom-helpers.ts';

/** The create request is processed, then its answer never comes: the client times out. */
const STALL = { sequence: ['stall' as const] };
const QUICK_TIMEOUT = { timeout: 2_000 };

/** Copies of the checkpoint at each save, as the engine would write them. */
function savesOf(checkpoint: GenerationCheckpoint) {
  const saves: { sent: Record<string, string>; created: Record<string, string> }[] = [];
  const onCheckpoint = async () => {
    saves.push({ sent: { ...checkpoint.sent }, created: { ...checkpoint.created } });
  };
  return { saves, onCheckpoint };
}

describe.each<WriterzRoomDialect>(['api', 'v1'])(
  'WriterzRoom, %s dialect: a lost answer',
  (dialect) => {
    const route = dialect === 'api' ? 'POST /api/generate' : 'POST /v1/generate';

    it('saves the send time before sending, and never sends a second create after a lost answer', async () => {
      const emu = await wzrEmulator({ faults: [{ route, ...STALL }] });
      const { provider } = wzrProvider(emu, dialect, QUICK_TIMEOUT);
      const gen = provider.generation;
      const input = gen.parseInput(generationInput(dialect));
      const checkpoint = gen.newCheckpoint(input);
      const { saves, onCheckpoint } = savesOf(checkpoint);
      const before = Date.now();
      expect(await rejection(gen.start(input, checkpoint, { onCheckpoint }))).toBeInstanceOf(
        APITimeoutError,
      );
      expect(saves).toHaveLength(1);
      expect(saves[0]?.created).toEqual({});
      const sent = Date.parse(saves[0]?.sent.request ?? '');
      expect(sent).toBeGreaterThanOrEqual(before - 1);
      expect(emu.stats().jobsCreated).toBe(1);

      const again = await rejection(gen.start(input, checkpoint, { onCheckpoint }));
      expect(again).toBeInstanceOf(UnansweredGenerationError);
      expect(again).toMatchObject({ sentAt: checkpoint.sent.request, listed: dialect === 'v1' });
      expect((again as Error).message).toBe(
        `a previous run sent this generation at ${checkpoint.sent.request} and may have started a job`,
      );
      expect(emu.stats().jobsCreated).toBe(1);
      expect(emu.stats().routes[route]).toBe(1);
    });

    it('takes the send time back when the API answers 4xx (nothing was created)', async () => {
      const emu = await wzrEmulator({ faults: [{ route, sequence: ['edge-403'] }] });
      const { provider } = wzrProvider(emu, dialect, { maxRetries: 0 });
      const gen = provider.generation;
      const input = gen.parseInput(generationInput(dialect));
      const checkpoint = gen.newCheckpoint(input);
      const { saves, onCheckpoint } = savesOf(checkpoint);
      await rejection(gen.start(input, checkpoint, { onCheckpoint }));
      expect(saves.map((save) => Object.keys(save.sent))).toEqual([['request'], []]);
      const started = await gen.start(input, checkpoint, { onCheckpoint });
      expect(checkpoint.created).toEqual({ request: started.jobId });
      expect(emu.stats().jobsCreated).toBe(1);
    });
  },
);

describe('Writer: a lost answer', () => {
  const route = 'POST /v1/applications/{application_id}/jobs';

  it('adopts the one job the application gained since the send, without a second create', async () => {
    const emu = await writerEmulator({ faults: [{ route, ...STALL }] });
    const { provider } = writerProvider(emu, QUICK_TIMEOUT);
    const gen = provider.generation;
    const input = gen.parseInput({ inputs: { topic: 'Sourdough at scale' } });
    const checkpoint = gen.newCheckpoint(input);
    const { saves, onCheckpoint } = savesOf(checkpoint);
    expect(await rejection(gen.start(input, checkpoint, { onCheckpoint }))).toBeInstanceOf(
      APITimeoutError,
    );
    expect(saves).toEqual([{ sent: { job: checkpoint.sent.job }, created: {} }]);

    const adopted = await gen.start(input, checkpoint, { onCheckpoint });
    const listed = await provider.client.listJobs(emu.applicationId);
    expect(listed.result.map((job) => job.id)).toEqual([adopted.jobId]);
    expect(checkpoint.created).toEqual({ job: adopted.jobId });
    expect(saves.at(-1)?.created).toEqual({ job: adopted.jobId });
    expect(emu.stats().jobsCreated).toBe(1);
    expect(emu.stats().routes[route]).toBe(1);
  });

  it('refuses when two jobs could be it, and sends nothing', async () => {
    const emu = await writerEmulator({ faults: [{ route, ...STALL }] });
    const { provider } = writerProvider(emu, QUICK_TIMEOUT);
    const gen = provider.generation;
    const input = gen.parseInput({ inputs: { topic: 'Rye' } });
    const checkpoint = gen.newCheckpoint(input);
    await rejection(gen.start(input, checkpoint));
    // Another client starts a job of the same application meanwhile.
    const other = gen.parseInput({ inputs: { topic: 'Spelt' } });
    await gen.start(other, gen.newCheckpoint(other));
    const refused = await rejection(gen.start(input, checkpoint));
    expect(refused).toBeInstanceOf(UnansweredGenerationError);
    expect(refused).toMatchObject({ sentAt: checkpoint.sent.job, listed: true });
    expect(checkpoint.created).toEqual({});
    expect(emu.stats().jobsCreated).toBe(2);
  });

  it('refuses a send time that is no date (the checkpoint comes from a state file)', async () => {
    const emu = await writerEmulator();
    const { provider } = writerProvider(emu);
    const gen = provider.generation;
    const input = gen.parseInput({ inputs: { topic: 'Rye' } });
    const checkpoint = { keys: {}, created: {}, sent: { job: 'yesterday\u001b[2J' } };
    const refused = await rejection(gen.start(input, checkpoint));
    expect(refused).toBeInstanceOf(RoboWriteError);
    expect((refused as Error).message).toBe("the checkpoint's sent.job is not a date");
    expect(emu.stats().requests).toBe(0);
  });
});
