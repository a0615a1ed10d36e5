import Anthropic from '@anthropic-ai/sdk';
import { SimulatedCustomer } from './simulated-customer';

const GREETING = 'Hi! How can I help you today?';

/** τ-bench's user-simulation prompt: the task's instruction, and how to play it. */
export function simulatedCustomerPrompt(instruction: string): string {
  return `You are a user interacting with an agent.

Instruction: ${instruction}

Rules:
- Just generate one line at a time to simulate the user's message.
- Do not give away all the instruction at once. Only provide the information that is necessary for the current step.
- Do not hallucinate information that is not provided in the instruction. For example, if the agent asks for the order id but it is not mentioned in the instruction, do not make up an order id, just say you do not remember or have it.
- If the instruction goal is satisified, generate '###STOP###' as a standalone message without anything else to end the conversation.
- Do not repeat the exact instruction in the conversation. Instead, use your own words to convey the same information.
- Try to make the conversation as natural as possible, and stick to the personalities in the instruction.`;
}

/** A customer played by a Claude model through the Messages API, with the task's instruction as its system prompt. */
export class ClaudeSimulatedCustomer implements SimulatedCustomer {
  private readonly messages: Anthropic.MessageParam[] = [];

  constructor(
    private readonly client: Anthropic,
    private readonly options: { model: string; instruction: string; maxTokens?: number },
  ) {}

  open(): Promise<string> {
    return this.respond(GREETING);
  }

  async respond(agentMessage: string): Promise<string> {
    // Roles are swapped: the agent speaks as "user" to the simulated customer.
    this.messages.push({ role: 'user', content: agentMessage.trim() || '(the agent said nothing)' });
    const response = await this.client.messages.create({
      model: this.options.model,
      max_tokens: this.options.maxTokens ?? 512,
      system: simulatedCustomerPrompt(this.options.instruction),
      messages: this.messages,
    });
    const text = response.content
      .flatMap((b) => (b.type === 'text' ? [b.text] : []))
      .join('')
      .trim();
    this.messages.push({ role: 'assistant', content: text || '...' });
    return text;
  }
}
