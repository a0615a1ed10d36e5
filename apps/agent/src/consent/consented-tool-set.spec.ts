import { ToolExecution, ToolSet } from '../tools/tool-set';
import { ConsentedToolSet, ConsentState } from './consented-tool-set';
import { PendingAction } from './proposed-action';

/** A shop whose writes succeed only when confirmed; each call is remembered, and which were really made. */
class RecordedShopTools implements ToolSet {
  readonly definitions = [];
  readonly made: Array<{ name: string; input: unknown }> = [];

  constructor(
    private readonly confirmed: boolean,
    private readonly refuse = false,
  ) {}

  async execute(name: string, input: unknown): Promise<ToolExecution> {
    const result = this.refuse
      ? { ok: false, code: 'refused', message: 'Order #W1000001 has shipped.' }
      : this.confirmed
        ? { ok: true, data: { done: name } }
        : { ok: false, code: 'confirmation_required', message: 'confirm first' };
    if (this.confirmed && !this.refuse) this.made.push({ name, input });
    return {
      record: { name, arguments: input as Record<string, unknown>, result, isError: !result.ok, durationMs: 0 },
      content: JSON.stringify(result),
      handoffRequested: false,
    };
  }
}

const CANCEL = { tool: 'cancel_order', arguments: { order_id: '#W1000001', reason: 'no longer needed' }, description: 'cancel order #W1000001' };
const writes = { names: new Set(['cancel_order', 'change_order_address']), describe: async () => 'cancel order #W1000001 (Boots)' };

function tools(pending: PendingAction | null, verdict: ConsentState['verdict'], options: { refuse?: boolean } = {}) {
  const confirmed = new RecordedShopTools(true);
  let consumed = 0;
  const set = new ConsentedToolSet(new RecordedShopTools(false, options.refuse), confirmed, writes, {
    pending,
    verdict,
    consume: async () => consumed++ === 0,
  });
  return { set, made: confirmed.made };
}

describe(ConsentedToolSet.name, () => {
  it('makes the change the customer said yes to, exactly as proposed', async () => {
    const { set, made } = tools(CANCEL, 'yes');
    const result = await set.execute('cancel_order', { order_id: 'W1000001', reason: ' no longer needed ' });
    expect(result.record.isError).toBe(false);
    expect(made).toHaveLength(1);
  });

  it('runs one change per yes: a second identical call is only proposed again', async () => {
    const { set, made } = tools(CANCEL, 'yes');
    await set.execute('cancel_order', CANCEL.arguments);
    const again = await set.execute('cancel_order', CANCEL.arguments);
    expect(made).toHaveLength(1);
    expect(again.record.result).toMatchObject({ code: 'confirmation_required' });
  });

  it("turns a write nobody agreed to into a proposal, described in the shop's words, and changes nothing", async () => {
    const { set, made } = tools(null, null);
    const result = await set.execute('cancel_order', CANCEL.arguments);
    expect(made).toHaveLength(0);
    expect(result.content).toContain('Not done yet');
    expect(set.proposal).toMatchObject({ tool: 'cancel_order', description: 'cancel order #W1000001 (Boots)' });
  });

  it('does not make a different change from the one the customer said yes to', async () => {
    const { set, made } = tools(CANCEL, 'yes');
    await set.execute('change_order_address', { order_id: '#W1000001', address1: '1 Main St', city: 'Austin', state: 'TX', zip: '78701', country: 'USA' });
    await set.execute('cancel_order', { order_id: '#W1000002', reason: 'no longer needed' });
    expect(made).toHaveLength(0);
  });

  it('refuses the change the customer said no to, and does not propose it again', async () => {
    const { set, made } = tools(CANCEL, 'no');
    const result = await set.execute('cancel_order', CANCEL.arguments);
    expect(made).toHaveLength(0);
    expect(result.record.result).toMatchObject({ code: 'declined' });
    expect(set.proposal).toBeNull();
  });

  it('does not act on an unclear answer; the same change is put to the customer again', async () => {
    const { set, made } = tools(CANCEL, 'unclear');
    await set.execute('cancel_order', CANCEL.arguments);
    expect(made).toHaveLength(0);
    expect(set.proposal).toMatchObject({ tool: 'cancel_order' });
  });

  it('proposes one change at a time', async () => {
    const { set } = tools(null, null);
    await set.execute('cancel_order', CANCEL.arguments);
    const second = await set.execute('cancel_order', { order_id: '#W1000002', reason: 'no longer needed' });
    expect(second.record.result).toMatchObject({ code: 'one_change_at_a_time' });
    expect(set.proposal?.arguments.order_id).toBe('#W1000001');
  });

  it("passes on the shop's refusal and proposes nothing the policy does not allow", async () => {
    const { set } = tools(null, null, { refuse: true });
    const result = await set.execute('cancel_order', CANCEL.arguments);
    expect(result.record.result).toMatchObject({ code: 'refused' });
    expect(set.proposal).toBeNull();
  });
});
