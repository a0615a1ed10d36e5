import { readFileSync } from 'node:fs';

/** One scripted customer: who they are to the chat page, and what they say, turn by turn. */
export interface ScriptedConversation {
  id: string;
  /** The route most of the conversation is about, for grouping figures. */
  route: string;
  customer?: { email?: string; name?: string };
  turns: string[];
}

/** Reads a JSON array of scripted conversations, checking each has an id and at least one turn. */
export function readScriptedConversations(file: string): ScriptedConversation[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected a JSON array of {id, route, turns: string[]}`);
  return parsed.map((value, index) => {
    const conversation = value as ScriptedConversation;
    const turnsOk = Array.isArray(conversation?.turns) && conversation.turns.length > 0 && conversation.turns.every((t) => typeof t === 'string' && t.trim());
    if (typeof conversation?.id !== 'string' || typeof conversation.route !== 'string' || !turnsOk) {
      throw new Error(`${file}: entry ${index} needs a string id, a string route and a non-empty turns array of strings`);
    }
    return conversation;
  });
}
