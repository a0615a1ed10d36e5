import { Database, Queryable, newId } from '@support/platform';
import { IdentityKind } from '../model/channel';
import { Customer, CustomerIdentity } from '../model/customer';

interface CustomerRow {
  id: string;
  name: string | null;
  email: string | null;
  created_at: Date;
}

export class CustomerRepository {
  constructor(private readonly db: Database) {}

  /** The customer behind an identity, created on first contact with `profile`. Safe when two messages race. */
  async findOrCreateByIdentity(
    identity: { kind: IdentityKind; address: string; verified: boolean },
    profile: { name?: string | null; email?: string | null } = {},
    tx: Queryable = this.db,
  ): Promise<Customer> {
    const existing = await this.findByIdentity(identity.kind, identity.address, tx);
    if (existing) {
      // A number first seen unproven (a call without attestation) is proven once the channel vouches for it.
      if (identity.verified)
        await tx.query(`UPDATE customer_identities SET verified = true WHERE kind = $1 AND address = $2 AND NOT verified`, [identity.kind, identity.address]);
      return existing;
    }
    const id = newId('cus');
    await tx.query(`INSERT INTO customers (id, name, email) VALUES ($1, $2, $3)`, [id, profile.name ?? null, profile.email ?? null]);
    const claimed = await tx.query<{ customer_id: string }>(
      `INSERT INTO customer_identities (kind, address, customer_id, verified) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, address) DO UPDATE SET kind = EXCLUDED.kind RETURNING customer_id`,
      [identity.kind, identity.address, id, identity.verified],
    );
    const ownerId = claimed.rows[0].customer_id;
    if (ownerId !== id) await tx.query(`DELETE FROM customers WHERE id = $1`, [id]);
    return (await this.get(ownerId, tx))!;
  }

  async findByIdentity(kind: IdentityKind, address: string, tx: Queryable = this.db): Promise<Customer | null> {
    const { rows } = await tx.query<CustomerRow>(
      `SELECT c.* FROM customers c JOIN customer_identities i ON i.customer_id = c.id WHERE i.kind = $1 AND i.address = $2`,
      [kind, address],
    );
    return rows[0] ? toCustomer(rows[0]) : null;
  }

  async get(id: string, tx: Queryable = this.db): Promise<Customer | null> {
    const { rows } = await tx.query<CustomerRow>(`SELECT * FROM customers WHERE id = $1`, [id]);
    return rows[0] ? toCustomer(rows[0]) : null;
  }

  async identities(customerId: string, tx: Queryable = this.db): Promise<CustomerIdentity[]> {
    const { rows } = await tx.query<{ kind: IdentityKind; address: string; customer_id: string; verified: boolean }>(
      `SELECT kind, address, customer_id, verified FROM customer_identities WHERE customer_id = $1 ORDER BY created_at`,
      [customerId],
    );
    return rows.map((r) => ({ kind: r.kind, address: r.address, customerId: r.customer_id, verified: r.verified }));
  }

  /** Whether a channel has proven one of the customer's identities (the SMS came from that number, …). */
  async hasVerifiedIdentity(customerId: string, tx: Queryable = this.db): Promise<boolean> {
    const { rows } = await tx.query(`SELECT 1 FROM customer_identities WHERE customer_id = $1 AND verified LIMIT 1`, [customerId]);
    return rows.length > 0;
  }

  /** Fills in what the customer told us about themselves; an empty field keeps the stored value. */
  async updateProfile(customer: Customer, profile: { name?: string | null; email?: string | null }, tx: Queryable = this.db): Promise<Customer> {
    const name = profile.name ?? customer.name;
    const email = profile.email ?? customer.email;
    if (name === customer.name && email === customer.email) return customer;
    await tx.query(`UPDATE customers SET name = $2, email = $3 WHERE id = $1`, [customer.id, name, email]);
    return { ...customer, name, email };
  }
}

function toCustomer(row: CustomerRow): Customer {
  return { id: row.id, name: row.name, email: row.email, createdAt: new Date(row.created_at) };
}
