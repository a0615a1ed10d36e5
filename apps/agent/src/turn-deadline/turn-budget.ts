/** How long one turn may take, and how long a model stream may stay quiet, on one kind of channel. */
export interface TurnBudget {
  deadlineMs: number;
  streamIdleMs: number;
}

/** A caller on the phone hears silence: voice gets its own, shorter budget. */
export interface TurnBudgets {
  text: TurnBudget;
  voice: TurnBudget;
}

export function budgetForChannel(budgets: TurnBudgets, channel: string): TurnBudget {
  return channel === 'voice' ? budgets.voice : budgets.text;
}
