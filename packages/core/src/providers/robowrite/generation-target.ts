import type { RoboWrite } from '../../client.ts';
import type { ProviderCallOptions } from '../../provider/v1/provider-v1.ts';

/** No brand or property to generate for, and none given: the caller's to fix (a usage problem). */
export class GenerateTargetError extends Error {
  override name = 'GenerateTargetError';
}

/** Used when a generation's input names no brand or property (the CLI's config). */
export interface GenerationDefaults {
  brandId?: string | null | undefined;
  propertyId?: string | null | undefined;
}

/** The configured brand, else the organization's first. */
export async function defaultBrand(
  client: RoboWrite,
  defaults: GenerationDefaults,
  options: ProviderCallOptions = {},
): Promise<string> {
  if (defaults.brandId) return defaults.brandId;
  const brands = await client.brands.list({ limit: 1 }, callOptions(options));
  const first = brands.items[0];
  if (!first) throw new GenerateTargetError('the organization has no brands; pass --brand');
  return first.id;
}

/** The configured property, else the first of the brand (of any brand when none is known). */
export async function defaultProperty(
  client: RoboWrite,
  defaults: GenerationDefaults,
  brandId: string | null,
  options: ProviderCallOptions = {},
): Promise<string> {
  if (defaults.propertyId) return defaults.propertyId;
  for await (const property of client.properties.list({}, callOptions(options))) {
    if (!brandId || property.brand_id === brandId) return property.id;
  }
  throw new GenerateTargetError(
    'no property to publish to; pass --property or set generate.propertyId',
  );
}

function callOptions(options: ProviderCallOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}
