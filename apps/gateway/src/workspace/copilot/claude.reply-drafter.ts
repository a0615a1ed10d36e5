import Anthropic from '@anthropic-ai/sdk';
import { ConversationRedaction, PiiRedactor } from '@support/agent';
import { MessageAuthor } from '@support/conversation';
import { KnowledgeRetriever, Passage } from '@support/knowledge';
import { candidateQuestions } from './draft-question';
import { greetingFor, sourcesOf } from './draft-sources';
import { DraftRequest, ReplyDraft, ReplyDrafter } from './reply-drafter';

const INSTRUCTIONS = `You draft a reply that a person on a customer support team will read, edit and send to the customer.
Answer the customer's latest unanswered question using only the help-center passages given; quote policy ids (like POL-RETURN-30D) as the passages state them.
If the passages do not answer it, do not guess: write a short, honest holding reply saying the team is looking into it.
Placeholders like [EMAIL_1] stand for the customer's personal data: keep them as they are.
Write only the body of the reply: no greeting, no sign-off, plain text, at most 120 words.`;

const PASSAGES_PER_QUESTION = 5;
const MAX_PASSAGES = 6;
const MAX_TRANSCRIPT_MESSAGES = 30;
const SPEAKERS: Record<MessageAuthor, string> = { customer: 'Customer', bot: 'Assistant (bot)', human_agent: 'Support team', system: 'System' };

/**
 * A draft written by Claude from the help-center passages for the customer's latest questions and the transcript.
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
