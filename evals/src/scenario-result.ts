import { JudgeScores } from './llm-judge';
import { ExpectationFailure } from './expectation.checker';

export interface TurnResult {
  index: number;
  say: string;
  reply: string;
  route: string | null;
  handoff: string | null;
  toolCalls: string[];
  costUsd: number;
  failures: ExpectationFailure[];
  judge: JudgeScores | null;
}

export interface ScenarioResult {
  id: string;
  intent: string;
  file: string;
  tags: string[];
  passed: boolean;
  turns: TurnResult[];
  /** Set when the scenario could not run to the end (the product failed in a way no expectation covers). */
  error?: string;
}
