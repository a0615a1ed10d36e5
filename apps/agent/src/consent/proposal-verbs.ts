/** The kinds of change a reply can name with its own verb ("cancel it", "yes, return them"). */
export type ChangeVerb = 'cancel' | 'return' | 'refund' | 'exchange' | 'change';

/** What the customer's reply is read against: the tool of the proposed change and the order it is about. */
export interface ProposalInReply {
  tool: string;
  orderId?: string;
}

const VERB_OF_WORD: Record<string, ChangeVerb> = {
  cancel: 'cancel',
  cancela: 'cancel',
  cancelalo: 'cancel',
  cancelar: 'cancel',
  annulez: 'cancel',
  annuler: 'cancel',
  stornieren: 'cancel',
  storniere: 'cancel',
  annulla: 'cancel',
  return: 'return',
  refund: 'refund',
  exchange: 'exchange',
  replace: 'exchange',
  swap: 'exchange',
  change: 'change',
  update: 'change',
};

const VERBS_OF_TOOL: Record<string, ChangeVerb[]> = {
  cancel_order: ['cancel', 'refund'],
  cancel_pending_order: ['cancel', 'refund'],
  change_order_address: ['change'],
  modify_pending_order_address: ['change'],
  modify_user_address: ['change'],
  modify_pending_order_payment: ['change'],
  modify_pending_order_items: ['change', 'exchange'],
  start_return: ['return', 'refund'],
  return_delivered_order_items: ['return', 'refund'],
  exchange_delivered_order_items: ['exchange'],
};

/**
 * How a go-ahead verb reads against the proposal: the proposed change's own verb goes ahead; "cancel" said to
 * any other change means "call it off"; another change's verb asks for something else. Null: not a change verb,
 * or no proposal known, so the lexicon's reading stands.
 */
export function verbAgainstProposal(word: string, proposal: ProposalInReply | undefined): 'goes_ahead' | 'calls_off' | 'asks_otherwise' | null {
  const verb = VERB_OF_WORD[word];
  const proposed = proposal ? VERBS_OF_TOOL[proposal.tool] : undefined;
  if (!verb || !proposed) return null;
  if (proposed.includes(verb)) return 'goes_ahead';
  return verb === 'cancel' ? 'calls_off' : 'asks_otherwise';
}

const ORDER_NUMBER = /^#?w(\d{7})$/;

/** An order number in the reply: the proposed order's is a detail, another order's asks for something else. */
export function orderNumberAgainstProposal(word: string, proposal: ProposalInReply | undefined): 'same' | 'other' | null {
  const named = ORDER_NUMBER.exec(word);
  const proposed = proposal?.orderId ? /(\d{7})$/.exec(proposal.orderId.trim()) : null;
  if (!named || !proposed) return null;
  return named[1] === proposed[1] ? 'same' : 'other';
}
