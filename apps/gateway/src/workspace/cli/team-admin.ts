import { readFileSync } from 'node:fs';
import { AppConfig, Database, describeHolder, migrate, PgDatabase, PgliteDatabase, DataDirInUseError } from '@support/platform';
import { GATEWAY_MIGRATIONS } from '../../gateway.migrations';
import { Account } from '../accounts/account';
import { AccountInvitations, Invitation } from '../accounts/account-invitations.service';
import { AccountRepository } from '../accounts/account.repository';
import { SignInLinkRepository } from '../accounts/sign-in-link.repository';
import { localAdminTokenPath } from './local-admin-token';

/** What `npm run agents` does, on the database directly or through the running gateway. */
export interface TeamAdmin {
  add(email: string, role: string, phone?: string): Promise<Invitation>;
  reissue(email: string): Promise<Invitation>;
  list(): Promise<Account[]>;
  close(): Promise<void>;
}

/**
 * The database when it can be opened (a server, or the embedded one while the product is stopped); while the
 * product holds the embedded one, the running gateway, with the token it left in DATA_DIR.
 */
export async function openTeamAdmin(config: AppConfig, err: NodeJS.WritableStream): Promise<TeamAdmin> {
  let db: Database;
  try {
    db = config.database.url
      ? new PgDatabase(config.database.url)
      : new PgliteDatabase(config.database.dataDir, {
          command: 'npm run agents',
          onTakeover: (previous) =>
            err.write(`DATA_DIR lock left by ${previous ? describeHolder(previous) : 'an unreadable lock file'}, which is gone: taken over\n`),
        });
  } catch (error) {
    if (error instanceof DataDirInUseError) return runningGatewayAdmin(config, error);
    throw error;
  }
  await migrate(db, GATEWAY_MIGRATIONS);
  const accounts = new AccountRepository(db);
  const invitations = new AccountInvitations(accounts, new SignInLinkRepository(db), config);
  return {
    add: (email, role, phone) => invitations.add(email, role, phone),
    reissue: (email) => invitations.reissue(email),
    list: () => accounts.list(),
    close: () => db.close(),
  };
}

function runningGatewayAdmin(config: AppConfig, inUse: DataDirInUseError): TeamAdmin {
  let token: string;
  try {
    token = readFileSync(localAdminTokenPath(config.database.dataDir), 'utf8').trim();
  } catch {
    throw new TeamAdminError(
      `DATA_DIR ${inUse.dataDir} is in use by ${inUse.heldBy}, which is not a gateway this command can reach; stop it first (or use DATABASE_URL)`,
    );
  }
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const url = `http://127.0.0.1:${config.port}/workspace/api/local/${path}`;
    const response = await fetch(url, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    }).catch(() => {
      throw new TeamAdminError(`the product holds DATA_DIR ${inUse.dataDir} but does not answer on port ${config.port}; set PORT to its port`);
    });
    const answer = (await response.json().catch(() => ({}))) as T & { message?: string };
    if (!response.ok) throw new TeamAdminError(answer.message ?? `the gateway answered ${response.status}`);
    return answer;
  };
  return {
    add: (email, role, phone) => call('POST', 'accounts', { email, role, phone }),
    reissue: (email) => call('POST', 'sign-in-links', { email }),
    list: async () => (await call<Account[]>('GET', 'accounts')).map((account) => ({ ...account, createdAt: new Date(account.createdAt) })),
    close: async () => undefined,
  };
}

/** A refusal the command prints as one line. */
export class TeamAdminError extends Error {
  override readonly name = 'TeamAdminError';
}
