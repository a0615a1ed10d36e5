export { AgentModule } from './agent.module';
export { AGENT_MIGRATIONS } from './agent.migrations';
export { composeAnswerFromPassages } from './generation/passage-answer.composer';
export { ShopRepository } from './orders/shop.repository';
export type { Order } from './orders/shop.model';
export { anthropicClient } from './agent.providers';
export { ConversationRedaction } from './pii/conversation-redaction';
export { PiiRedactor } from './pii/pii-redactor';
