import Anthropic from '@anthropic-ai/sdk';
import { ConversationRedaction, PiiRedactor } from '@support/agent';
import { MessageAuthor } from '@support/conversation';
import { KnowledgeRetriever, Passage } from '@support/knowledge';
import { candidateQuestions } from './draft-question';
import { greetingFor, sourcesOf } from './draft-sources';
import { DraftRequest, ReplyDraft, ReplyDrafter } from './reply-drafter';

const INSTRUCTIONS = `You draft a reply that a person on a customer support team will read, edit and send to the customer.
Answer the customer's latest unanswered question using only the help-center passages and the customer's orders given; quote policy ids (like POL-RETURN-30D) as the passages state them.
About an order, state only what <orders> says (its status, its packages, their dates and tracking numbers). If <orders> says the customer has not proved who they are, give no order details: ask for the order number and the email address or ZIP code it was placed with.
If the passages and orders do not answer it, do not guess: write a short, honest holding reply saying the team is looking into it.
Placeholders like [EMAIL_1] stand for the customer's personal data: keep them as they are.
Write only the body of the reply: no greeting, no sign-off, plain text, at most 120 words.`;

const PASSAGES_PER_QUESTION = 5;
const MAX_PASSAGES = 6;
const MAX_TRANSCRIPT_MESSAGES = 30;
const SPEAKERS: Record<MessageAuthor, string> = { customer: 'Customer', bot: 'Assistant (bot)', human_agent: 'Support team', system: 'System' };

/**
 * A draft written by Claude from the help-center passages for the customer's latest questions, the verified customer's
 * orders (the order store's facts, none when the customer proved nothing) and the transcript.
 * Personal data is replaced by placeholders before anything is sent and put back in the draft; the customer's name
 * is never sent (the greeting is added here). Errors are thrown: `FallbackReplyDrafter` decides what happens then.
 */
export class ClaudeReplyDrafter extends ReplyDrafter {
  constructor(
    private readonly client: Anthropic,
    private readonly model: string,
    private readonly knowledge: KnowledgeRetriever,
    private readonly minScore: number,
    private readonly redactor = new PiiRedactor(),
  ) {
    super();
  }

  async draft(request: DraftRequest): Promise<ReplyDraft> {
    const passages = await this.passagesFor(candidateQuestions(request.messages));
    const redaction = new ConversationRedaction(this.redactor);
    const prompt = [
      `<orders>\n${ordersBlock(request, redaction)}\n</orders>`,
      `<help_center>\n${passages.map((p, i) => redaction.redact(passageBlock(p, i))).join('\n\n') || '(nothing relevant found)'}\n</help_center>`,
      `<transcript>\n${request.messages
        .slice(-MAX_TRANSCRIPT_MESSAGES)
        .filter((m) => m.text.trim())
        .map((m) => `${SPEAKERS[m.author]}: ${redaction.redact(m.text)}`)
        .join('\n')}\n</transcript>`,
    ].join('\n\n');
    const response = await this.client.messages.create({
      model: this.model,
      max_tokens: 600,
      system: INSTRUCTIONS,
      messages: [{ role: 'user', content: prompt }],
    });
    const body = response.content
      .flatMap((block) => (block.type === 'text' ? [block.text] : []))
      .join('')
      .trim();
    if (!body) throw new Error('the model wrote an empty draft');
    return { text: `${greetingFor(request.customerName)}\n\n${redaction.restore(body)}`, sources: sourcesOf(passages), writer: this.model };
  }

  /** The best passages over the customer's latest questions, once each. */
  private async passagesFor(questions: string[]): Promise<Passage[]> {
    const found = (await Promise.all(questions.map((q) => this.knowledge.search(q, { limit: PASSAGES_PER_QUESTION })))).flat();
    const relevant = found.filter((p) => p.score >= this.minScore).sort((a, b) => b.score - a.score);
    return [...new Map(relevant.map((p) => [p.id, p])).values()].slice(0, MAX_PASSAGES);
  }
}

function passageBlock(passage: Passage, index: number): string {
  const policies = passage.policyIds.length ? ` (policies: ${passage.policyIds.join(', ')})` : '';
  return `[${index + 1}] ${passage.title} > ${passage.section}${policies}\n${passage.text}`;
}

/** The verified customer's orders as the order store has them (ids and tracking numbers kept, anything personal redacted). */
function ordersBlock(request: DraftRequest, redaction: ConversationRedaction): string {
  if (!request.orders) return '(the customer has not proved who they are: no order details may be shared)';
  if (!request.orders.length) return '(the verified customer has no orders)';
  const facts = request.orders.map(({ orderId, status, items, total, shipments }) => ({
    orderId,
    status,
    items: items.map((i) => ({ name: i.name, options: i.options, price: i.price })),
    total,
    shipments,
  }));
  return JSON.stringify(redaction.redactDeep(facts), null, 1);
}
