import { Module } from '@nestjs/common';
import { ConversationModule } from '@support/conversation';
import { AgentApiGuard } from './agent-api.guard';
import { HumanAgentsController } from './human-agents.controller';
import { HumanReplyService } from './human-reply.service';
import { MessageSenderRegistry } from './message-sender.registry';

/**
 * The channel-agnostic human-agent API. A channel module imports this module and, at start,
 * registers its `MessageSender` with `MessageSenderRegistry`; a person's reply then goes out
 * on whichever channel the conversation is on.
 */
@Module({
  imports: [ConversationModule],
  controllers: [HumanAgentsController],
  providers: [MessageSenderRegistry, HumanReplyService, AgentApiGuard],
  exports: [MessageSenderRegistry, AgentApiGuard],
})
export class HumanAgentsModule {}
