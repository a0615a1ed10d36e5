import { Database, Queryable, newId } from '@support/platform';
import { Account, Role } from './account';

interface AccountRow {
  id: string;
  email: string;
  role: Role;
  password_hash: string | null;
  phone: string | null;
  created_at: Date;
}

export class AccountRepository {
  constructor(private readonly db: Database) {}

  /** The new account, or null when the email already has one. */
  async create(email: string, role: Role, phone: string | null = null, tx: Queryable = this.db): Promise<Account | null> {
    const { rows } = await tx.query<AccountRow>(
      `INSERT INTO workspace_accounts (id, email, role, phone) VALUES ($1, $2, $3, $4) ON CONFLICT (email) DO NOTHING RETURNING *`,
      [newId('acct'), email, role, phone],
    );
    return rows[0] ? toAccount(rows[0]) : null;
  }

  async get(id: string): Promise<Account | null> {
    const { rows } = await this.db.query<AccountRow>(`SELECT * FROM workspace_accounts WHERE id = $1`, [id]);
    return rows[0] ? toAccount(rows[0]) : null;
  }

  async findByEmail(email: string): Promise<Account | null> {
    return (await this.findWithPassword(email))?.account ?? null;
  }

  async findWithPassword(email: string): Promise<{ account: Account; passwordHash: string | null } | null> {
    const { rows } = await this.db.query<AccountRow>(`SELECT * FROM workspace_accounts WHERE email = $1`, [email]);
    return rows[0] ? { account: toAccount(rows[0]), passwordHash: rows[0].password_hash } : null;
  }

  async list(): Promise<Account[]> {
    const { rows } = await this.db.query<AccountRow>(`SELECT * FROM workspace_accounts ORDER BY email`);
    return rows.map(toAccount);
  }

  async setPhone(id: string, phone: string | null): Promise<Account | null> {
    const { rows } = await this.db.query<AccountRow>(`UPDATE workspace_accounts SET phone = $2 WHERE id = $1 RETURNING *`, [id, phone]);
    return rows[0] ? toAccount(rows[0]) : null;
  }

  async setPassword(id: string, passwordHash: string, tx: Queryable = this.db): Promise<void> {
    await tx.query(`UPDATE workspace_accounts SET password_hash = $2 WHERE id = $1`, [id, passwordHash]);
  }
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    hasPassword: row.password_hash !== null,
    phone: row.phone ?? null,
    createdAt: new Date(row.created_at),
  };
}
