import { randomUUID } from 'node:crypto';

/** Prefixed, sortable-enough ids that say what they name in logs: `conv_…`, `msg_…`, `turn_…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '')}`;
}
