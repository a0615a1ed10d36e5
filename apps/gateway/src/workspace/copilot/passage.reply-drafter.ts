import { composeAnswerFromPassages } from '@support/agent';
import { KnowledgeRetriever } from '@support/knowledge';
import { ASK_FOR_PROOF, describeOrder, isAboutOrders, ordersAskedAbout } from './draft-orders';
import { candidateQuestions } from './draft-question';
import { greetingFor, sourcesOf } from './draft-sources';
import { DraftRequest, ReplyDraft, ReplyDrafter } from './reply-drafter';

/**
 * The embedded engine's draft: the help-center sentences that answer the customer's question, and nothing else.
 * Of their latest messages, the one the help center answers best is the question ("I want a person" is not). A
 * question about orders is answered from the verified customer's orders too; without a proof, the draft asks for one.
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
    const questions = candidateQuestions(request.messages);
    // Where their orders stand, from the order store, then what the help center says.
    const orders = isAboutOrders(questions) ? orderParagraph(request) : null;
    const searched = await Promise.all(
      questions.map(async (question) => ({
        question,
        passages: (await this.knowledge.search(question, { limit: 5 })).filter((p) => p.score >= this.minScore),
      })),
    );
    const best = searched.filter((s) => s.passages.length).sort((a, b) => b.passages[0].score - a.passages[0].score)[0];
    const answer = best ? composeAnswerFromPassages(best.question, best.passages) : null;
    const body = [orders, answer?.text].filter(Boolean).join('\n\n');
    if (!body) return { text: `${greeting}\n\nThanks for your patience. I'm looking into this for you now.`, sources: [], writer: 'embedded' };
    const sources = best && answer ? sourcesOf(best.passages.filter((p) => answer.passageIds.includes(p.id))) : [];
    return { text: `${greeting}\n\n${body}`, sources, writer: 'embedded' };
  }
}

/** Where the orders asked about stand; a request for proof when the customer has not shown who they are. */
function orderParagraph(request: DraftRequest): string | null {
  if (!request.orders) return ASK_FOR_PROOF;
  const asked = ordersAskedAbout(request.orders, request.messages);
  return asked.length ? asked.map(describeOrder).join('\n') : null;
}
