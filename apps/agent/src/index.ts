export { AgentModule } from './agent.module';
export { AGENT_MIGRATIONS } from './agent.migrations';
export { composeAnswerFromPassages } from './generation/passage-answer.composer';
