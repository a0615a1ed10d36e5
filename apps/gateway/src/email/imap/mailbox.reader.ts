import { ImapFlow } from 'imapflow';
import { MailboxBackfill } from '../store/email-mailbox-state.repository';

export interface MailboxMessage {
  uid: number;
  source: Buffer;
  flags: Set<string>;
}

const DAY_MS = 86_400_000;

/** Reads mail from the watched folder; each call holds the mailbox lock only while it talks to the server. */
export class MailboxReader {
  constructor(private readonly path: string) {}

  /** UIDs after `afterUid`, oldest first. */
  async uidsAfter(client: ImapFlow, afterUid: number, limit: number): Promise<number[]> {
    return this.locked(client, async () => {
      // The count is what the server last told this connection; without IDLE it says so only in answer to a command.
      if (client.mailbox && client.mailbox.exists === 0) await client.noop();
      if (!client.mailbox || client.mailbox.exists === 0) return [];
      // UIDNEXT is only what SELECT reported (an EXISTS push does not update it), so SEARCH; and `N:*` always matches the newest mail, even below N.
      const uids = (await client.search({ uid: `${afterUid + 1}:*` }, { uid: true })) || [];
      return uids
        .filter((uid) => uid > afterUid)
        .sort((a, b) => a - b)
        .slice(0, limit);
    });
  }

  /** Mail a backfill answers: below its UID, neither \Seen nor \Answered, received (INTERNALDATE) since its time; oldest first. */
  async backfillUids(client: ImapFlow, backfill: MailboxBackfill): Promise<number[]> {
    if (backfill.belowUid <= 1) return [];
    return this.locked(client, async () => {
      if (!client.mailbox || client.mailbox.exists === 0) return [];
      // SEARCH SINCE compares dates only, in the server's time zone: ask a day wider, then compare times.
      const query = { uid: `1:${backfill.belowUid - 1}`, seen: false, answered: false, deleted: false, since: new Date(backfill.since.getTime() - DAY_MS) };
      const found = ((await client.search(query, { uid: true })) || []).filter((uid) => uid < backfill.belowUid);
      if (!found.length) return [];
      const dated = await client.fetchAll(found.join(','), { uid: true, internalDate: true }, { uid: true });
      return dated
        .filter((m) => m.internalDate && new Date(m.internalDate).getTime() >= backfill.since.getTime())
        .map((m) => m.uid)
        .sort((a, b) => a - b);
    });
  }

  async read(client: ImapFlow, uids: number[]): Promise<MailboxMessage[]> {
    if (!uids.length) return [];
    return this.locked(client, async () => {
      const fetched = await client.fetchAll(uids.join(','), { uid: true, source: true, flags: true }, { uid: true });
      return fetched
        .filter((m) => m.source)
        .map((m) => ({ uid: m.uid, source: m.source!, flags: m.flags ?? new Set<string>() }))
        .sort((a, b) => a.uid - b.uid);
    });
  }

  private async locked<T>(client: ImapFlow, work: () => Promise<T>): Promise<T> {
    const lock = await client.getMailboxLock(this.path);
    try {
      if (!client.mailbox) throw new Error('mailbox not selected');
      return await work();
    } finally {
      lock.release();
    }
  }
}
