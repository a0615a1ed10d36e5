import { AgentTurnRecord, Attachment, Channel, CustomerIdentity, Handoff, HandoffPacket, IdentityKind, Message, MessageAuthor } from '@support/conversation';
import { WaitingCall } from '../calls/waiting-call';
import { CustomerOrdersView } from '../customer/customer-orders';
import { InternalNote } from './internal-note.repository';

/** A handed-off conversation as a person reads it: the packet on top, the customer, then everything that was said. */
export interface ConversationView {
  conversation: { id: string; channel: Channel; status: string; createdAt: string };
  assignee: { id: string; email: string } | null;
  handoff: { reason: string; summary: string; handedOffAt: string; packet: HandoffPacket | null } | null;
  /** On the phone: the call waiting in the queue (or how it ended). */
  call: WaitingCall | null;
  customer: {
    name: string | null;
    email: string | null;
    /** The shop account this conversation has proven it owns. */
    verifiedShopUserId: string | null;
    identities: Array<{ kind: IdentityKind; address: string | null; verified: boolean }>;
    /** Their shop orders, once the conversation or a channel has proven who they are. */
    orders: CustomerOrdersView;
  };
  timeline: TimelineEntry[];
}

export type TimelineEntry =
  | { type: 'message'; id: string; author: MessageAuthor; channel: Channel; text: string; attachments: Attachment[]; at: string; botTurn: BotTurnView | null }
  | { type: 'note'; id: string; author: string; text: string; at: string };

/** What the bot did for the message it answered. */
export interface BotTurnView {
  route: string;
  intent: string;
  intentConfidence: number;
  passages: AgentTurnRecord['passages'];
  tools: Array<{ name: string; arguments: string; result: string; failed: boolean }>;
  gate: { decision: 'reply' | 'handoff'; reason: string | null };
  model: string | null;
  costUsd: number;
  totalMs: number | null;
}

const SHOWN_TOOL_DATA_CHARS = 2000;

/** Messages in their stored order, each note after the messages written before it. */
export function toTimeline(messages: Message[], turns: AgentTurnRecord[], notes: InternalNote[]): TimelineEntry[] {
  const turnByReply = new Map(turns.filter((turn) => turn.replyMessageId).map((turn) => [turn.replyMessageId!, turn]));
  const pending = [...notes];
  const timeline: TimelineEntry[] = [];
  const addNotesBefore = (time: number) => {
    while (pending.length && pending[0].createdAt.getTime() < time) timeline.push(toNoteEntry(pending.shift()!));
  };
  for (const message of messages) {
    addNotesBefore(message.createdAt.getTime());
    const turn = turnByReply.get(message.id);
    timeline.push({
      type: 'message',
      id: message.id,
      author: message.author,
      channel: message.channel,
      text: message.text,
      attachments: message.attachments,
      at: message.createdAt.toISOString(),
      botTurn: turn ? toBotTurn(turn) : null,
    });
  }
  addNotesBefore(Infinity);
  return timeline;
}

function toNoteEntry(note: InternalNote): TimelineEntry {
  return { type: 'note', id: note.id, author: note.authorEmail, text: note.text, at: note.createdAt.toISOString() };
}

export function toHandoffView(handoff: Handoff | null): ConversationView['handoff'] {
  return handoff && { reason: handoff.reason, summary: handoff.summary, handedOffAt: handoff.createdAt.toISOString(), packet: handoff.packet };
}

/** A web session id is a browser's credential: shown as "web chat", never as its value. */
export function toIdentityView(identity: CustomerIdentity) {
  return { kind: identity.kind, address: identity.kind === 'web_session' ? null : identity.address, verified: identity.verified };
}

function toBotTurn(turn: AgentTurnRecord): BotTurnView {
  return {
    route: turn.route,
    intent: turn.intent,
    intentConfidence: turn.intentConfidence,
    passages: turn.passages,
    tools: turn.toolCalls.map((call) => ({ name: call.name, arguments: shown(call.arguments), result: shown(call.result), failed: call.isError })),
    gate: { decision: turn.gateDecision, reason: turn.gateReason },
    model: turn.model,
    costUsd: turn.costUsd,
    totalMs: turn.latencyMs.total ?? null,
  };
}

function shown(value: unknown): string {
  const text = JSON.stringify(value, null, 1) ?? '';
  return text.length > SHOWN_TOOL_DATA_CHARS ? `${text.slice(0, SHOWN_TOOL_DATA_CHARS)}…` : text;
}
