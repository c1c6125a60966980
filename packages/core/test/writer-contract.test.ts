import { SOCIAL_POST_APPLICATION_ID, startEmulator } from '@robowrite/emulator';
import { createWriterProvider, WRITER_MAX_PAGE_SIZE, WriterClient } from '../src/index.ts';
import { providerContract } from './provider-contract.ts';

const BLOG_JOBS = WRITER_MAX_PAGE_SIZE + 5;
const SOCIAL_JOBS = 3;
const WAIT_MS = 30_000;

providerContract(
  'writer',
  async () => {
    // Started here, not with writer-helpers' writerEmulator(): the suite shares one emulator
    // across its cases (beforeAll), while the helpers close theirs after each case.
    const emu = await startEmulator({
      provider: 'writer',
      port: 0,
      jobDurationMs: 200,
      rateLimit: false,
    });
    const seeder = new WriterClient({ apiKey: emu.apiKey, baseURL: emu.url, rateLimit: false });
    // More completed jobs than one page of the blog application's list, and a few of the other.
    for (let n = 0; n < BLOG_JOBS; n++) {
      await seeder.createJob({
        applicationId: emu.applicationId,
        inputs: [{ id: 'topic', value: [`Contract topic ${n}`] }],
      });
    }
    for (let n = 0; n < SOCIAL_JOBS; n++) {
      await seeder.createJob({
        applicationId: SOCIAL_POST_APPLICATION_ID,
        inputs: [{ id: 'Product descriptions', value: [`Product ${n}`] }],
      });
    }
    const deadline = Date.now() + WAIT_MS;
    while ((await seeder.listJobs(emu.applicationId, { status: 'in_progress' })).totalCount > 0) {
      if (Date.now() > deadline) throw new Error('seeded jobs did not complete in time');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const provider = createWriterProvider({
      apiKey: emu.apiKey,
      baseURL: emu.url,
      applicationIds: [emu.applicationId, SOCIAL_POST_APPLICATION_ID],
      rateLimit: false,
      logLevel: 'error',
    });
    return {
      provider,
      scope: { statuses: ['completed'], brand: null },
      minimumDrafts: BLOG_JOBS + SOCIAL_JOBS,
      unknownId: '00000000-0000-4000-8000-000000000000',
      generationInput: { inputs: { topic: 'Remote work' } },
      failNextJob: () => emu.queueJobOutcomes('failed'),
      jobsCreated: () => emu.stats().jobsCreated,
      requestsReceived: () => emu.stats().requests,
      close: async () => {
        await seeder.close();
        await emu.close();
      },
    };
  },
  // A completed job's output never changes upstream: there is no edit to make.
  { updates: false },
);
