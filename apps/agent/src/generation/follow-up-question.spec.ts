import { Message } from '@support/conversation';
import { earlierQuestion } from './follow-up-question';

const said = (author: Message['author'], text: string) => ({ author, text }) as Message;

describe('earlierQuestion', () => {
  const history = [said('customer', 'How much does standard shipping cost?'), said('bot', 'Standard shipping is $5.99.')];

  it('gives the previous customer question for a short message pointing back to it', () => {
    expect(earlierQuestion('Is it ever free?', history)).toBe('How much does standard shipping cost?');
  });

  it('leaves a new question on its own', () => {
    expect(earlierQuestion('Do you ship to Canada?', history)).toBeNull();
  });

  it('leaves a long message on its own', () => {
    expect(earlierQuestion('Is it possible that it could be free if I order a lot of things?', history)).toBeNull();
  });
});
