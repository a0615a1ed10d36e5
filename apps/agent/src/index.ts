export { AgentModule } from './agent.module';
export { ALL_MIGRATIONS } from './agent.migrations';
