import { MULAW_SAMPLE_RATE } from '@support/channels';

const KEEP_SECONDS = 60;

/**
 * Maps a position in the caller's audio (seconds since the stream began, as the recogniser reports
 * word times) to the moment that audio reached us, so "end of the caller's speech" is a wall-clock time.
 */
export class AudioClock {
  private readonly arrivals: number[] = [];
  private firstSecond = 0;
  private bytes = 0;

  /** Call for each chunk of caller audio as it arrives. */
  received(byteCount: number, at = performance.now()): void {
    const before = Math.floor((this.bytes / MULAW_SAMPLE_RATE) * 10);
    this.bytes += byteCount;
    const after = Math.floor((this.bytes / MULAW_SAMPLE_RATE) * 10);
    for (let tenth = before; tenth < after; tenth++) this.arrivals.push(at);
    const excess = this.arrivals.length - KEEP_SECONDS * 10;
    if (excess > 0) {
      this.arrivals.splice(0, excess);
      this.firstSecond += excess / 10;
    }
  }

  /** When the audio at `streamSec` arrived; unknown or too old → undefined. */
  arrivalOf(streamSec: number): number | undefined {
    const index = Math.floor((streamSec - this.firstSecond) * 10);
    if (index < 0) return undefined;
    return this.arrivals[Math.min(index, this.arrivals.length - 1)];
  }
}
