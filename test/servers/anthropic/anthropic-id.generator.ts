import { randomBytes } from 'node:crypto';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Ids shaped like the API's: `msg_01…`, `toolu_01…`, `req_01…` followed by 22 base58 characters. */
export function generateAnthropicId(prefix: 'msg' | 'toolu' | 'req'): string {
  const suffix = [...randomBytes(22)].map((byte) => BASE58[byte % BASE58.length]).join('');
  return `${prefix}_01${suffix}`;
}
