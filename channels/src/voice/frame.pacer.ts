import { MULAW_FRAME_MS } from './mulaw.codec';

export type PacedItem = { kind: 'frame'; audio: Buffer } | { kind: 'mark'; name: string };

export interface FramePacerOptions {
  /** How far ahead of real time frames are sent: enough to ride out timer jitter, short enough that `clear` cuts close to what was heard. */
  leadMs?: number;
  now?: () => number;
  /** Each frame's lateness against its real-time schedule, for the pacing jitter figures. */
  onFrameLateness?: (lateMs: number) => void;
}

/**
 * Sends queued 20 ms frames in real time (Twilio plays what it receives; a whole reply dumped at once
 * could not be cut at barge-in). Frame n of a run is due at start + n·20 ms − lead, so timer drift
 * never accumulates. Marks go out right after the frame before them.
 */
export class FramePacer {
  private readonly queue: PacedItem[] = [];
  private readonly leadMs: number;
  private readonly now: () => number;
  private runStart = 0;
  private framesSentInRun = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly send: (item: PacedItem) => void,
    private readonly options: FramePacerOptions = {},
  ) {
    this.leadMs = options.leadMs ?? 60;
    this.now = options.now ?? (() => performance.now());
  }

  get pendingFrames(): number {
    return this.queue.reduce((n, item) => n + (item.kind === 'frame' ? 1 : 0), 0);
  }

  get idle(): boolean {
    return this.queue.length === 0;
  }

  enqueueFrames(frames: Buffer[]): void {
    if (this.closed || frames.length === 0) return;
    for (const audio of frames) this.queue.push({ kind: 'frame', audio });
    this.schedule();
  }

  enqueueMark(name: string): void {
    if (this.closed) return;
    this.queue.push({ kind: 'mark', name });
    this.schedule();
  }

  /** Drops everything not yet sent (barge-in); returns the marks that will now never be sent. */
  clear(): string[] {
    const dropped = this.queue.splice(0).flatMap((item) => (item.kind === 'mark' ? [item.name] : []));
    this.stopTimer();
    return dropped;
  }

  close(): void {
    this.closed = true;
    this.clear();
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    if (this.framesSentInRun === 0 || this.now() > this.dueAt(this.framesSentInRun) + this.leadMs + MULAW_FRAME_MS) {
      // A new run: the previous one finished playing, so the clock starts again now.
      this.runStart = this.now();
      this.framesSentInRun = 0;
    }
    this.tick();
  }

  private dueAt(frameIndex: number): number {
    return this.runStart + frameIndex * MULAW_FRAME_MS - this.leadMs;
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    const now = this.now();
    while (this.queue.length) {
      const next = this.queue[0];
      if (next.kind === 'frame') {
        const due = this.dueAt(this.framesSentInRun);
        if (due > now) break;
        this.options.onFrameLateness?.(Math.max(0, now - Math.max(due, this.runStart)));
        this.framesSentInRun++;
      }
      this.queue.shift();
      this.send(next);
    }
    if (this.queue.length) {
      this.timer = setTimeout(this.tick, Math.max(0, this.dueAt(this.framesSentInRun) - this.now()));
    }
  };

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
