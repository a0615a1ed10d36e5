import { ToolCallRecord } from '@support/conversation';
import { Metrics } from '@support/platform';
import { ToolExecution, ToolSet } from '../tools/tool-set';
import { ConsentVerdict } from './consent-reply.classifier';
import { PendingAction, ProposedAction, proposedAction, sameAction } from './proposed-action';

/** Where the conversation stands on consent when a turn starts. */
export interface ConsentState {
  /** The change the bot proposed in its previous message, not yet carried out. */
  pending: PendingAction | null;
  /** How the customer's message answers it (null when nothing was pending). */
  verdict: ConsentVerdict | null;
  /** Takes the pending change for carrying out; true only once. */
  consume(): Promise<boolean>;
}

/** The tools that change something, and how a change is put to the customer. */
export interface WriteTools {
  readonly names: ReadonlySet<string>;
  describe(action: ProposedAction): Promise<string>;
}

const PROPOSED = (description: string) =>
  `Not done yet: the customer has not agreed to this change. It is now proposed to them, and they are shown exactly: "${description}". Tell them what will happen and wait for their answer; call this tool again with the same details only after they say yes.`;

const REFUSALS = {
  declined: 'Not done: the customer said no to this change. Do not make it, and do not propose it again unless they ask for it.',
  one_change_at_a_time:
    "Not done: another change is already being proposed to the customer in this reply. Propose one change at a time and wait for the customer's answer.",
} as const;

/**
 * Stands between the model and every write tool: a change runs only when the bot proposed exactly that
 * change (tool, order, items, address, payment method) in its previous message and the customer's reply
 * accepts it. Any other write is not run: the first becomes this turn's proposal, put to the customer in
 * the product's own words; the rest are refused. The model cannot widen any of this.
 */
export class ConsentedToolSet implements ToolSet {
  /** The change this turn proposes; the reply asks the customer about it. */
  proposal: PendingAction | null = null;

  /**
   * `unconfirmed` runs reads and checks a proposed write against the shop's policy without making it;
   * `confirmed` makes a write the customer agreed to.
   */
  constructor(
    private readonly unconfirmed: ToolSet,
    private readonly confirmed: ToolSet,
    private readonly writes: WriteTools,
    private readonly consent: ConsentState,
    private readonly metrics?: Metrics,
  ) {}

  get definitions() {
    return this.unconfirmed.definitions;
  }

  async execute(name: string, input: unknown): Promise<ToolExecution> {
    if (!this.writes.names.has(name)) return this.unconfirmed.execute(name, input);
    const action = proposedAction(name, input);
    const { pending, verdict } = this.consent;
    const proposedBefore = pending !== null && sameAction(pending, action);
    if (proposedBefore && verdict === 'yes' && (await this.consent.consume())) return this.confirmed.execute(name, input);
    if (proposedBefore && verdict === 'no') return this.refuse(name, action, 'declined');
    if (this.proposal)
      return sameAction(this.proposal, action) ? this.proposed(name, action, this.proposal) : this.refuse(name, action, 'one_change_at_a_time');
    // Not agreed: checked against the policy for this customer, then put to them.
    const check = await this.unconfirmed.execute(name, input);
    if ((check.record.result as { code?: string })?.code !== 'confirmation_required') return check;
    this.proposal = { ...action, description: await this.writes.describe(action) };
    if (verdict === 'yes' && pending) this.metrics?.consentRefusals.inc({ reason: 'not_the_change_proposed' });
    return this.proposed(name, action, this.proposal);
  }

  /** Not made: recorded as the refusal it is for now ("confirm first"), which the gate expects and does not count as a failure. */
  private proposed(name: string, action: ProposedAction, proposal: PendingAction): ToolExecution {
    const message = PROPOSED(proposal.description);
    return execution(name, action, { ok: false, code: 'confirmation_required', message }, JSON.stringify({ error: 'confirmation_required', message }), true);
  }

  private refuse(name: string, action: ProposedAction, reason: keyof typeof REFUSALS): ToolExecution {
    this.metrics?.consentRefusals.inc({ reason });
    const result = { ok: false, code: reason, message: REFUSALS[reason] };
    return execution(name, action, result, JSON.stringify({ error: reason, message: REFUSALS[reason] }), true);
  }
}

function execution(name: string, action: ProposedAction, result: unknown, content: string, isError: boolean): ToolExecution {
  const record: ToolCallRecord = { name, arguments: action.arguments, result, isError, durationMs: 0 };
  return { record, content, handoffRequested: false };
}

/** The question that closes a reply proposing a change; the customer's next message answers it. */
export function confirmationQuestion(proposal: PendingAction): string {
  return `To confirm: shall I ${proposal.description}? Please reply yes to go ahead, or no to leave it as it is.`;
}
