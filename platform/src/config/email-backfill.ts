import { z } from 'zod';

/** What the email channel answers from before its first look at a mailbox; null = only mail arriving after it. */
export type EmailBackfill = { unseenWithinMs: number } | null;

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const FORMAT = /^unseen-since:(\d+)([mhdw])$/;

/** `none` or `unseen-since:<n><m|h|d|w>` (`unseen-since:2d`, `unseen-since:12h`). */
export const emailBackfillSchema = z
  .string()
  .trim()
  .default('none')
  .transform((raw, ctx): EmailBackfill => {
    if (raw === 'none') return null;
    const match = FORMAT.exec(raw);
    const windowMs = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : 0;
    if (windowMs > 0) return { unseenWithinMs: windowMs };
    ctx.addIssue({ code: 'custom', message: 'must be none or unseen-since:<duration>, e.g. unseen-since:2d or unseen-since:12h (units m, h, d, w)' });
    return z.NEVER;
  });
