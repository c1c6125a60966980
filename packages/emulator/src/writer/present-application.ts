import { day } from '../fixtures/time.ts';
import { MAX_VALUES } from './inputs.ts';
import type { Application } from './types.ts';

/**
 * `GET /v1/applications/{application_id}`: not in the seed, but in the official SDK
 * (`client.applications.retrieve`), and the one place a user (or `robowrite init`) can read an
 * agent's input names. Every demo input is a text input; dates are fixed fixture days.
 */
export function presentApplication(app: Application) {
  return {
    id: app.id,
    name: app.name,
    type: 'generation',
    status: 'deployed',
    created_at: day(0),
    updated_at: day(2),
    last_deployed_at: day(2),
    inputs: app.inputs.map((input) => ({
      name: input.name,
      input_type: 'text',
      required: input.required,
      description: input.description,
      options: { min_fields: input.required ? 1 : 0, max_fields: MAX_VALUES },
    })),
  };
}
