import { Database } from '@support/platform';
import { postChat, ChatApiReply } from '../../bench/support/chat-api';
import { turnsOf } from '../../bench/support/turn-records';
import { checkTurn } from './expectation.checker';
import { LlmJudge } from './llm-judge';
import { Scenario } from './scenario';
import { ScenarioResult, TurnResult } from './scenario-result';
import { toolCallsOf, TurnObservation } from './turn-observation';

/** Replays scenarios through the product's web chat API and checks each turn against its turn record. */
export class ScenarioRunner {
  constructor(
    private readonly gateway: { url: string; db: Database },
    private readonly judge: LlmJudge | null,
  ) {}

  async run(scenario: Scenario): Promise<ScenarioResult> {
    const turns: TurnResult[] = [];
    const transcript: Array<{ role: 'customer' | 'bot'; text: string }> = [];
    let conversationId: string | undefined;
    let sessionToken: string | undefined;
    let seenTurnIds = new Set<string>();
    try {
      for (const [index, turn] of scenario.turns.entries()) {
        const call = await postChat(this.gateway.url, { conversationId, sessionToken, text: turn.say, customer: scenario.customer });
        const body = call.body as Partial<ChatApiReply>;
        conversationId ??= body.conversationId;
        sessionToken ??= body.sessionToken;
        const records = conversationId ? await turnsOf(this.gateway.db, conversationId) : [];
        const record = records.find((r) => !seenTurnIds.has(r.id)) ?? null;
        seenTurnIds = new Set(records.map((r) => r.id));
        const observation: TurnObservation = {
          say: turn.say,
          httpStatus: call.status,
          reply: call.status === 200 ? (body.reply ?? '') : JSON.stringify(call.body),
          handoff: body.handoff ?? null,
          record,
        };
        transcript.push({ role: 'customer', text: turn.say });
        const judged = this.judge && call.status === 200 ? await this.judgeTurn(transcript, observation) : null;
        transcript.push({ role: 'bot', text: observation.reply });
        turns.push({
          index: index + 1,
          say: turn.say,
          reply: observation.reply,
          route: record?.route ?? null,
          handoff: observation.handoff?.reason ?? null,
          toolCalls: toolCallsOf(observation).map((c) => `${c.name}${c.isError ? ' (error)' : ''}`),
          costUsd: Number(record?.cost_usd ?? 0),
          failures: checkTurn(turn.expect, observation),
          judge: judged,
        });
      }
    } catch (error) {
      return { ...summary(scenario, turns), passed: false, error: (error as Error).message };
    }
    return summary(scenario, turns);
  }

  private async judgeTurn(transcript: Array<{ role: 'customer' | 'bot'; text: string }>, seen: TurnObservation) {
    const passages = (seen.record?.passages as Array<{ id: string; title: string }> | undefined) ?? [];
    const evidence = [
      ...passages.slice(0, 5).map((p) => `- help-center passage ${p.id} (${p.title})`),
      ...(seen.record?.tool_calls ?? []).map((c) => `- tool ${c.name}: ${JSON.stringify(c.result ?? null).slice(0, 800)}`),
    ].join('\n');
    try {
      return await this.judge!.score({ conversation: transcript, evidence, reply: seen.reply });
    } catch {
      return null; // judging is advisory: a failed judge call leaves the turn unscored
    }
  }
}

function summary(scenario: Scenario, turns: TurnResult[]): ScenarioResult {
  return {
    id: scenario.id,
    intent: scenario.intent,
    file: scenario.file,
    tags: scenario.tags,
    passed: turns.length === scenario.turns.length && turns.every((t) => t.failures.length === 0),
    turns,
  };
}
