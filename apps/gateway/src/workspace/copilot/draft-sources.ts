import { Passage } from '@support/knowledge';
import { ReplyDraft } from './reply-drafter';

/** The articles behind some passages, once each, with the best passage's score. */
export function sourcesOf(passages: Passage[]): ReplyDraft['sources'] {
  return [...new Map(passages.map((p) => [p.articleId, { title: p.title, url: p.url ?? null, score: Math.round(p.score * 100) / 100 }])).values()];
}

/** "Hi Priya," from the name the customer gave; "Hi there," without one. */
export function greetingFor(customerName: string | null): string {
  return `Hi ${customerName?.split(/\s+/)[0] || 'there'},`;
}
