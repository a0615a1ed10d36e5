import { Message } from '@support/conversation';

const QUESTION_MESSAGES = 3;

/** What the customer may want answered: their latest messages no person has answered yet (all of theirs if none). */
export function candidateQuestions(messages: Message[]): string[] {
  const lastAnswer = messages.map((m) => m.author).lastIndexOf('human_agent');
  const unanswered = messages.slice(lastAnswer + 1).filter((m) => m.author === 'customer' && m.text.trim());
  const asked = unanswered.length ? unanswered : messages.filter((m) => m.author === 'customer' && m.text.trim());
  return asked.slice(-QUESTION_MESSAGES).map((m) => m.text);
}
