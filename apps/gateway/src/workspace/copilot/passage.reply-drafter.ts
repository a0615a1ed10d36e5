import { composeAnswerFromPassages } from '@support/agent';
import { KnowledgeRetriever } from '@support/knowledge';
import { candidateQuestions } from './draft-question';
import { greetingFor, sourcesOf } from './draft-sources';
import { DraftRequest, ReplyDraft, ReplyDrafter } from './reply-drafter';

/**
 * The embedded engine's draft: the help-center sentences that answer the customer's question, and nothing else.
 * Of their latest messages, the one the help center answers best is the question ("I want a person" is not).
 */
export class PassageReplyDrafter extends ReplyDrafter {
  constructor(
    private readonly knowledge: KnowledgeRetriever,
    private readonly minScore: number,
  ) {
    super();
  }

  async draft(request: DraftRequest): Promise<ReplyDraft> {
    const greeting = greetingFor(request.customerName);
    const searched = await Promise.all(
      candidateQuestions(request.messages).map(async (question) => ({
        question,
        passages: (await this.knowledge.search(question, { limit: 5 })).filter((p) => p.score >= this.minScore),
      })),
    );
    const best = searched.filter((s) => s.passages.length).sort((a, b) => b.passages[0].score - a.passages[0].score)[0];
    if (!best) return { text: `${greeting}\n\nThanks for your patience. I'm looking into this for you now.`, sources: [], writer: 'embedded' };
    const answer = composeAnswerFromPassages(best.question, best.passages);
    return { text: `${greeting}\n\n${answer.text}`, sources: sourcesOf(best.passages.filter((p) => answer.passageIds.includes(p.id))), writer: 'embedded' };
  }
}
