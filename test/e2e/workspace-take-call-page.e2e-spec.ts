import { readFileSync } from 'node:fs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { eventually } from '../support/eventually';
import { TEST_PASSWORD, WorkspaceClient } from '../support/workspace.client';
import { SimulatedCaller } from '../servers/twilio-voice';
import { PUBLIC_BASE_URL, startVoiceRig, VoiceRig } from '../servers/twilio-voice/voice-gateway.harness';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const OUR_NUMBER = '+15005550006';
const ANA_PHONE = '+15005550201';
const BEN_PHONE = '+15005550202';
const PHONE_FORMAT_HINT = 'Give the phone number in international (E.164) form: a + and the country code, like +14155550100.';

/**
 * "Take call" and "My phone" in a real browser: a call the bot moved into the local Twilio queue shows in the live
 * inbox, a person sets their own phone with the keyboard and takes the call, and a colleague sees it taken.
 */
describe('Taking a queued call from the workspace page', () => {
  let rig: VoiceRig;
  let browser: Browser;
  let ana: WorkspaceClient;
  let ben: WorkspaceClient;
  const contexts: BrowserContext[] = [];
  const hosts = new Set<string>();

  beforeAll(async () => {
    rig = await startVoiceRig({ TWILIO_VOICE_FROM: OUR_NUMBER });
    rig.twilio.webhooksTo(rig.gateway.url, PUBLIC_BASE_URL);
    [ana, ben] = await Promise.all(['ana', 'ben'].map((name) => WorkspaceClient.signUp(rig.gateway, `${name}@example.com`)));
    expect((await ben.call('PUT', 'me/phone', { phone: BEN_PHONE })).status).toBe(200);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    // The page loads nothing from another host (the local Twilio is only ever called by the gateway).
    expect([...hosts]).toEqual([new URL(rig.gateway.url).host]);
  });

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    await page.goto(`${rig.gateway.url}/workspace`);
    await page.waitForURL(`${rig.gateway.url}/workspace/sign-in`);
    await page.fill('#email', email);
    await page.fill('#password', TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('#inbox-list[data-live="open"][data-loaded="true"]').waitFor({ state: 'attached' });
    return page;
  }

  const rows = (sql: string, params: unknown[] = []) => rig.gateway.db.query<any>(sql, params).then((r) => r.rows);

  /** A caller asks for a person; the bot moves them into the queue, where Twilio reports their place in line. */
  async function callerInQueue(from: string): Promise<{ caller: SimulatedCaller; conversationId: string }> {
    const speech = rig.speech('I want to talk to a person');
    const caller = rig.caller(from);
    await caller.call();
    await caller.waitForBotToFinish(0);
    await caller.say(speech);
    await caller.closed;
    await rig.twilio.settled();
    const [transfer] = await eventually(async () => {
      const found = await rows(`SELECT * FROM voice_transfers WHERE call_sid = $1 AND status = 'waiting' AND queue_position IS NOT NULL`, [caller.callSid]);
      return found.length ? found : null;
    });
    return { caller, conversationId: transfer.conversation_id };
  }

  const inboxItem = (page: Page, conversationId: string) => page.locator(`#inbox-list li[data-conversation-id="${conversationId}"]`);
  const takeCallButton = (page: Page, conversationId: string) => inboxItem(page, conversationId).getByRole('button', { name: /^Take call/ });
  const placedCallTo = (phone: string) => [...rig.twilio.placedCalls.values()].filter((call) => call.to === phone).at(-1);
  const focused = (page: Page) =>
    page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return { id: active?.id ?? '', text: active?.textContent ?? '', item: active?.closest('li')?.dataset.conversationId ?? null };
    });

  async function seriousAccessibilityProblems(page: Page) {
    await page.evaluate(AXE_SOURCE);
    const results = await page.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] }));
    return results.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string; nodes: Array<{ target: string[] }> }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('shows a waiting call live; a person without a phone is told to add one, sets My phone with the keyboard, and Take call rings it while a colleague sees it taken', async () => {
    const [anaPage, benPage] = await Promise.all([signedIn('ana@example.com'), signedIn('ben@example.com')]);
    const { caller, conversationId } = await callerInQueue('+15035550147');

    // The call appears in both open inboxes without a reload: Phone, its place in line, the time waited, the summary.
    const item = inboxItem(anaPage, conversationId);
    await item.locator('.call', { hasText: 'Number 1 in line' }).waitFor({ timeout: 5_000 });
    expect(await item.locator('.call').textContent()).toBe('Number 1 in line · waited under a minute');
    expect(await item.locator('.channel-voice').textContent()).toBe('Phone');
    const { body: inbox } = await ana.call('GET', 'inbox');
    const summaryLine = inbox.items.find((i: any) => i.conversationId === conversationId).summaryLine;
    expect(summaryLine).toBeTruthy();
    expect(await item.locator('.inbox-summary').textContent()).toBe(summaryLine);
    await inboxItem(benPage, conversationId).locator('.call', { hasText: 'Number 1 in line' }).waitFor();
    expect(await seriousAccessibilityProblems(anaPage)).toEqual([]);

    // Focus stays on Take call while Twilio's hold loop reports the wait and the live inbox redraws.
    await takeCallButton(anaPage, conversationId).focus();
    await item.evaluate((li) => (li.dataset.before = 'redraw'));
    await anaPage.waitForTimeout(1100);
    await rig.twilio.holdTick();
    await anaPage.locator(`#inbox-list li[data-conversation-id="${conversationId}"]:not([data-before])`).waitFor();
    expect(await focused(anaPage)).toMatchObject({ item: conversationId, text: expect.stringMatching(/^Take call/) });

    // No phone yet: the clear message, and the call still waits for anyone.
    await anaPage.keyboard.press('Enter');
    await anaPage.locator('#alert', { hasText: 'Add your phone number first' }).waitFor();
    expect(await anaPage.textContent('#alert')).toMatch(/^Add your phone number first: "My phone" at the top of the workspace/);
    expect(rig.twilio.placedCalls.size).toBe(0);

    // The conversation view keeps focus on its Take call as the call's wait is reported again.
    await item.locator('a').focus();
    await anaPage.keyboard.press('Enter');
    await anaPage.locator(`#conversation[data-conversation-id="${conversationId}"]`).waitFor();
    await anaPage.locator('#conversation-meta', { hasText: 'Waiting for a person · assigned to nobody yet · call: Number 1 in line' }).waitFor();
    expect(await anaPage.textContent('#handoff-packet .summary')).toBe(
      (await rows(`SELECT summary FROM handoffs WHERE conversation_id = $1`, [conversationId]))[0].summary,
    );
    const viewTakeCall = anaPage.locator('#conversation-actions').getByRole('button', { name: 'Take call' });
    await viewTakeCall.focus();
    await viewTakeCall.evaluate((button) => (button.dataset.before = 'redraw'));
    await anaPage.waitForTimeout(1100);
    await rig.twilio.holdTick();
    await anaPage.locator('#conversation-actions button:not([data-before])', { hasText: 'Take call' }).waitFor();
    expect((await focused(anaPage)).text).toBe('Take call');

    // My phone, from the keyboard: the dialog opens on the number field.
    await anaPage.locator('#phone-button').focus();
    await anaPage.keyboard.press('Enter');
    await anaPage.locator('#phone-dialog[open]').waitFor();
    expect((await focused(anaPage)).id).toBe('phone-number');
    expect(await anaPage.textContent('#phone-result')).toContain('No phone number yet');

    // A number not in international form is refused with the clear message, tied to the field.
    await anaPage.keyboard.type('555-0100');
    await anaPage.keyboard.press('Enter');
    await anaPage.locator('#phone-result', { hasText: PHONE_FORMAT_HINT }).waitFor();
    expect(await anaPage.getAttribute('#phone-number', 'aria-invalid')).toBe('true');
    expect((await focused(anaPage)).id).toBe('phone-number');
    expect(await anaPage.evaluate(() => (document.getElementById('phone-number') as HTMLInputElement).validationMessage)).toBe('');
    expect(await seriousAccessibilityProblems(anaPage)).toEqual([]);
    expect((await ana.call('GET', 'me')).body.phone).toBeNull();

    // A good one is saved, as the server writes it.
    await anaPage.fill('#phone-number', '');
    await anaPage.keyboard.type('+1 (500) 555-0201');
    await anaPage.keyboard.press('Enter');
    await anaPage.locator('#phone-result', { hasText: `Saved: Take call rings ${ANA_PHONE}.` }).waitFor();
    expect(await anaPage.inputValue('#phone-number')).toBe(ANA_PHONE);
    expect(await anaPage.getAttribute('#phone-number', 'aria-invalid')).toBeNull();
    expect((await ana.call('GET', 'me')).body.phone).toBe(ANA_PHONE);
    expect(await seriousAccessibilityProblems(anaPage)).toEqual([]);

    // Escape closes it and gives focus back to My phone.
    await anaPage.keyboard.press('Escape');
    await anaPage.locator('#phone-dialog:not([open])').waitFor({ state: 'attached' });
    expect((await focused(anaPage)).id).toBe('phone-button');

    // Take call: her phone, and only hers, rings from our number; the conversation opens as hers.
    await takeCallButton(anaPage, conversationId).focus();
    await anaPage.keyboard.press('Enter');
    await anaPage.locator(`#conversation[data-conversation-id="${conversationId}"]`).waitFor();
    await anaPage.locator('#status', { hasText: `Calling your phone (${ANA_PHONE})` }).waitFor();
    expect((await focused(anaPage)).id).toBe('conversation-heading');
    expect(await anaPage.textContent('#alert')).toBe('');
    const dial = placedCallTo(ANA_PHONE)!;
    expect(dial).toMatchObject({ from: OUR_NUMBER });
    expect([...rig.twilio.placedCalls.values()].map((call) => call.to)).toEqual([ANA_PHONE]);
    await anaPage.locator('#conversation-meta', { hasText: 'With a person · assigned to you · call: Ringing your phone' }).waitFor();
    await item.locator('.call', { hasText: 'Ringing your phone' }).waitFor();
    expect(await item.locator('button').count()).toBe(0);

    // Ben's open inbox shows it taken by Ana, with nothing left for him to take or claim.
    const benItem = inboxItem(benPage, conversationId);
    await benItem.locator('.call', { hasText: "Ringing a person's phone" }).waitFor();
    expect(await benItem.locator('dd', { hasText: 'ana@example.com' }).count()).toBe(1);
    expect(await benItem.locator('button').count()).toBe(0);
    await benItem.locator('a').focus();
    await benPage.keyboard.press('Enter');
    await benPage.locator('#conversation-meta', { hasText: "assigned to ana@example.com · call: Ringing a person's phone" }).waitFor();
    expect(await benPage.locator('#conversation-actions').getByRole('button', { name: 'Take call' }).count()).toBe(0);

    // She answers: both pages follow the call to connected, live.
    await rig.twilio.answer(dial.sid);
    expect(rig.twilio.conferences.get(`take-${caller.callSid}`)?.sort()).toEqual([dial.sid, caller.callSid].sort());
    await anaPage.locator('#conversation-meta', { hasText: 'call: Connected to a person' }).waitFor();
    await benItem.locator('.call', { hasText: 'Connected to a person' }).waitFor();
  }, 120_000);

  it('tells the second of two people pressing Take call at once who has it (409), and keeps their focus in the inbox', async () => {
    expect((await ana.call('PUT', 'me/phone', { phone: ANA_PHONE })).status).toBe(200);
    const [anaPage, benPage] = await Promise.all([signedIn('ana@example.com'), signedIn('ben@example.com')]);
    const { caller, conversationId } = await callerInQueue('+15005550031');
    const pages = [anaPage, benPage];
    await Promise.all(pages.map((page) => takeCallButton(page, conversationId).waitFor()));
    await Promise.all(pages.map((page) => takeCallButton(page, conversationId).focus()));
    const dialsBefore = rig.twilio.placedCalls.size;
    // Both in the same instant: a moment later the live inbox would already show the winner's call ringing.
    await Promise.all(pages.map((page) => page.keyboard.press('Enter')));

    const outcome = async (page: Page) => {
      await page.waitForFunction(() => document.querySelector('#alert')?.textContent || document.querySelector('#conversation:not([hidden])'));
      return (await page.textContent('#alert')) || 'taken';
    };
    const outcomes = await Promise.all(pages.map(outcome));
    expect(outcomes.filter((o) => o === 'taken')).toHaveLength(1);
    const [winner, loser] = outcomes[0] === 'taken' ? [anaPage, benPage] : [benPage, anaPage];
    const winnerEmail = winner === anaPage ? 'ana@example.com' : 'ben@example.com';
    expect(outcomes).toContain(`${winnerEmail} has already taken this conversation.`);

    // Exactly one phone rang: the winner's.
    expect(rig.twilio.placedCalls.size).toBe(dialsBefore + 1);
    expect(placedCallTo(winner === anaPage ? ANA_PHONE : BEN_PHONE)).toBeTruthy();
    await winner.locator('#conversation-meta', { hasText: 'assigned to you · call: Ringing your phone' }).waitFor();

    // The loser's inbox shows who has it; their focus stays on that conversation rather than falling to the page.
    const loserItem = inboxItem(loser, conversationId);
    await loserItem.locator('dd', { hasText: winnerEmail }).waitFor();
    expect(await loserItem.locator('button').count()).toBe(0);
    expect((await focused(loser)).item).toBe(conversationId);
    expect(await seriousAccessibilityProblems(loser)).toEqual([]);

    await rig.twilio.endUnanswered(placedCallTo(winner === anaPage ? ANA_PHONE : BEN_PHONE)!.sid, 'no-answer');
    await loserItem.locator('.call', { hasText: 'Number 1 in line' }).waitFor();
    await rig.twilio.callerHangsUp(caller.callSid);
  }, 120_000);
});
