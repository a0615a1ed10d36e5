import { AgentPresence, AssumedAgentPresence } from '@support/conversation';
import { loadConfig } from '@support/platform';
import { handoffMessageForCustomer } from './handoff-messages';
import { SupportAvailability } from './support-availability';

class NobodySignedIn extends AgentPresence {
  async anyoneSignedIn(): Promise<boolean> {
    return false;
  }
}

const hours = loadConfig({ SUPPORT_HOURS: 'Mon-Fri 09:00-17:00 Europe/London' }).handoff.supportHours;
/** Saturday 2 May 2026, 10:00 in London (BST). */
const saturdayMorning = new Date('2026-05-02T09:00:00Z');
/** Tuesday 5 May 2026, 11:00 in London. */
const tuesdayMorning = new Date('2026-05-05T10:00:00Z');

describe(SupportAvailability.name, () => {
  it('tells a customer who writes at the weekend when and where the team will answer', async () => {
    const availability = await new SupportAvailability(new AssumedAgentPresence(), hours, () => saturdayMorning).check();

    expect(handoffMessageForCustomer('customer_request', { channel: 'sms', availability })).toBe(
      "Of course. I've passed this conversation to our team, so you won't need to repeat yourself. Our team is away right now (our hours are Mon-Fri 09:00-17:00 Europe/London), so a member of our team will get back to you here by text message from Monday at 09:00 (Europe/London time).",
    );
  });

  it('says a person will answer as soon as someone is back when nobody is signed in during business hours', async () => {
    const availability = await new SupportAvailability(new NobodySignedIn(), hours, () => tuesdayMorning).check();

    expect(handoffMessageForCustomer('no_answer', { channel: 'email', availability })).toMatch(
      /Nobody from our team is available at this moment, so a member of our team will get back to you by email in this thread as soon as someone is back\.$/,
    );
  });

  it('promises a reply in the chat during business hours, with no presence source configured', async () => {
    const availability = await new SupportAvailability(new AssumedAgentPresence(), hours, () => tuesdayMorning).check();

    expect(availability).toEqual({ available: true });
    expect(handoffMessageForCustomer('no_answer', { channel: 'web', availability })).toMatch(/A member of our team will get back to you here in this chat\.$/);
  });

  it('refuses support hours it cannot read, naming the variable', () => {
    expect(() => loadConfig({ SUPPORT_HOURS: 'weekdays 9 to 5' })).toThrow(/SUPPORT_HOURS/);
  });
});
