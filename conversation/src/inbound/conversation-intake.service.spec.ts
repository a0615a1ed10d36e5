import { migrate, PgliteDatabase } from '@support/platform';
import { conversationMigrations } from '../store/conversation.migrations';
import { ConversationRepository } from '../store/conversation.repository';
import { CustomerRepository } from '../store/customer.repository';
import { MessageRepository } from '../store/message.repository';
import { ConversationIntake } from './conversation-intake.service';
import { InboundMessage } from './inbound-message';
import { hashSessionToken, newSessionToken } from './session-token';

describe(ConversationIntake.name, () => {
  let db: PgliteDatabase;
  let intake: ConversationIntake;
  let messages: MessageRepository;
  let customers: CustomerRepository;
  let conversations: ConversationRepository;

  beforeAll(async () => {
    db = new PgliteDatabase();
    await migrate(db, conversationMigrations);
    messages = new MessageRepository(db);
    customers = new CustomerRepository(db);
    conversations = new ConversationRepository(db);
    intake = new ConversationIntake(db, customers, conversations, messages);
  });
  afterAll(() => db.close());

  const sms = (text: string, sid: string, from = '+15035550147'): InboundMessage => ({
    channel: 'sms',
    from: { kind: 'phone', address: from, verified: true },
    text,
    channelMessageId: sid,
  });

  it('recognises a redelivered message by its channel id and stores it once', async () => {
    const first = await intake.receive(sms('Where is my order?', 'SM001'));
    const again = await intake.receive(sms('Where is my order?', 'SM001'));
    expect(first.duplicate).toBe(false);
    expect(again).toMatchObject({ duplicate: true, message: { id: first.message.id } });
    expect(await messages.list(first.conversation.id)).toHaveLength(1);
  });

  it('recognises two deliveries arriving at the same moment', async () => {
    const results = await Promise.all([intake.receive(sms('Hello', 'SM002')), intake.receive(sms('Hello', 'SM002'))]);
    expect(results.filter((r) => r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
  });

  it('keeps a customer in their open conversation on the channel', async () => {
    const a = await intake.receive(sms('First', 'SM003', '+15550000001'));
    const b = await intake.receive(sms('Second', 'SM004', '+15550000001'));
    const other = await intake.receive(sms('Someone else', 'SM005', '+15550000002'));
    expect(b.conversation.id).toBe(a.conversation.id);
    expect(other.conversation.id).not.toBe(a.conversation.id);
  });

  it('refuses an empty message with a clear error', async () => {
    await expect(intake.receive(sms('   ', 'SM006'))).rejects.toThrow('The message is empty.');
  });

  it('removes NUL and other control characters, keeping line breaks and tabs', async () => {
    const { message } = await intake.receive(sms('Hi\u0000 there\u001b[31m\r\nline\ttwo\u0085\u007f', 'SM007'));
    expect(message.text).toBe('Hi there[31m\r\nline\ttwo');
  });

  it('refuses a message made only of control characters as empty', async () => {
    await expect(intake.receive(sms('\u0000\u0001\u0002', 'SM008'))).rejects.toThrow('The message is empty.');
  });

  describe('web chat sessions', () => {
    const web = (text: string, extra: Partial<InboundMessage> = {}): InboundMessage => ({
      channel: 'web',
      from: { kind: 'web_session', address: `web_${Math.random().toString(36).slice(2)}`, verified: false },
      text,
      ...extra,
    });
    const notFound = async (attempt: Promise<unknown>) =>
      (
        (await attempt.then(
          () => null,
          (error: Error) => error,
        )) as Error | null
      )?.message;

    it('continues a web conversation for the session that opened it', async () => {
      const token = newSessionToken();
      const opened = await intake.receive(web('Hello', { sessionToken: token }));
      const next = await intake.receive(web('Still me', { conversationId: opened.conversation.id, sessionToken: token }));
      expect(next.conversation.id).toBe(opened.conversation.id);
    });

    it('answers a missing or wrong session token exactly like a conversation that does not exist', async () => {
      const opened = await intake.receive(web('Hello', { sessionToken: newSessionToken() }));
      const unknown = await notFound(intake.receive(web('Hi', { conversationId: `conv_${'0'.repeat(32)}`, sessionToken: newSessionToken() })));
      expect(unknown).toMatch(/No web conversation/);
      expect(await notFound(intake.receive(web('Hi', { conversationId: opened.conversation.id })))).toBe(unknown);
      expect(await notFound(intake.receive(web('Hi', { conversationId: opened.conversation.id, sessionToken: newSessionToken() })))).toBe(unknown);
      expect(await messages.list(opened.conversation.id)).toHaveLength(1);
    });

    it('stores only the hash of the session token', async () => {
      const token = newSessionToken();
      const opened = await intake.receive(web('Hello', { sessionToken: token }));
      const { rows } = await db.query<{ session_token_hash: string }>(`SELECT session_token_hash FROM conversations WHERE id = $1`, [opened.conversation.id]);
      expect(rows[0].session_token_hash).toBe(hashSessionToken(token));
      expect(rows[0].session_token_hash).not.toContain(token);
    });
  });

  describe('profile details sent with a message', () => {
    const token = () => newSessionToken();
    const profileOf = async (customerId: string) => {
      const customer = await customers.get(customerId);
      return { name: customer?.name, email: customer?.email };
    };

    it('fill in and update the profile of a customer nobody has verified', async () => {
      const sessionToken = token();
      const opened = await intake.receive({ ...webFrom('web_a'), text: 'Hi', sessionToken, profile: { name: 'Sam' } });
      await intake.receive({
        ...webFrom('web_a'),
        text: 'My email',
        conversationId: opened.conversation.id,
        sessionToken,
        profile: { email: 'sam@example.com' },
      });
      expect(await profileOf(opened.conversation.customerId)).toEqual({ name: 'Sam', email: 'sam@example.com' });
    });

    it('never replace the details of a customer whose conversation proved their shop account', async () => {
      const sessionToken = token();
      const opened = await intake.receive({ ...webFrom('web_b'), text: 'Hi', sessionToken, profile: { name: 'Priya', email: 'priya@example.com' } });
      await conversations.update(opened.conversation.id, { verifiedShopUserId: 'user_priya' });
      await intake.receive({
        ...webFrom('web_b'),
        text: 'Change it',
        conversationId: opened.conversation.id,
        sessionToken,
        profile: { name: 'Mallory', email: 'mallory@example.com' },
      });
      expect(await profileOf(opened.conversation.customerId)).toEqual({ name: 'Priya', email: 'priya@example.com' });
    });

    it('never replace the details of a customer a channel has verified', async () => {
      const first = await intake.receive({ ...sms('Hi', 'SM100', '+15550000100'), profile: { name: 'Ana' } });
      await intake.receive({ ...sms('Again', 'SM101', '+15550000100'), profile: { name: 'Someone else', email: 'else@example.com' } });
      expect(await profileOf(first.conversation.customerId)).toEqual({ name: 'Ana', email: null });
    });

    it('lose their control characters', async () => {
      const opened = await intake.receive({ ...webFrom('web_c'), text: 'Hi', sessionToken: token(), profile: { name: 'Jo\u0000e\u001b' } });
      expect((await profileOf(opened.conversation.customerId)).name).toBe('Joe');
    });
  });
});

function webFrom(address: string): Pick<InboundMessage, 'channel' | 'from'> {
  return { channel: 'web', from: { kind: 'web_session', address, verified: false } };
}
