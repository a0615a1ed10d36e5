import {
  ConflictException,
  GoneException,
  HttpException,
  HttpStatus,
  Injectable,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ProviderError } from '@support/platform';
import { CallTakingError, VoiceCallTaking } from '../../twilio-voice/voice-call-taking.service';
import { Account } from '../accounts/account';
import { ConversationHandling } from '../handling/conversation-handling.service';
import { InboxFeed } from '../inbox/inbox-feed.service';

export const NO_PHONE_MESSAGE =
  'Add your phone number first: "My phone" at the top of the workspace, or npm run agents -- add <email> --phone +14155550100 for a new account.';

/**
 * "Take call": the conversation is claimed for the person (of two taking at once one wins, as for any claim),
 * then the product rings their own phone, never another number, and bridges them to that caller.
 */
@Injectable()
export class TakeCall {
  constructor(
    private readonly voice: VoiceCallTaking,
    private readonly handling: ConversationHandling,
    private readonly feed: InboxFeed,
  ) {}

  async take(conversationId: string, me: Account): Promise<{ agentCallSid: string; phone: string }> {
    if (!me.phone) throw new UnprocessableEntityException(NO_PHONE_MESSAGE);
    await this.refusals(() => this.voice.takeable(conversationId));
    const claimedNow = await this.handling.claim(conversationId, me);
    try {
      const agentCallSid = await this.refusals(() => this.voice.dialPerson(conversationId, me.id, me.phone!));
      this.feed.nudge();
      return { agentCallSid, phone: me.phone };
    } catch (error) {
      if (claimedNow) await this.handling.unassign(conversationId, me);
      throw error;
    }
  }

  private async refusals<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof CallTakingError) {
        if (error.reason === 'not_configured') throw new ServiceUnavailableException(error.message);
        if (error.reason === 'caller_gone') throw new GoneException(error.message);
        throw new ConflictException(error.message);
      }
      if (error instanceof ProviderError) throw new HttpException(`Twilio could not ring your phone: ${error.message}`, HttpStatus.BAD_GATEWAY);
      throw error;
    }
  }
}
