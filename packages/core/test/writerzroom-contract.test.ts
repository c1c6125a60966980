import { startEmulator } from '@robowrite/emulator';
import { createWriterzRoomProvider, type WriterzRoomDialect } from '../src/index.ts';
import { type ProviderUnderTest, providerContract } from './provider-contract.ts';
import { generationInput } from './writerzroom-helpers.ts';

/** More saved items than one listing page (100), so the v1 listing spans pages. */
const SAVED_ITEMS = 105;

async function post(url: string, key: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

async function setup(dialect: WriterzRoomDialect): Promise<ProviderUnderTest> {
  const emu = await startEmulator({
    provider: 'writerzroom',
    port: 0,
    jobDurationMs: 200,
    rateLimit: false,
  });
  if (dialect === 'v1') {
    // Items created directly (the v1 content/save route), as an editor in WriterzRoom would.
    for (let i = 0; i < SAVED_ITEMS; i++) {
      await post(emu.url, emu.apiKey, '/v1/content/save', {
        title: `Saved article ${i + 1}`,
        body: `## Part one\n\nParagraph ${i + 1} of a saved article.`,
      });
    }
  }
  const provider = createWriterzRoomProvider({
    apiKey: emu.apiKey,
    baseURL: emu.url,
    dialect,
    rateLimit: false,
    logLevel: 'off',
    timeout: 5_000,
  });
  let edits = 0;
  return {
    provider,
    scope: { statuses: ['completed'], brand: null },
    minimumDrafts: dialect === 'v1' ? SAVED_ITEMS : 0,
    unknownId: dialect === 'v1' ? 'cnt_000000000000' : 'req_000000000000',
    updateDraft: async (id) => {
      edits += 1;
      await post(emu.url, emu.apiKey, '/v1/content/save', {
        id,
        title: `Edited upstream ${edits}`,
        body: `## Edited\n\nEdit number ${edits}.`,
      });
    },
    generationInput: generationInput(dialect),
    failNextJob: () => emu.queueJobOutcomes('failed'),
    jobsCreated: () => emu.stats().jobsCreated,
    requestsReceived: () => emu.stats().requests,
    close: () => emu.close(),
  };
}

providerContract('WriterzRoom, api dialect', () => setup('api'), { lists: false });
providerContract('WriterzRoom, v1 dialect', () => setup('v1'));
