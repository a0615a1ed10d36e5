import type { MessagesRequest } from '../anthropic-wire.types';
import { textOf } from '../conversation-text.reader';
import { defaultSupportResponder } from '../default-support.responder';
import type { ScriptStep } from '../script-step.types';
import { forcedToolCall } from './forced-tool.answers';
import { supportStep } from './support-playbook';
import { readSupportTurn } from './support-turn.reader';

/**
 * A stand-in for a capable support model, for runs that need one to behave well end to end (the
 * scenario suite in Claude mode). It reads only what the real model would: the instructions, the
 * messages with their passages and tool results, and the tools offered. Not a language model: a
 * playbook of what a careful one does, so the product's prompts, tools and checks are what is tested.
 */
export function simulatedSupportModel(request: MessagesRequest): ScriptStep {
  const choice = request.tool_choice as { type?: string; name?: string } | undefined;
  if (choice?.type === 'tool' && choice.name) return { reply: forcedToolCall(request, choice.name) };
  const toolNames = new Set((request.tools ?? []).map((t) => t.name));
  if (toolNames.has('lookup_order') && toolNames.has('lookup_policy')) return supportStep(readSupportTurn(request));
  if (/handoff notes/i.test(textOf(request.system))) return { reply: handoffNote(textOf(request.messages.at(-1)?.content)) };
  return defaultSupportResponder(request);
}

/** The facts, as the short note the instructions ask for. */
function handoffNote(message: string): string {
  const facts = /<facts>\n?([\s\S]*?)\n?<\/facts>/.exec(message)?.[1] ?? message;
  return facts
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 6)
    .join('\n');
}
