import { Message } from '@support/conversation';

export interface DraftRequest {
  customerName: string | null;
  /** The whole conversation, oldest first. */
  messages: Message[];
}

export interface ReplyDraft {
  text: string;
  /** The help-center articles the draft rests on, for the person to check. */
  sources: Array<{ title: string; url: string | null; score: number }>;
  /** Who wrote it: `embedded` (from help-center passages) or a model name. */
  writer: string;
}

/** Drafts a reply a person edits before sending: nothing here sends anything. */
export abstract class ReplyDrafter {
  abstract draft(request: DraftRequest): Promise<ReplyDraft>;
}
