import { MULAW_FRAME_BYTES, MULAW_SILENCE } from './mulaw.codec';

/**
 * Re-cuts audio chunks of any size (TTS streams arbitrary chunk sizes) into 160-byte, 20 ms frames:
 * Twilio is reported to drop partial frames, so a short tail is padded with silence on `flush`.
 */
export class MulawFramer {
  private pending = Buffer.alloc(0);

  push(chunk: Uint8Array): Buffer[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk);
    const frames: Buffer[] = [];
    let offset = 0;
    while (this.pending.length - offset >= MULAW_FRAME_BYTES) {
      frames.push(this.pending.subarray(offset, offset + MULAW_FRAME_BYTES));
      offset += MULAW_FRAME_BYTES;
    }
    this.pending = this.pending.subarray(offset);
    return frames;
  }

  flush(): Buffer[] {
    if (this.pending.length === 0) return [];
    const frame = Buffer.alloc(MULAW_FRAME_BYTES, MULAW_SILENCE);
    this.pending.copy(frame);
    this.pending = Buffer.alloc(0);
    return [frame];
  }
}
