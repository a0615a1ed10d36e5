import { Global, Module } from '@nestjs/common';
import { AgentPresence, SignedInAgentPresence } from '@support/conversation';
import { Database } from '@support/platform';

/**
 * Global so that the agent, when it runs in this process, finds `AgentPresence`: who is signed in to the workspace,
 * read from the database, the same source separate agent workers read.
 */
@Global()
@Module({
  providers: [{ provide: AgentPresence, inject: [Database], useFactory: (db: Database) => new SignedInAgentPresence(db) }],
  exports: [AgentPresence],
})
export class WorkspacePresenceModule {}
