import { Global, Module } from '@nestjs/common';
import { ConversationModule } from '@support/conversation';
import { HandoffDesk } from './handoff-desk';

/** The handoff desk, for every channel module to register its destinations with and hand customers over through. */
@Global()
@Module({
  imports: [ConversationModule],
  providers: [HandoffDesk],
  exports: [HandoffDesk],
})
export class HandoffModule {}
