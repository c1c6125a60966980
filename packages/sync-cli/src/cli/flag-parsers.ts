import { InvalidArgumentError } from 'commander';
import { type Bound, parseBounded } from '../config/bounds.ts';

/** A repeatable flag's values, in order (`--input a=1 --input b=2`). */
export function collect(value: string, previous?: string[]): string[] {
  return [...(previous ?? []), value];
}

/** A comma-separated flag, repeatable: `--status draft,published --status in_review`. */
export function list(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

/** A commander parser for a numeric flag held to its bound (see config/bounds.ts). */
export function inRange(bound: Bound): (value: string) => number {
  return (value) => {
    try {
      return parseBounded(value, bound);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}
