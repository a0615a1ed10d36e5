import { Conversation, Customer, Message, TokenUsage, ToolCallRecord } from '@support/conversation';
import { KnowledgeRetriever, Passage } from '@support/knowledge';
import { ConsentVerdict } from '../consent/consent-reply.classifier';
import { PendingAction } from '../consent/proposed-action';
import { OrderToolSession } from '../orders/order-tools';
import { SentimentLabel } from '../sentiment/sentiment';
import { ToolSet } from '../tools/tool-set';
import { RouteDecision } from '../router/intent-router';

export interface GenerationRequest {
  conversation: Conversation;
  customer: Customer;
  /** Earlier messages of the conversation, oldest first, without the current one. */
  history: Message[];
  /** The customer message being answered. */
  text: string;
  /** How the message sounds (the local sentiment classifier), when the caller knows. */
  customerMood?: SentimentLabel;
  /** Whether the message is the customer's yes to the change the bot proposed in its previous message. */
  confirmed?: boolean;
  /** The change the bot proposed in its previous message (not yet carried out), and how this message answers it. */
  consent?: { pending: PendingAction | null; verdict: ConsentVerdict | null };
  route: RouteDecision;
  passages: Passage[];
  /** The help center, for a generator that needs to look up the rule a situation raises (optional: absent, it uses `passages`). */
  knowledge?: KnowledgeRetriever;
  orders: OrderToolSession;
  /** The tools a model may call in this conversation. */
  tools: ToolSet;
  /** Streams pieces of the reply as they are written. */
  onDelta(text: string): void;
  /** Epoch milliseconds by which the answer (or the handoff) must be ready; absent, the generator starts the turn's clock itself. */
  deadline?: number;
  /** Epoch milliseconds when the turn started (routing and retrieval count against its deadline); absent, when generation starts. */
  turnStartedAt?: number;
}

export interface Generation {
  text: string;
  /** Passages and policies the answer rests on. */
  citedPassageIds: string[];
  policyIds: string[];
  /** The generator's own confidence in [0, 1]. */
  confidence: number;
  /** Set when the generator itself knows a person must take over (no answer, the model asked for it). */
  handoffReason: string | null;
  toolCalls: ToolCallRecord[];
  toolRoundCapHit: boolean;
  model: string | null;
  usage: TokenUsage;
}

/** Writes the reply to one customer message. */
export abstract class ResponseGenerator {
  abstract generate(request: GenerationRequest): Promise<Generation>;
}
