/** Why the retail tools refused: each code tells the model what to do next. */
export type RetailRefusalCode =
  'not_authenticated' | 'other_customer' | 'confirmation_required' | 'not_found' | 'invalid_state' | 'invalid_argument' | 'insufficient_balance';

export interface RetailRefusal {
  ok: false;
  code: RetailRefusalCode;
  message: string;
}

export type RetailOutcome<T> = { ok: true; data: T } | RetailRefusal;

export function refuse(code: RetailRefusalCode, message: string): RetailRefusal {
  return { ok: false, code, message };
}

export function succeed<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}
