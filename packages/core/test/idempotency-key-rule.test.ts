import { describe, expect, it } from 'vitest';
import { NotFoundError, RequestValidationError } from '../src/index.ts';
import { client, emulator, rejection } from './helpers.ts';

/**
 * The guide says only that a malformed Idempotency-Key is a `422`. Core and the emulator share
 * one documented rule: 1–255 characters from `A–Z a–z 0–9 _ . : -`. Core refuses any other key
 * locally, so no key core sends is ever a `422` from the emulator.
 */
const ALLOWED = [
  'crash-and-rerun-1',
  'sync:abc.1_x-2',
  '2b0c8c1e-5f1a-4d2e-9a57-0c6f7e1d2a3b',
  'K'.repeat(255),
];
const REFUSED = ['sync/abc+1', 'has space', 'semi;colon', 'x'.repeat(256), 'ünïcode', 'a=b', ''];

describe('the Idempotency-Key format (issue 10 fidelity)', () => {
  it('finding idempotency-key-format: core refuses locally exactly the keys the emulator would 422', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    for (const key of REFUSED) {
      const error = await rejection(rw.content.generate({ topicId: 't' }, { idempotencyKey: key }));
      expect(error, JSON.stringify(key)).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).path).toBe('idempotencyKey');
    }
    expect(emu.stats().requests).toBe(0);
    for (const key of ALLOWED) {
      // Past the key check the emulator looks the topic up: 404, not a 422 for the key.
      const error = await rejection(rw.content.generate({ topicId: 't' }, { idempotencyKey: key }));
      expect(error, key).toBeInstanceOf(NotFoundError);
    }
    expect(emu.stats().routes['POST /content/generate']).toBe(ALLOWED.length);
  });
});
