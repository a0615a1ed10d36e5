import { TokenUsage } from '@support/conversation';
import { Passage } from '@support/knowledge';

export interface JudgeVerdict {
  /** Every claim in the reply is backed by the passages or tool results. */
  supported: boolean;
  reason: string;
  spend?: { model: string; usage: TokenUsage };
}

/** An optional second opinion before a reply goes out: is it grounded in what the agent was given? */
export abstract class AnswerJudge {
  abstract judge(input: { question: string; reply: string; passages: Passage[]; toolResults: unknown[] }): Promise<JudgeVerdict>;
}
