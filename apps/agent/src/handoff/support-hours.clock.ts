import type { SupportHours } from '@support/platform';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const STEP_MS = 5 * 60_000;
const LOOK_AHEAD_MS = 8 * 24 * 3_600_000;

interface LocalTime {
  day: number;
  minute: number;
  weekday: string;
  time: string;
}

/** Reads instants as the support team's wall clock. */
export class SupportHoursClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly weekdayName: Intl.DateTimeFormat;

  constructor(private readonly hours: SupportHours) {
    this.format = new Intl.DateTimeFormat('en-GB', { timeZone: hours.timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    this.weekdayName = new Intl.DateTimeFormat('en-GB', { timeZone: hours.timeZone, weekday: 'long' });
  }

  isOpen(at: Date): boolean {
    const local = this.local(at);
    return this.hours.windows.some((w) => w.days.includes(local.day) && local.minute >= w.openMinute && local.minute < w.closeMinute);
  }

  /** The next moment the team is in, within the coming week (in 5-minute steps); null if the hours never open. */
  nextOpening(after: Date): Date | null {
    const start = Math.ceil(after.getTime() / STEP_MS) * STEP_MS;
    for (let t = start; t <= after.getTime() + LOOK_AHEAD_MS; t += STEP_MS) {
      if (this.isOpen(new Date(t))) return new Date(t);
    }
    return null;
  }

  /** "today at 09:00", "tomorrow at 09:00" or "Monday at 09:00", with the time zone: what a customer is told. */
  describe(moment: Date, now: Date): string {
    const local = this.local(moment);
    const daysAhead = (local.day - this.local(now).day + 7) % 7;
    const sameWeekDay = daysAhead === 0 && moment.getTime() - now.getTime() < 24 * 3_600_000;
    const day = sameWeekDay ? 'today' : daysAhead === 1 ? 'tomorrow' : this.weekdayName.format(moment);
    return `${day} at ${local.time} (${this.hours.timeZone} time)`;
  }

  private local(at: Date): LocalTime {
    const parts = Object.fromEntries(this.format.formatToParts(at).map((p) => [p.type, p.value]));
    const hour = Number(parts.hour) % 24;
    const minute = Number(parts.minute);
    return { day: WEEKDAYS.indexOf(parts.weekday), minute: hour * 60 + minute, weekday: parts.weekday, time: `${parts.hour}:${parts.minute}` };
  }
}
