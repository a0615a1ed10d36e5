import { Message } from '@support/conversation';

const VISIBLE_AUTHORS = ['customer', 'bot', 'human_agent'] as const;
type VisibleAuthor = (typeof VISIBLE_AUTHORS)[number];

/** `GET /api/chat/:id/messages`: what the chat page shows again after a reload. */
export interface ChatHistory {
  conversationId: string;
  messages: Array<{ id: string; author: VisibleAuthor; text: string; createdAt: string }>;
}

/** The customer's view of the conversation: system lines (notes for the team) and empty turns are left out. */
export function toChatHistory(conversationId: string, messages: Message[]): ChatHistory {
  return {
    conversationId,
    messages: messages
      .filter((m): m is Message & { author: VisibleAuthor } => (VISIBLE_AUTHORS as readonly string[]).includes(m.author) && m.text.trim() !== '')
      .map((m) => ({ id: m.id, author: m.author, text: m.text, createdAt: m.createdAt.toISOString() })),
  };
}
