import type Anthropic from '@anthropic-ai/sdk';
import { ToolCallRecord } from '@support/conversation';

/** What one tool call did, for the model (content) and for the turn record. */
export interface ToolExecution {
  record: ToolCallRecord;
  /** The tool result the model reads: JSON or a short message. */
  content: string;
  /** The tool asked for a person to take over. */
  handoffRequested: boolean;
}

/**
 * The tools a model may call in one conversation. Implementations carry the conversation's
 * identity and enforce authorisation themselves: the model's arguments are never trusted alone.
 */
export interface ToolSet {
  readonly definitions: Anthropic.Tool[];
  execute(name: string, input: unknown): Promise<ToolExecution>;
}
