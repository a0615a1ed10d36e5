import { FakeTwilio, InboundWebhookBuilder, TwilioWebhookClient, startFakeTwilio } from '../../servers/twilio';
import { ChannelUnderContract, ContractMessage } from './channel-under-contract';

const ACCOUNT_SID = `AC${'c7'.repeat(16)}`;
const AUTH_TOKEN = 'contract-twilio-auth-token';
const PUBLIC_BASE_URL = 'https://support.example.test';
const SMS_NUMBER = '+15550001000';
const WHATSAPP_SENDER = 'whatsapp:+14155238886';

/** SMS or WhatsApp through the local Twilio server: signed webhooks in, the Messages API out. */
export class TwilioMessagingChannel implements ChannelUnderContract {
  private twilio!: FakeTwilio;
  private webhooks: TwilioWebhookClient | null = null;
  private readonly acknowledgedIds = new Set<string>();

  constructor(readonly name: 'sms' | 'whatsapp') {}

  async start(): Promise<Record<string, string>> {
    this.twilio = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    return {
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: this.twilio.url,
      ...(this.name === 'sms' ? { TWILIO_SMS_FROM: SMS_NUMBER } : { TWILIO_WHATSAPP_FROM: WHATSAPP_SENDER }),
      TWILIO_RATE_LIMIT_MESSAGES: '1000',
      TWILIO_API_TIMEOUT_MS: '1500',
      TWILIO_RECOVERY_INTERVAL_MS: '200',
      TWILIO_UNKNOWN_GRACE_MS: '2000',
      TWILIO_DELIVERY_RETRY_DELAY_MS: '200',
    };
  }

  async connected(gatewayUrl: string): Promise<void> {
    this.webhooks = new TwilioWebhookClient(gatewayUrl, PUBLIC_BASE_URL, AUTH_TOKEN);
  }

  async deliver(message: ContractMessage): Promise<void> {
    const builder = this.name === 'sms' ? InboundWebhookBuilder.sms(ACCOUNT_SID, SMS_NUMBER) : InboundWebhookBuilder.whatsapp(ACCOUNT_SID, WHATSAPP_SENDER);
    const params = builder.from(message.customer).body(message.text).messageSid(message.id).build();
    const answer = await this.webhooks!.post('/twilio/messaging', params).catch(() => null);
    if (answer?.status === 200) this.acknowledgedIds.add(message.id);
  }

  async acknowledged(message: ContractMessage): Promise<boolean> {
    return this.acknowledgedIds.has(message.id);
  }

  async replies(message: ContractMessage): Promise<number> {
    const to = this.name === 'sms' ? message.customer : `whatsapp:${message.customer}`;
    return this.twilio.sent.filter((sent) => sent.to === to).length;
  }

  loseNextSendOutcome(): void {
    this.twilio.quirkNext({ kind: 'reset' });
  }

  slowSends(ms: number): void {
    this.twilio.setLatency(ms);
  }

  async stop(): Promise<void> {
    await this.twilio?.close();
  }
}
