import { z } from 'zod';

/** When people answer handoffs: weekly windows in one time zone. `text` is how the customer is told, as configured. */
export interface SupportHours {
  windows: Array<{ days: number[]; openMinute: number; closeMinute: number }>;
  timeZone: string;
  text: string;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WINDOW = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\d{2}):(\d{2})-(\d{2}):(\d{2})$/i;

/** `Mon-Fri 09:00-17:00 Europe/London`, or several windows: `Mon-Fri 09:00-17:00, Sat 10:00-14:00 Europe/London`. */
export const supportHoursSchema = z
  .string()
  .trim()
  .optional()
  .transform((raw, ctx): SupportHours | undefined => {
    if (!raw) return undefined;
    const hours = parseSupportHours(raw);
    if (hours) return hours;
    ctx.addIssue({ code: 'custom', message: 'must look like "Mon-Fri 09:00-17:00 Europe/London" (windows separated by commas, then an IANA time zone)' });
    return z.NEVER;
  });

function parseSupportHours(raw: string): SupportHours | null {
  const zoneAt = raw.lastIndexOf(' ');
  const timeZone = raw.slice(zoneAt + 1);
  if (zoneAt < 0 || !isTimeZone(timeZone)) return null;
  const windows = raw
    .slice(0, zoneAt)
    .split(',')
    .map((part) => parseWindow(part.trim()));
  if (!windows.length || windows.some((w) => !w)) return null;
  return { windows: windows as SupportHours['windows'], timeZone, text: raw };
}

function parseWindow(part: string): SupportHours['windows'][number] | null {
  const match = WINDOW.exec(part);
  if (!match) return null;
  const first = DAYS.indexOf(match[1].toLowerCase());
  const last = DAYS.indexOf((match[2] ?? match[1]).toLowerCase());
  const openMinute = Number(match[3]) * 60 + Number(match[4]);
  const closeMinute = Number(match[5]) * 60 + Number(match[6]);
  if (first < 0 || last < 0 || openMinute >= closeMinute || closeMinute > 24 * 60) return null;
  const days: number[] = [];
  for (let day = first; ; day = (day + 1) % 7) {
    days.push(day);
    if (day === last) break;
  }
  return { days, openMinute, closeMinute };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}
