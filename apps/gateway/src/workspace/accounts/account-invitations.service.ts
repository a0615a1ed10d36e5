import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { APP_CONFIG, ValidationError } from '@support/platform';
import type { AppConfig } from '@support/platform';
import { Account, isEmail, normaliseEmail, normalisePhone, PHONE_FORMAT_HINT, Role, ROLES } from './account';
import { AccountRepository } from './account.repository';
import { SignInLinkRepository } from './sign-in-link.repository';

export const SIGN_IN_LINK_VALID_MS = 72 * 60 * 60_000;

export interface Invitation {
  account: Account;
  /** Opens the page where the person chooses their password; works once, for 72 hours. */
  signInLink: string;
}

/** Adding people to the workspace (from the command line or by an admin) and giving them a new sign-in link. */
@Injectable()
export class AccountInvitations {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly links: SignInLinkRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `phone` is optional: the person's own phone (E.164), dialled when they take a call from the queue. */
  async add(email: unknown, role: unknown = 'agent', phone?: unknown): Promise<Invitation> {
    if (!isEmail(email)) throw new ValidationError('Give a valid email address.');
    if (typeof role !== 'string' || !ROLES.includes(role as Role)) throw new ValidationError(`The role must be one of: ${ROLES.join(', ')}.`);
    const number = phone === undefined || phone === null || phone === '' ? null : normalisePhone(phone);
    if (number === null && phone !== undefined && phone !== null && phone !== '') throw new ValidationError(PHONE_FORMAT_HINT);
    const account = await this.accounts.create(normaliseEmail(email), role as Role, number);
    if (!account) throw new ConflictException(`${normaliseEmail(email)} already has an account.`);
    return { account, signInLink: await this.link(account.id) };
  }

  /** A fresh one-time link for an existing account (a forgotten password); the old password works until it is used. */
  async reissue(email: unknown): Promise<Invitation> {
    const account = isEmail(email) ? await this.accounts.findByEmail(normaliseEmail(email)) : null;
    if (!account) throw new NotFoundException(`No account for ${String(email)}.`);
    return { account, signInLink: await this.link(account.id) };
  }

  private async link(accountId: string): Promise<string> {
    const token = await this.links.issue(accountId, SIGN_IN_LINK_VALID_MS);
    return `${this.config.publicBaseUrl}/workspace/welcome#token=${token}`;
  }
}
