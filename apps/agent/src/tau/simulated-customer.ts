/** The customer side of a τ-bench conversation: a model playing the task's instruction. */
export interface SimulatedCustomer {
  /** The customer's first message, after the agent's greeting. */
  open(): Promise<string>;
  /** The customer's answer to the agent's message; `###STOP###` in it ends the conversation. */
  respond(agentMessage: string): Promise<string>;
}

/** What τ-bench's simulated user says when its goal is met or it gives up. */
export const STOP_SIGNAL = '###STOP###';
