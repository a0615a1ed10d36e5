import type { MessagesRequest, ReplyBlock } from '../anthropic-wire.types';
import { textOf } from '../conversation-text.reader';

/** Keyword routes, first match wins: what a small model makes of a support message. */
const ROUTES: Array<[string, RegExp]> = [
  ['human_request', /\b(person|human|agent|representative|someone real|manager)\b/i],
  ['order_change', /\bcancel|\b(change|update)\b[^.?!]*\b(address|order|payment)\b/i],
  ['return_refund', /\b(return|refund|exchange|send (it|them) back)\b|\b(crack|damag|broke|defect)\w*/i],
  ['complaint', /\b(angry|terrible|worst|ridiculous|useless|unacceptable|disappointed|frustrat\w*|awful)\b/i],
  ['order_status', /\b(where('s| is)|track\w*|status|arriv\w*|deliver\w*|shipped|package|late)\b/i],
  ['account', /\b(password|account|sign in|log in|login)\b/i],
  ['faq', /\b(ship\w*|cost|free|price|policy|gift cards?|pay\w*|warranty|discount|hours|expire|how (do|can|long|much)|do you)\b/i],
];

/** The answer to a request that forces one tool (`tool_choice: { type: 'tool' }`): the router, the judges. */
export function forcedToolCall(request: MessagesRequest, toolName: string): ReplyBlock[] {
  const message = textOf(request.messages.at(-1)?.content);
  switch (toolName) {
    case 'route_message': {
      const route = ROUTES.find(([, pattern]) => pattern.test(message))?.[0] ?? 'out_of_scope';
      return [{ type: 'tool_use', name: toolName, input: { route, confidence: 0.8 } }];
    }
    case 'verdict':
      return [{ type: 'tool_use', name: toolName, input: { supported: numbersSupported(message), reason: 'Every number in the reply is in the evidence.' } }];
    case 'record_scores': {
      const unsure = /don'?t know|not sure/i.test(splitAtReply(message).reply);
      return [{ type: 'tool_use', name: toolName, input: { helpfulness: unsure ? 3 : 4, groundedness: numbersSupported(message) ? 5 : 2 } }];
    }
    default:
      return [{ type: 'tool_use', name: toolName, input: {} }];
  }
}

/** Every number of the reply appears in what came before it (the evidence). */
function numbersSupported(message: string): boolean {
  const { evidence, reply } = splitAtReply(message);
  return (reply.match(/\d+(?:[.,]\d+)?/g) ?? []).every((n) => evidence.includes(n));
}

/** The product's judges put the reply last, after `<reply>` or "Reply to grade:". */
function splitAtReply(message: string): { evidence: string; reply: string } {
  const at = Math.max(message.lastIndexOf('<reply>'), message.lastIndexOf('Reply to grade:'));
  return at < 0 ? { evidence: message, reply: '' } : { evidence: message.slice(0, at), reply: message.slice(at) };
}
