export const ROLES = ['agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A person on the support team who signs in to the workspace. */
export interface Account {
  id: string;
  email: string;
  role: Role;
  /** False until the person has followed their sign-in link and chosen a password. */
  hasPassword: boolean;
  /** Their own phone (E.164), which the product dials when they take a call waiting in the queue. */
  phone: string | null;
  createdAt: Date;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && EMAIL.test(value.trim());
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** The number as E.164 (`+14155550100`): spaces, dots, dashes and brackets people type are dropped. */
export function normalisePhone(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const compact = value.trim().replace(/[\s().-]/g, '');
  return E164.test(compact) ? compact : null;
}

export const PHONE_FORMAT_HINT = 'Give the phone number in international (E.164) form: a + and the country code, like +14155550100.';
