import { Global, Module } from '@nestjs/common';
import { AgentPresence } from '@support/conversation';
import { Database } from '@support/platform';
import { WorkspaceAgentPresence } from './workspace-agent-presence';

/** Global so that the agent, which knows nothing of the workspace, finds `AgentPresence` when it runs in this process. */
@Global()
@Module({
  providers: [{ provide: AgentPresence, inject: [Database], useFactory: (db: Database) => new WorkspaceAgentPresence(db) }],
  exports: [AgentPresence],
})
export class WorkspacePresenceModule {}
