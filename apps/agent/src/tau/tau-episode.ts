import { Message, NO_USAGE, TokenUsage, ToolCallRecord } from '@support/conversation';
import { sumTokenUsage } from '../cost/model-spend';
import { ResponseGenerator } from '../generation/response-generator';
import { RetailSession } from '../orders/retail/retail-session';
import { RecordingToolSet } from '../tools/recording-tool-set';
import { RetailToolSet } from '../tools/retail-tool-set';
import { RETAIL_WRITE_TOOLS } from '../tools/retail-tool-set';
import { classifyConsentReply } from '../consent/consent-reply.classifier';
import { ConsentedToolSet, confirmationQuestion } from '../consent/consented-tool-set';
import { PendingAction, proposalInReply } from '../consent/proposed-action';
import { ShopActionDescriber } from '../consent/shop-action.describer';
import { ShopData } from '../orders/shop.model';
import { SimulatedCustomer, STOP_SIGNAL } from './simulated-customer';
import { episodeConversation, episodeMessage, NO_ORDER_LOOKUPS, policyPassages, RETAIL_ROUTE, toolLogPassage } from './tau-agent.context';
import { TauScratchStore } from './tau-scratch.store';

export type EpisodeEnd = 'customer_stopped' | 'transferred' | 'tool_round_cap' | 'max_turns' | 'error';

export interface EpisodeTurn {
  customer: string;
  /** The customer's message accepted the change the agent proposed just before, so that change was allowed this turn. */
  confirmed: boolean;
  toolCalls: ToolCallRecord[];
  agent: string;
}

export interface Episode {
  turns: EpisodeTurn[];
  /** The customer's last message (the one with ###STOP###, or unanswered at the turn limit). */
  lastCustomerMessage: string | null;
  endedBy: EpisodeEnd;
  error?: string;
  usage: TokenUsage;
  finalDb: ShopData;
}

export interface EpisodeDependencies {
  store: TauScratchStore;
  generator: ResponseGenerator;
  policy: string;
  /** Agent replies at most; τ-bench's limit is 30. */
  maxTurns: number;
}

/**
 * One τ-bench conversation: the simulated customer speaks first; each customer message is answered by
 * the product's generator with the retail tools, whose context the conversation sets (who was
 * authenticated; which change the agent proposed and whether this message accepted it), by the same
 * consent rule as the product's own conversations.
 */
export async function runEpisode(deps: EpisodeDependencies, episodeId: string, db: ShopData, customer: SimulatedCustomer): Promise<Episode> {
  await deps.store.reset(db);
  const session = new RetailSession();
  const { conversation, customer: customerRecord } = episodeConversation(episodeId);
  const history: Message[] = [];
  const allCalls: ToolCallRecord[] = [];
  const turns: EpisodeTurn[] = [];
  let usage: TokenUsage = NO_USAGE;
  let pending: PendingAction | null = null;
  let customerText: string | null = null;
  const describer = new ShopActionDescriber(deps.store.shop);
  const finish = async (endedBy: EpisodeEnd, error?: string): Promise<Episode> => ({
    turns,
    lastCustomerMessage: customerText,
    endedBy,
    ...(error ? { error } : {}),
    usage,
    finalDb: await deps.store.shop.exportShop(),
  });
  try {
    customerText = await customer.open();
    for (let turn = 0; turn < deps.maxTurns; turn++) {
      if (customerText.includes(STOP_SIGNAL)) return finish('customer_stopped');
      const verdict = pending ? classifyConsentReply(customerText, proposalInReply(pending)) : null;
      let consumed = false;
      const retailTools = (agreed: boolean) => new RetailToolSet(deps.store.retail, { session, confirmed: agreed });
      const consented: ConsentedToolSet = new ConsentedToolSet(
        retailTools(false),
        retailTools(true),
        { names: RETAIL_WRITE_TOOLS, describe: (action) => describer.describe(action) },
        { pending, verdict, consume: async () => !consumed && (consumed = true) },
      );
      // Recorded as the tools answered: the generator's own records are redacted per turn.
      const tools = new RecordingToolSet(consented);
      const log = toolLogPassage(allCalls);
      const policy = policyPassages(deps.policy);
      const generation = await deps.generator.generate({
        conversation,
        customer: customerRecord,
        history: [...history],
        text: customerText,
        route: RETAIL_ROUTE,
        passages: log ? [...policy, log] : policy,
        orders: NO_ORDER_LOOKUPS,
        tools,
        onDelta: () => undefined,
      });
      usage = sumTokenUsage([usage, generation.usage]);
      const toolCalls = tools.executions.map((e) => e.record);
      allCalls.push(...toolCalls);
      pending = generation.handoffReason ? null : consented.proposal;
      const agentText = pending ? [generation.text, confirmationQuestion(pending)].filter(Boolean).join('\n\n') : generation.text;
      turns.push({ customer: customerText, confirmed: verdict === 'yes', toolCalls, agent: agentText });
      history.push(
        episodeMessage(conversation.id, history.length, 'customer', customerText),
        episodeMessage(conversation.id, history.length + 1, 'bot', agentText),
      );
      customerText = null;
      // A transfer ends the episode, as in τ-bench; so does the product's tool-round cap, which hands off.
      if (generation.handoffReason) return finish('transferred');
      if (generation.toolRoundCapHit) return finish('tool_round_cap');
      customerText = await customer.respond(agentText);
    }
    return finish(customerText?.includes(STOP_SIGNAL) ? 'customer_stopped' : 'max_turns');
  } catch (error) {
    return finish('error', error instanceof Error ? error.message : String(error));
  }
}
