/** What a channel can show; the agent reads this declaration instead of probing adapters. */
export interface ChannelCapabilities {
  /** Replies can be shown while they are being written. */
  streaming: boolean;
  /** Longest reply the channel carries well, in characters. */
  maxTextLength: number;
  /** Markdown-like formatting is rendered (bold, lists, links). */
  richFormatting: boolean;
  attachments: boolean;
}
