import { HttpException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { clientNetwork } from '@support/agent';
import { Database, LOGGER, ValidationError } from '@support/platform';
import type { Logger } from '@support/platform';
import { SESSION_LIFETIME_MS } from '../sessions/session-cookies';
import { NewSession, SessionRepository } from '../sessions/session.repository';
import { isEmail, normaliseEmail } from './account';
import { AccountRepository } from './account.repository';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, UNMATCHABLE_HASH, verifyPassword } from './password-hash';
import { isPlausibleToken } from './secret-token';
import { SignInLinkRepository } from './sign-in-link.repository';
import { SignInLockout } from './sign-in-lockout';

const WRONG_CREDENTIALS = 'That email and password do not match an account.';

/** Signing in with a password, and choosing one through a sign-in link. */
@Injectable()
export class SignInService {
  constructor(
    private readonly db: Database,
    private readonly accounts: AccountRepository,
    private readonly links: SignInLinkRepository,
    private readonly sessions: SessionRepository,
    private readonly lockout: SignInLockout,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async signIn(body: unknown, clientAddress: string): Promise<NewSession> {
    const { email, password } = readCredentials(body);
    // An IPv6 client holds its whole /64: walking through it must not reset the count.
    const attempt = await this.lockout.begin(email, clientNetwork(clientAddress));
    if (!attempt) {
      this.logger.warn({ clientAddress }, 'workspace sign-in locked');
      throw new HttpException(
        'Too many failed sign-ins. Sign-in is locked for 15 minutes; ask an admin for a new sign-in link if you forgot your password.',
        429,
      );
    }
    const found = await this.accounts.findWithPassword(email);
    const matches = await verifyPassword(password, found?.passwordHash ?? UNMATCHABLE_HASH);
    if (!found || !found.passwordHash || !matches) throw new UnauthorizedException(WRONG_CREDENTIALS);
    await this.lockout.succeeded(attempt);
    this.logger.info({ accountId: found.account.id }, 'workspace sign-in');
    return this.sessions.create(found.account.id, SESSION_LIFETIME_MS);
  }

  /** Follows a sign-in link: sets the password, ends the account's other sessions and signs this browser in. */
  async choosePassword(body: unknown): Promise<NewSession> {
    const { token, password } = (body ?? {}) as Record<string, unknown>;
    assertAcceptablePassword(password);
    if (!isPlausibleToken(token)) throw new UnauthorizedException('This sign-in link is not valid. Ask an admin for a new one.');
    const passwordHash = await hashPassword(password);
    return this.db.transaction(async (tx) => {
      const accountId = await this.links.consume(token, tx);
      if (!accountId) throw new UnauthorizedException('This sign-in link has been used or has expired. Ask an admin for a new one.');
      await this.accounts.setPassword(accountId, passwordHash, tx);
      await this.sessions.endAllFor(accountId, tx);
      this.logger.info({ accountId }, 'workspace password set');
      return this.sessions.create(accountId, SESSION_LIFETIME_MS, tx);
    });
  }
}

function readCredentials(body: unknown): { email: string; password: string } {
  const { email, password } = (body ?? {}) as Record<string, unknown>;
  if (!isEmail(email) || typeof password !== 'string' || !password || password.length > MAX_PASSWORD_LENGTH) {
    throw new ValidationError('Enter your email address and your password.');
  }
  return { email: normaliseEmail(email), password };
}

function assertAcceptablePassword(password: unknown): asserts password is string {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new ValidationError(`Choose a password of ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`);
  }
}
