/** The Twilio account the local Twilio server and the gateway share, and the numbers customers write to. */
export const TWILIO = {
  accountSid: `AC${'fa'.repeat(16)}`,
  authToken: 'bench-faults-twilio-auth-token',
  /** What the gateway checks signatures against, as behind a proxy: the harness reaches it on 127.0.0.1. */
  publicBaseUrl: 'https://support.example.test',
  smsNumber: '+15550001000',
  whatsappNumber: 'whatsapp:+14155238886',
} as const;
