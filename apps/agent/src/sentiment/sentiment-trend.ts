export interface SentimentTrendOptions {
  /** Weight of the newest message in the moving average, in (0, 1]; higher follows the latest message more closely. */
  smoothing: number;
  /** A message scoring at or below this counts as clearly negative. */
  clearlyNegativeScore: number;
  /** This many clearly negative messages in a row mean the conversation is escalating. */
  consecutiveNegativeMessages: number;
  /** A trend at or below this means the conversation is escalating, even without a run of clearly negative messages. */
  escalationTrend: number;
}

const DEFAULT_OPTIONS: SentimentTrendOptions = {
  smoothing: 0.5,
  clearlyNegativeScore: -0.5,
  consecutiveNegativeMessages: 2,
  escalationTrend: -0.4,
};

/**
 * Reads a conversation's mood from the sentiment scores of its customer messages, oldest first. The moving average
 * starts from neutral, so one angry opening message is not on its own an escalation.
 */
export class SentimentTrend {
  private readonly options: SentimentTrendOptions;

  constructor(options: Partial<SentimentTrendOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    if (!(this.options.smoothing > 0 && this.options.smoothing <= 1)) {
      throw new RangeError(`smoothing must be in (0, 1], got ${this.options.smoothing}`);
    }
  }

  /** Exponentially weighted average of the scores, in [-1, 1]; 0 for a conversation with no scored messages. */
  trend(scores: readonly number[]): number {
    const { smoothing } = this.options;
    return scores.reduce((average, score) => smoothing * score + (1 - smoothing) * average, 0);
  }

  /** Whether the customer is getting angrier: a run of clearly negative messages, or a trend under the threshold. */
  isEscalating(scores: readonly number[]): boolean {
    const { clearlyNegativeScore, consecutiveNegativeMessages, escalationTrend } = this.options;
    const latest = scores.slice(-consecutiveNegativeMessages);
    const negativeRun = latest.length === consecutiveNegativeMessages && latest.every((score) => score <= clearlyNegativeScore);
    return negativeRun || (scores.length > 0 && this.trend(scores) <= escalationTrend);
  }
}
