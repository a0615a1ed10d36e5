import { ConversationStatus } from '../model/conversation';
import { Message } from '../model/message';

/**
 * Whether a customer message arriving now is for a person: while a person has the conversation (`with_human`),
 * everything the customer writes is theirs. Decided once, when the message is stored, so that a later state change
 * (the person unassigns, resolves) never hands it to the bot. While the conversation waits for a person the bot still
 * answers what it can and says a person will follow up.
 */
export function isForPerson(status: ConversationStatus): boolean {
  return status === 'with_human';
}

/**
 * Customer messages the bot must never answer, whenever their turn comes: those sent while a person had the
 * conversation, and those a person has already replied to (a person's message came after them).
 */
export function peopleHave(message: Message, conversation: readonly Message[]): boolean {
  if (message.author !== 'customer') return false;
  if (message.forPerson) return true;
  const at = conversation.findIndex((m) => m.id === message.id);
  return at >= 0 && conversation.slice(at + 1).some((m) => m.author === 'human_agent');
}
