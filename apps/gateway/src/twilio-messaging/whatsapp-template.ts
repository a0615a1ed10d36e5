import type { Delivery, DeliveryPurpose, TemplateContent } from '@support/channels';
import type { AppConfig } from '@support/platform';

/** WhatsApp (Meta) refuses a template variable holding a new line, a tab or more than four spaces in a row, or over 1,024 characters. */
const MAX_VARIABLE_LENGTH = 1024;

/**
 * What goes out once WhatsApp's 24-hour window has closed: the approved template configured for the
 * message's purpose (a person's follow-up after a handoff: TWILIO_WHATSAPP_TEMPLATE_HANDOFF_FOLLOWUP;
 * a rating request: TWILIO_WHATSAPP_TEMPLATE_RATING), with `{{1}}` = the text that would have been
 * sent. Null when the purpose has no template: the message is not sent (only a template may be).
 */
export function whatsAppTemplateFor(
  purpose: DeliveryPurpose,
  body: string,
  templates: AppConfig['twilioMessaging']['whatsappTemplates'],
): TemplateContent | null {
  const sid = purpose === 'human' ? templates.handoffFollowup : purpose === 'rating' ? templates.rating : undefined;
  return sid ? { sid, variables: { '1': templateVariable(body) } } : null;
}

/** The template variable as Meta accepts it; the outbox reconciler looks for it in the rendered body. */
export function templateVariable(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_VARIABLE_LENGTH);
}

/** The configuration variable an operator sets to send this purpose outside the window, for the log line. */
export function templateSetting(delivery: Pick<Delivery, 'purpose'>): string {
  return delivery.purpose === 'rating' ? 'TWILIO_WHATSAPP_TEMPLATE_RATING' : "TWILIO_WHATSAPP_TEMPLATE_HANDOFF_FOLLOWUP (for a person's follow-up)";
}
