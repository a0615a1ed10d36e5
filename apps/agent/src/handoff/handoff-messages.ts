import { Availability } from './support-availability';

/** Who is told, on which channel, and whether anyone can pick it up now: what "what happens next" depends on. */
export interface HandoffAudience {
  channel: string;
  availability: Availability;
}

const ALWAYS_AVAILABLE: HandoffAudience = { channel: 'web', availability: { available: true } };

/** Where a person's reply reaches the customer, by channel: every one of them is shown in the workspace inbox. */
function whereTheyReply(channel: string): string {
  switch (channel) {
    case 'web':
      return 'here in this chat';
    case 'sms':
      return 'here by text message';
    case 'whatsapp':
      return 'here on WhatsApp';
    case 'email':
      return 'by email in this thread';
    default:
      return 'here';
  }
}

/** "…will get back to you here", or, when nobody can now, when and where they will. */
function whatHappensNext(audience: HandoffAudience, subject: string): string {
  const where = whereTheyReply(audience.channel);
  const { availability } = audience;
  if (availability.available) return `${subject} will get back to you ${where}.`;
  if (availability.why === 'outside_hours') {
    const when = availability.backAt ? ` from ${availability.backAt}` : ' when our team is back';
    return `Our team is away right now (our hours are ${availability.hours}), so ${subject.toLowerCase()} will get back to you ${where}${when}.`;
  }
  return `Nobody from our team is available at this moment, so ${subject.toLowerCase()} will get back to you ${where} as soon as someone is back.`;
}

/** What the customer is told when a person takes over, by reason. Never silence, never a guess. */
export function handoffMessageForCustomer(reason: string, audience: HandoffAudience = ALWAYS_AVAILABLE): string {
  const next = whatHappensNext(audience, 'A member of our team');
  switch (reason) {
    case 'customer_request':
      return audience.availability.available
        ? "Of course. I'm passing you to a member of our team now; they will see this conversation, so you won't need to repeat yourself."
        : `Of course. I've passed this conversation to our team, so you won't need to repeat yourself. ${next}`;
    case 'no_answer':
    case 'low_confidence':
      return `I'm sorry, I don't know the answer to that, and I'd rather not guess. I've passed your question to our team. ${next}`;
    case 'provider_error':
    case 'deadline':
    case 'model_stalled':
    case 'answer_cut_off':
      return `I'm sorry, I'm having trouble answering right now. I've passed your message to our team. ${next}`;
    case 'action_needs_person':
      return `A member of our team needs to make that change for you. I have passed on your request with the details above. ${next}`;
    default:
      return `I've passed this conversation to our team. ${next}`;
  }
}

/** Added to an answer while the conversation waits for a person: the earlier request is not forgotten. */
export function followUpNote(audience: HandoffAudience): string {
  return `(Your earlier request is still with our team: ${lowerFirst(whatHappensNext(audience, 'A member of our team'))})`;
}

/** While the conversation waits for a person and the bot cannot help with this message: an honest status, not silence. */
export function stillWaitingMessage(audience: HandoffAudience): string {
  return [
    `Our team has your messages, including this one, so there's no need to send them again. ${whatHappensNext(audience, 'A member of our team')}`,
    'In the meantime I can still help with questions about orders, returns, shipping or your account.',
  ].join(' ');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
