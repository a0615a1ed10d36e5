import Anthropic from '@anthropic-ai/sdk';
import { retryWithinDeadline } from '../turn-deadline/deadline-retry';
import { TurnCutError } from '../turn-deadline/turn-cut.error';
import { TurnDeadline } from '../turn-deadline/turn-deadline';
import { anthropicRetryDelayMs } from './anthropic-retry.delay';

export interface StreamCallLimits {
  deadline: TurnDeadline;
  /** A stream that sends no event for this long is cut; Infinity = never. */
  idleMs: number;
}

export interface ClaudeStreamCallerOptions {
  /** Tries after a failed call, all within the deadline. */
  maxRetries: number;
  /** Longest wait for one attempt's response to start (the client's `timeout`). */
  attemptTimeoutMs: number;
}

/**
 * One streamed model call inside a turn's deadline. The SDK's own retries are off: they would sleep
 * out a Retry-After past the deadline. Each attempt is aborted at the deadline or when its stream
 * goes quiet, and neither is tried again; nor is an attempt that already streamed text to the
 * customer (they would read it twice).
 */
export class ClaudeStreamCaller {
  constructor(
    private readonly client: Anthropic,
    private readonly options: ClaudeStreamCallerOptions,
  ) {}

  async stream(params: Anthropic.MessageCreateParamsNonStreaming, limits: StreamCallLimits, onText: (delta: string) => void): Promise<Anthropic.Message> {
    let streamed = false;
    return retryWithinDeadline(
      () =>
        this.attempt(params, limits, (delta) => {
          streamed = true;
          onText(delta);
        }),
      {
        deadline: limits.deadline,
        maxRetries: this.options.maxRetries,
        retryDelayMs: (error, retry) => (streamed || error instanceof TurnCutError ? null : anthropicRetryDelayMs(error, retry)),
      },
    );
  }

  private async attempt(
    params: Anthropic.MessageCreateParamsNonStreaming,
    { deadline, idleMs }: StreamCallLimits,
    onText: (delta: string) => void,
  ): Promise<Anthropic.Message> {
    const remainingMs = deadline.remainingMs();
    if (remainingMs <= 0) throw new TurnCutError('deadline', 'the turn deadline passed before the model call');
    const controller = new AbortController();
    const cut: { by: TurnCutError | null } = { by: null };
    const cutOff = (error: TurnCutError) => {
      cut.by ??= error;
      controller.abort();
    };
    // Until the response starts the SDK's timeout counts; when it is the deadline's, its firing is the deadline.
    const timeoutIsDeadline = remainingMs <= this.options.attemptTimeoutMs;
    const atDeadline = () => cutOff(new TurnCutError('deadline', 'the turn deadline passed during the model call'));
    const deadlineTimer = deadline.bounded ? setTimeout(atDeadline, remainingMs) : undefined;
    let idleTimer: NodeJS.Timeout | undefined;
    const heardFrom = () => {
      if (!Number.isFinite(idleMs)) return;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => cutOff(new TurnCutError('model_stalled', `the model stream sent nothing for ${idleMs} ms`)), idleMs);
    };
    try {
      const stream = this.client.messages.stream(params, {
        signal: controller.signal,
        timeout: Math.max(1, Math.ceil(Math.min(remainingMs, this.options.attemptTimeoutMs))),
        maxRetries: 0,
      });
      stream.on('connect', heardFrom);
      stream.on('streamEvent', heardFrom);
      stream.on('text', (delta) => onText(delta));
      return await stream.finalMessage();
    } catch (error) {
      if (cut.by) throw cut.by;
      if (timeoutIsDeadline && error instanceof Anthropic.APIConnectionTimeoutError) {
        throw new TurnCutError('deadline', 'the turn deadline passed waiting for the model');
      }
      throw error;
    } finally {
      clearTimeout(deadlineTimer);
      clearTimeout(idleTimer);
    }
  }
}
