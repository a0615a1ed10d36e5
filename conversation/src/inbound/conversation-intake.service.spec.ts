import { migrate, PgliteDatabase } from '@support/platform';
import { conversationMigrations } from '../store/conversation.migrations';
import { ConversationRepository } from '../store/conversation.repository';
import { CustomerRepository } from '../store/customer.repository';
import { MessageRepository } from '../store/message.repository';
import { ConversationIntake } from './conversation-intake.service';
import { InboundMessage } from './inbound-message';

describe(ConversationIntake.name, () => {
  let db: PgliteDatabase;
  let intake: ConversationIntake;
  let messages: MessageRepository;

  beforeAll(async () => {
    db = new PgliteDatabase();
    await migrate(db, conversationMigrations);
    messages = new MessageRepository(db);
    intake = new ConversationIntake(db, new CustomerRepository(db), new ConversationRepository(db), messages);
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
});
