import { Logger } from '@support/platform';
import { DraftRequest, ReplyDraft, ReplyDrafter } from './reply-drafter';

/** A model's draft when it answers; the embedded draft when the provider fails in any way. */
export class FallbackReplyDrafter extends ReplyDrafter {
  constructor(
    private readonly primary: ReplyDrafter,
    private readonly fallback: ReplyDrafter,
    private readonly logger: Logger,
  ) {
    super();
  }

  async draft(request: DraftRequest): Promise<ReplyDraft> {
    try {
      return await this.primary.draft(request);
    } catch (error) {
      this.logger.warn({ err: { message: (error as Error).message } }, 'copilot model failed; drafting from the help center');
      return this.fallback.draft(request);
    }
  }
}
