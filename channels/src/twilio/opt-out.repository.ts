import { Database } from '@support/platform';

/** Who said STOP: nothing more is sent to them on that channel until they say START. */
export class OptOutRepository {
  constructor(private readonly db: Database) {}

  async optOut(channel: string, address: string, keyword: string): Promise<void> {
    await this.db.query(
      `INSERT INTO twilio_opt_outs (channel, address, keyword) VALUES ($1, $2, $3)
       ON CONFLICT (channel, address) DO UPDATE SET keyword = EXCLUDED.keyword, opted_out_at = now()`,
      [channel, address, keyword],
    );
  }

  async optIn(channel: string, address: string): Promise<void> {
    await this.db.query(`DELETE FROM twilio_opt_outs WHERE channel = $1 AND address = $2`, [channel, address]);
  }

  async isOptedOut(channel: string, address: string): Promise<boolean> {
    const { rows } = await this.db.query(`SELECT 1 FROM twilio_opt_outs WHERE channel = $1 AND address = $2`, [channel, address]);
    return rows.length > 0;
  }
}
