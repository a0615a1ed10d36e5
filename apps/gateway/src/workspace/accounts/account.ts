export const ROLES = ['agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A person on the support team who signs in to the workspace. */
export interface Account {
  id: string;
  email: string;
  role: Role;
  /** False until the person has followed their sign-in link and chosen a password. */
  hasPassword: boolean;
  createdAt: Date;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && EMAIL.test(value.trim());
}
