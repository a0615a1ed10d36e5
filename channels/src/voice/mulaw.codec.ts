/** G.711 μ-law, as Twilio Media Streams carry it: 8000 Hz, mono, one byte per sample. */
export const MULAW_SAMPLE_RATE = 8000;
/** 20 ms of μ-law: the frame size Twilio sends and the size we send back. */
export const MULAW_FRAME_BYTES = 160;
export const MULAW_FRAME_MS = 20;
/** μ-law of a zero sample. */
export const MULAW_SILENCE = 0xff;

const BIAS = 0x84;
const CLIP = 32635;

/** One 16-bit linear PCM sample to μ-law (ITU-T G.711). */
export function linearToMulaw(sample: number): number {
  let s = Math.max(-32768, Math.min(32767, Math.round(sample)));
  const sign = s < 0 ? 0x80 : 0;
  if (sign) s = -s;
  if (s > CLIP) s = CLIP;
  s += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** One μ-law byte to a 16-bit linear PCM sample. */
export function mulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const sign = u & 0x80;
  const exponent = (u >> 4) & 0x07;
  const mantissa = u & 0x0f;
  const magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
  return sign ? -magnitude : magnitude;
}

export function encodeMulaw(pcm: Int16Array): Buffer {
  const out = Buffer.alloc(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = linearToMulaw(pcm[i]);
  return out;
}

export function decodeMulaw(mulaw: Uint8Array): Int16Array {
  const out = new Int16Array(mulaw.length);
  for (let i = 0; i < mulaw.length; i++) out[i] = mulawToLinear(mulaw[i]);
  return out;
}

/** Root-mean-square level of μ-law audio, 0..32768; speech on a phone line is typically above ~500. */
export function mulawRms(mulaw: Uint8Array): number {
  if (mulaw.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < mulaw.length; i++) {
    const s = mulawToLinear(mulaw[i]);
    sum += s * s;
  }
  return Math.sqrt(sum / mulaw.length);
}

export function mulawDurationMs(bytes: number): number {
  return (bytes / MULAW_SAMPLE_RATE) * 1000;
}
