import { AgentPresence } from '@support/conversation';
import type { SupportHours } from '@support/platform';
import { SupportHoursClock } from './support-hours.clock';

/** Whether a person can pick up a handoff now, and if not, why and from when. */
export type Availability =
  { available: true } | { available: false; why: 'outside_hours'; hours: string; backAt: string | null } | { available: false; why: 'nobody_signed_in' };

/** Business hours (`SUPPORT_HOURS`, unset = always) and whether anyone from the team is signed in. */
export class SupportAvailability {
  private readonly clock: SupportHoursClock | null;

  constructor(
    private readonly presence: AgentPresence,
    private readonly hours: SupportHours | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.clock = hours ? new SupportHoursClock(hours) : null;
  }

  async check(): Promise<Availability> {
    const now = this.now();
    if (this.clock && !this.clock.isOpen(now)) {
      const next = this.clock.nextOpening(now);
      return { available: false, why: 'outside_hours', hours: this.hours!.text, backAt: next ? this.clock.describe(next, now) : null };
    }
    if (!(await this.presence.anyoneSignedIn())) return { available: false, why: 'nobody_signed_in' };
    return { available: true };
  }
}
