import { Module } from '@nestjs/common';
import { ConversationModule } from '@support/conversation';
import { anthropicClient, ShopRepository } from '@support/agent';
import { createKnowledgeBackend } from '@support/knowledge';
import { APP_CONFIG, AppConfig, Database, LOGGER, Logger } from '@support/platform';
import { HumanAgentsModule } from '../human-agents/human-agents.module';
import { HumanReplyService } from '../human-agents/human-reply.service';
import { TwilioVoiceModule } from '../twilio-voice/twilio-voice.module';
import { AccountInvitations } from './accounts/account-invitations.service';
import { AccountRepository } from './accounts/account.repository';
import { AccountsController } from './accounts/accounts.controller';
import { MyPhoneController } from './accounts/my-phone.controller';
import { SignInLinkRepository } from './accounts/sign-in-link.repository';
import { SignInLockout } from './accounts/sign-in-lockout';
import { SignInService } from './accounts/sign-in.service';
import { TakeCallController } from './calls/take-call.controller';
import { TakeCall } from './calls/take-call.service';
import { LocalAdminController, LocalAdminGuard } from './cli/local-admin.controller';
import { LocalAdminToken } from './cli/local-admin-token';
import { CustomerOrders } from './customer/customer-orders';
import { ClaudeReplyDrafter } from './copilot/claude.reply-drafter';
import { Copilot } from './copilot/copilot.service';
import { FallbackReplyDrafter } from './copilot/fallback.reply-drafter';
import { PassageReplyDrafter } from './copilot/passage.reply-drafter';
import { ReplyDrafter } from './copilot/reply-drafter';
import { ConversationHandling } from './handling/conversation-handling.service';
import { ConversationStateAdapter } from './handling/conversation-state.adapter';
import { ConversationViewService } from './handling/conversation-view.service';
import { ConversationsController } from './handling/conversations.controller';
import { InternalNoteRepository } from './handling/internal-note.repository';
import { InboxFeed } from './inbox/inbox-feed.service';
import { InboxController } from './inbox/inbox.controller';
import { WorkspacePresenceModule } from './presence/workspace-presence.module';
import { WorkspacePagesController } from './pages/workspace-pages.controller';
import { SavedRepliesController } from './saved-replies/saved-replies.controller';
import { SavedReplyRepository } from './saved-replies/saved-reply.repository';
import { SessionController } from './sessions/session.controller';
import { SessionRepository } from './sessions/session.repository';
import { WorkspaceSessionGuard } from './sessions/workspace-session.guard';

const repositories = [AccountRepository, SignInLinkRepository, SessionRepository, SignInLockout, InternalNoteRepository, SavedReplyRepository];

/**
 * The workspace at /workspace, where people on the support team take over handed-off conversations: accounts and
 * sessions, the live inbox, claiming, the conversation view, replies on the customer's channel, notes, the copilot,
 * taking a call waiting in the Twilio queue on one's own phone.
 */
@Module({
  imports: [ConversationModule, HumanAgentsModule, WorkspacePresenceModule, TwilioVoiceModule],
  controllers: [
    WorkspacePagesController,
    SessionController,
    AccountsController,
    MyPhoneController,
    InboxController,
    ConversationsController,
    TakeCallController,
    SavedRepliesController,
    LocalAdminController,
  ],
  providers: [
    ...repositories.map((repository) => ({ provide: repository, inject: [Database], useFactory: (db: Database) => new repository(db) })),
    SignInService,
    AccountInvitations,
    WorkspaceSessionGuard,
    ConversationStateAdapter,
    ConversationViewService,
    ConversationHandling,
    TakeCall,
    InboxFeed,
    HumanReplyService,
    Copilot,
    LocalAdminToken,
    LocalAdminGuard,
    // Its own reader of the shop tables: with agent workers in other processes, no AgentModule runs here.
    { provide: CustomerOrders, inject: [Database], useFactory: (db: Database) => new CustomerOrders(new ShopRepository(db)) },
    {
      // Claude drafts when ANTHROPIC_API_KEY is set, with the embedded draft as the fallback on any provider error.
      provide: ReplyDrafter,
      inject: [Database, APP_CONFIG, LOGGER],
      useFactory: (db: Database, config: AppConfig, logger: Logger) => {
        const retriever = createKnowledgeBackend(db, config).retriever;
        const embedded = new PassageReplyDrafter(retriever, config.agent.minRetrievalScore);
        const client = anthropicClient(config);
        if (!client) return embedded;
        return new FallbackReplyDrafter(new ClaudeReplyDrafter(client, config.models.main, retriever, config.agent.minRetrievalScore), embedded, logger);
      },
    },
  ],
})
export class WorkspaceModule {}
