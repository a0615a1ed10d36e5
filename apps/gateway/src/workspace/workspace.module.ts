import { Module } from '@nestjs/common';
import { ConversationModule } from '@support/conversation';
import { createKnowledgeBackend } from '@support/knowledge';
import { APP_CONFIG, AppConfig, Database } from '@support/platform';
import { HumanAgentsModule } from '../human-agents/human-agents.module';
import { HumanReplyService } from '../human-agents/human-reply.service';
import { AccountInvitations } from './accounts/account-invitations.service';
import { AccountRepository } from './accounts/account.repository';
import { AccountsController } from './accounts/accounts.controller';
import { SignInLinkRepository } from './accounts/sign-in-link.repository';
import { SignInLockout } from './accounts/sign-in-lockout';
import { SignInService } from './accounts/sign-in.service';
import { LocalAdminController, LocalAdminGuard } from './cli/local-admin.controller';
import { LocalAdminToken } from './cli/local-admin-token';
import { Copilot } from './copilot/copilot.service';
import { PassageReplyDrafter } from './copilot/passage.reply-drafter';
import { ReplyDrafter } from './copilot/reply-drafter';
import { ConversationHandling } from './handling/conversation-handling.service';
import { ConversationStateAdapter } from './handling/conversation-state.adapter';
import { ConversationViewService } from './handling/conversation-view.service';
import { ConversationsController } from './handling/conversations.controller';
import { InternalNoteRepository } from './handling/internal-note.repository';
import { InboxFeed } from './inbox/inbox-feed.service';
import { InboxController } from './inbox/inbox.controller';
import { WorkspacePagesController } from './pages/workspace-pages.controller';
import { SessionController } from './sessions/session.controller';
import { SessionRepository } from './sessions/session.repository';
import { WorkspaceSessionGuard } from './sessions/workspace-session.guard';

const repositories = [AccountRepository, SignInLinkRepository, SessionRepository, SignInLockout, InternalNoteRepository];

/**
 * The workspace at /workspace, where people on the support team take over handed-off conversations: accounts and
 * sessions, the live inbox, claiming, the conversation view, replies on the customer's channel, notes, the copilot.
 */
@Module({
  imports: [ConversationModule, HumanAgentsModule],
  controllers: [WorkspacePagesController, SessionController, AccountsController, InboxController, ConversationsController, LocalAdminController],
  providers: [
    ...repositories.map((repository) => ({ provide: repository, inject: [Database], useFactory: (db: Database) => new repository(db) })),
    SignInService,
    AccountInvitations,
    WorkspaceSessionGuard,
    ConversationStateAdapter,
    ConversationViewService,
    ConversationHandling,
    InboxFeed,
    HumanReplyService,
    Copilot,
    LocalAdminToken,
    LocalAdminGuard,
    {
      provide: ReplyDrafter,
      inject: [Database, APP_CONFIG],
      useFactory: (db: Database, config: AppConfig) => new PassageReplyDrafter(createKnowledgeBackend(db, config).retriever, config.agent.minRetrievalScore),
    },
  ],
})
export class WorkspaceModule {}
