import { decodeMulaw, encodeMulaw, linearToMulaw, MULAW_SILENCE, mulawToLinear } from './mulaw.codec';
import { MulawFramer } from './mulaw.framer';

describe('μ-law codec', () => {
  it('encodes silence as 0xFF and round-trips speech-level samples within G.711 quantisation', () => {
    expect(linearToMulaw(0)).toBe(MULAW_SILENCE);
    expect(mulawToLinear(MULAW_SILENCE)).toBe(0);
    const pcm = Int16Array.from([0, 100, -100, 1000, -1000, 8000, -8000, 32000, -32000]);
    const back = decodeMulaw(encodeMulaw(pcm));
    pcm.forEach((sample, i) => expect(Math.abs(back[i] - sample)).toBeLessThanOrEqual(Math.max(8, Math.abs(sample) * 0.07)));
  });

  it('matches the G.711 table at segment edges', () => {
    expect(linearToMulaw(-32768)).toBe(0x00);
    expect(linearToMulaw(32767)).toBe(0x80);
    expect(mulawToLinear(0x00)).toBe(-32124);
    expect(mulawToLinear(0x80)).toBe(32124);
  });
});

describe(MulawFramer.name, () => {
  it('re-cuts chunks of any size into 160-byte frames and pads the tail with silence', () => {
    const framer = new MulawFramer();
    const frames = [...framer.push(Buffer.alloc(100, 1)), ...framer.push(Buffer.alloc(300, 2)), ...framer.flush()];
    expect(frames.map((f) => f.length)).toEqual([160, 160, 160]);
    expect(frames[0].subarray(0, 100).every((b) => b === 1)).toBe(true);
    expect(frames[2].subarray(80).every((b) => b === MULAW_SILENCE)).toBe(true);
  });
});
