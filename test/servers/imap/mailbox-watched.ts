import { Database } from '@support/platform';
import { eventually } from '../../support/eventually';

/** Waits until the gateway has looked at the mailbox and stored where it starts: mail appended after this is new mail. */
export async function mailboxWatched(db: Database): Promise<void> {
  await eventually(async () => (await db.query(`SELECT 1 FROM email_mailbox_state`)).rows.length > 0, 20_000);
}
