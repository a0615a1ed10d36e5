import { Module } from '@nestjs/common';
import { Database } from '@support/platform';
import { ConversationIntake } from './inbound/conversation-intake.service';
import { AgentTurnRepository } from './store/agent-turn.repository';
import { ConversationRepository } from './store/conversation.repository';
import { CustomerRepository } from './store/customer.repository';
import { HandoffRepository } from './store/handoff.repository';
import { MessageRepository } from './store/message.repository';
import { TicketRepository } from './store/ticket.repository';
import { ConversationStates } from './states/conversation-states.service';

const repositories = [CustomerRepository, ConversationRepository, MessageRepository, AgentTurnRepository, HandoffRepository, TicketRepository];

/** The conversation store and intake, on the platform's database. */
@Module({
  providers: [
    ...repositories.map((repository) => ({ provide: repository, inject: [Database], useFactory: (db: Database) => new repository(db) })),
    {
      provide: ConversationIntake,
      inject: [Database, CustomerRepository, ConversationRepository, MessageRepository],
      useFactory: (db: Database, customers: CustomerRepository, conversations: ConversationRepository, messages: MessageRepository) =>
        new ConversationIntake(db, customers, conversations, messages),
    },
    {
      provide: ConversationStates,
      inject: [Database, ConversationRepository, HandoffRepository],
      useFactory: (db: Database, conversations: ConversationRepository, handoffs: HandoffRepository) => new ConversationStates(db, conversations, handoffs),
    },
  ],
  exports: [...repositories, ConversationIntake, ConversationStates],
})
export class ConversationModule {}
