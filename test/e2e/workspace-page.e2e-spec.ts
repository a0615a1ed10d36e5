import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { AccountInvitations } from '../../apps/gateway/src/workspace/accounts/account-invitations.service';
import { launchChromium } from '../support/browser';
import { ChatClient } from '../support/chat.client';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { TEST_PASSWORD } from '../support/workspace.client';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** The README's screenshots are rewritten only on request (UPDATE_SCREENSHOTS=1); a plain test run leaves the tree as it was. */
const SCREENSHOTS =
  process.env.UPDATE_SCREENSHOTS === '1' ? join(__dirname, '..', '..', 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'workspace-screenshots-'));

/** People on the support team in a real browser, and customers in the web chat page, on one gateway. */
describe('The workspace page', () => {
  let gateway: RunningGateway;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    gateway = await startGateway();
    browser = await launchChromium();
    const invitations = gateway.app.get(AccountInvitations);
    for (const [email, role] of [
      ['sam@example.com', 'admin'],
      ['alex@example.com', 'agent'],
    ] as const) {
      const { signInLink } = await invitations.add(email, role);
      const page = await newPage();
      await page.goto(signInLink.replace(gateway.config.publicBaseUrl, gateway.url));
      await page.fill('#new-password', TEST_PASSWORD);
      await page.fill('#repeat-password', TEST_PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL(`${gateway.url}/workspace`);
      await page.context().close();
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  async function newPage(viewport = { width: 1280, height: 860 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    return context.newPage();
  }

  /** Signs in through the sign-in page, as a person does, and waits for the live inbox. */
  async function signedIn(email: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await newPage(viewport);
    await page.goto(`${gateway.url}/workspace`);
    await page.waitForURL(`${gateway.url}/workspace/sign-in`);
    await page.fill('#email', email);
    await page.fill('#password', TEST_PASSWORD);
    await page.keyboard.press('Enter');
    // Attached, not visible: an empty inbox list has no height.
    await page.locator('#inbox-list[data-live="open"][data-loaded="true"]').waitFor({ state: 'attached' });
    return page;
  }

  /** A customer on the chat page asking for a person (or saying what the bot hands off); the page then listens for people's replies. */
  async function customerAskingForPerson(first?: string, handoffLine = 'I want to talk to a person'): Promise<{ page: Page; conversationId: string }> {
    const page = await newPage();
    await page.goto(`${gateway.url}/`);
    await page.locator('#chat-log[data-history="loaded"]').waitFor();
    if (first) await ask(page, first);
    await ask(page, handoffLine);
    await page.locator('.handoff-notice').first().waitFor();
    await page.locator('#chat-log[data-live="open"]').waitFor();
    const conversationId = (await page.evaluate(() => localStorage.getItem('support.conversationId')))!;
    return { page, conversationId };
  }

  async function ask(page: Page, text: string) {
    const before = await page.locator('.message.bot[data-complete="true"]').count();
    await page.fill('#message-input', text);
    await page.keyboard.press('Enter');
    const reply = page.locator('.message.bot[data-complete="true"]').nth(before);
    await reply.waitFor({ timeout: 15_000 });
    return reply;
  }

  const inboxItem = (page: Page, conversationId: string) => page.locator(`#inbox-list li[data-conversation-id="${conversationId}"]`);

  async function openConversation(page: Page, conversationId: string) {
    await inboxItem(page, conversationId).locator('a').click();
    await page.locator(`#conversation[data-conversation-id="${conversationId}"]`).waitFor();
  }

  async function seriousAccessibilityProblems(page: Page) {
    await page.evaluate(AXE_SOURCE);
    const results = await page.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] }));
    return results.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string; nodes: Array<{ target: string[] }> }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('signs a person in and out', async () => {
    const page = await signedIn('alex@example.com');
    await expect(page.textContent('#me')).resolves.toContain('alex@example.com');
    await page.click('#sign-out');
    await page.waitForURL(`${gateway.url}/workspace/sign-in`);
    await page.goto(`${gateway.url}/workspace`);
    await page.waitForURL(`${gateway.url}/workspace/sign-in`);
  });

  it('tells a person when the password is wrong', async () => {
    const page = await newPage();
    await page.goto(`${gateway.url}/workspace/sign-in`);
    await page.fill('#email', 'alex@example.com');
    await page.fill('#password', 'not my password');
    await page.click('button[type=submit]');
    await expect(page.locator('#form-error').textContent()).resolves.toBe('');
    await page.locator('#form-error:not(:empty)').waitFor();
    expect(await page.textContent('#form-error')).toMatch(/do not match/);
  });

  it('shows a web-chat handoff in the open inbox without a reload, with the count in the title', async () => {
    const agent = await signedIn('alex@example.com');
    const { conversationId } = await customerAskingForPerson();
    const item = inboxItem(agent, conversationId);
    await item.waitFor({ timeout: 5_000 });
    expect(await item.textContent()).toMatch(/Web chat.*Customer request/s);
    await agent.waitForFunction(() => /^\(\d+\) Inbox — Support workspace$/.test(document.title));
  });

  it('gives the conversation to one of two people clicking Claim at once, and tells the other who has it', async () => {
    const [sam, alex] = await Promise.all([signedIn('sam@example.com'), signedIn('alex@example.com')]);
    const { conversationId } = await customerAskingForPerson();
    await Promise.all([inboxItem(sam, conversationId).waitFor(), inboxItem(alex, conversationId).waitFor()]);
    // Both clicks in the same instant: a moment later the live inbox would already show the winner's claim.
    const clickClaim = (page: Page) =>
      page.evaluate((id) => (document.querySelector(`#inbox-list li[data-conversation-id="${id}"] button`) as HTMLButtonElement).click(), conversationId);
    await Promise.all([clickClaim(sam), clickClaim(alex)]);
    const outcome = async (page: Page) => {
      await page.waitForFunction(() => document.querySelector('#alert')?.textContent || document.querySelector('#conversation:not([hidden])'));
      return (await page.textContent('#alert')) || 'claimed';
    };
    const [samOutcome, alexOutcome] = await Promise.all([outcome(sam), outcome(alex)]);
    expect([samOutcome, alexOutcome].filter((o) => o === 'claimed')).toHaveLength(1);
    const winner = samOutcome === 'claimed' ? 'sam@example.com' : 'alex@example.com';
    expect([samOutcome, alexOutcome]).toContain(`${winner} has already taken this conversation.`);
    const winnerPage = winner === 'sam@example.com' ? sam : alex;
    await expect(winnerPage.textContent('#conversation-meta')).resolves.toContain('assigned to you');
  });

  it("puts a person's reply in the customer's open chat page, then the bot answers again once resolved", async () => {
    const customer = await customerAskingForPerson();
    const agent = await signedIn('alex@example.com');
    await inboxItem(agent, customer.conversationId).waitFor();
    await openConversation(agent, customer.conversationId);
    await agent.getByRole('button', { name: 'Claim', exact: true }).click();
    await agent.locator('#conversation-meta', { hasText: 'assigned to you' }).waitFor();
    await agent.fill('#reply-text', "Hi, I'm Alex from the support team. How can I help?");
    await agent.getByRole('button', { name: 'Send reply' }).click();

    const reply = customer.page.locator('.message.agent');
    await reply.waitFor({ timeout: 10_000 });
    expect(await reply.textContent()).toContain("Hi, I'm Alex from the support team.");
    await agent.locator('.entry.author-human_agent', { hasText: "I'm Alex" }).waitFor();

    await agent.getByRole('button', { name: 'Resolve' }).click();
    await agent.locator('#conversation[data-status="resolved"], #conversation[data-status="bot"]').waitFor();
    const answer = await ask(customer.page, 'What is your return policy?');
    expect(await answer.textContent()).toContain('POL-RETURN-30D');
  });

  it('drafts a reply from the help center into the reply box, and sends it only when clicked, as edited', async () => {
    const customer = await customerAskingForPerson('How long do I have to return an item?');
    const agent = await signedIn('sam@example.com');
    await inboxItem(agent, customer.conversationId).waitFor();
    await openConversation(agent, customer.conversationId);
    await agent.getByRole('button', { name: 'Draft a reply' }).click();
    await agent.locator('#draft-sources:not([hidden])').waitFor();
    const draft = await agent.inputValue('#reply-text');
    expect(draft).toMatch(/^Hi there,/);
    expect(draft).toMatch(/30 days|POL-RETURN-30D/);
    expect(await agent.textContent('#draft-sources')).toMatch(/help center/i);
    await agent.waitForTimeout(500);
    expect(await customer.page.locator('.message.agent').count()).toBe(0);

    await agent.fill('#reply-text', `${draft}\n\nSam, Northwind support`);
    await agent.getByRole('button', { name: 'Send reply' }).click();
    const reply = customer.page.locator('.message.agent');
    await reply.waitFor({ timeout: 10_000 });
    expect(await reply.textContent()).toContain('Sam, Northwind support');
  });

  it('lets an admin save a reply that anyone then inserts into the reply box at the cursor, unsent', async () => {
    const admin = await signedIn('sam@example.com');
    await admin.getByRole('button', { name: 'Saved replies' }).click();
    await admin.fill('#saved-reply-title', 'Thanks for waiting');
    await admin.fill('#saved-reply-text', 'Thank you for your patience.');
    await admin.getByRole('button', { name: 'Add saved reply' }).click();
    await admin.locator('#saved-replies-list li', { hasText: 'Thanks for waiting' }).waitFor();

    const customer = await customerAskingForPerson();
    const agent = await signedIn('alex@example.com');
    expect(await agent.isVisible('#saved-replies-button')).toBe(false);
    await inboxItem(agent, customer.conversationId).waitFor();
    await openConversation(agent, customer.conversationId);
    await agent.fill('#reply-text', 'Hi Priya, ');
    await agent.selectOption('#saved-reply-choice', { label: 'Thanks for waiting' });
    await agent.getByRole('button', { name: 'Insert', exact: true }).click();
    expect(await agent.inputValue('#reply-text')).toBe('Hi Priya, Thank you for your patience.');
    expect(await agent.evaluate(() => document.activeElement?.id)).toBe('reply-text');
    await agent.waitForTimeout(300);
    expect(await customer.page.locator('.message.agent').count()).toBe(0);
  });

  it('keeps an internal note in the workspace and out of the chat page', async () => {
    const customer = await customerAskingForPerson();
    const agent = await signedIn('alex@example.com');
    await inboxItem(agent, customer.conversationId).waitFor();
    await openConversation(agent, customer.conversationId);
    await agent.fill('#reply-text', 'Customer sounded upset on the phone yesterday');
    await agent.getByRole('button', { name: 'Add internal note' }).click();
    await agent.locator('.entry.note', { hasText: 'sounded upset' }).waitFor();
    await customer.page.waitForTimeout(300);
    expect(await customer.page.textContent('#chat-log')).not.toContain('sounded upset');
  });

  it('has no serious accessibility problems on the inbox and conversation pages, and can be used with the keyboard', async () => {
    const customer = await customerAskingForPerson('What is your return policy?');
    const agent = await signedIn('sam@example.com');
    await inboxItem(agent, customer.conversationId).waitFor();
    expect(await seriousAccessibilityProblems(agent)).toEqual([]);

    await agent.keyboard.press('Tab');
    expect(await agent.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the inbox');
    await inboxItem(agent, customer.conversationId).locator('a').focus();
    await agent.keyboard.press('Enter');
    await agent.locator(`#conversation[data-conversation-id="${customer.conversationId}"]`).waitFor();
    expect(await agent.evaluate(() => document.activeElement?.id)).toBe('conversation-heading');
    await agent.locator('.bot-turn summary').first().focus();
    await agent.keyboard.press('Enter');
    await agent.locator('.bot-turn[open]').first().waitFor();
    expect(await seriousAccessibilityProblems(agent)).toEqual([]);
  });

  it('loads nothing from another host', async () => {
    const page = await newPage();
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    await page.goto(`${gateway.url}/workspace/sign-in`);
    await page.fill('#email', 'alex@example.com');
    await page.fill('#password', TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('#inbox-list[data-loaded="true"]').waitFor({ state: 'attached' });
    expect([...hosts]).toEqual([new URL(gateway.url).host]);
  });

  it('works on a phone: the inbox, then the conversation in its place', async () => {
    const customer = await customerAskingForPerson('Where is my order #W9000011? My zip is 60614');
    const agent = await signedIn('alex@example.com', { width: 390, height: 844 });
    await inboxItem(agent, customer.conversationId).waitFor();
    expect(await agent.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await openConversation(agent, customer.conversationId);
    expect(await agent.isVisible('#inbox')).toBe(false);
    expect(await agent.isVisible('#back-to-inbox')).toBe(true);
    expect(await agent.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await agent.screenshot({ path: join(SCREENSHOTS, 'workspace-conversation-phone.png'), fullPage: false });
    await agent.click('#back-to-inbox');
    await agent.locator('#inbox').waitFor({ state: 'visible' });
  });

  it('takes the screenshots for the README', async () => {
    await customerAskingForPerson(undefined, 'Do you have a loyalty points programme?');
    const ordered = await customerAskingForPerson('Where is my order #W9000011? My zip is 60614');
    const agent = await signedIn('sam@example.com');
    await inboxItem(agent, ordered.conversationId).waitFor();
    await agent.screenshot({ path: join(SCREENSHOTS, 'workspace-inbox.png') });
    await openConversation(agent, ordered.conversationId);
    await agent.getByRole('button', { name: 'Claim', exact: true }).click();
    await agent.locator('#conversation-meta', { hasText: 'assigned to you' }).waitFor();
    await agent.locator('.bot-turn summary').first().click();
    await agent.getByRole('button', { name: 'Draft a reply' }).click();
    await agent.locator('#draft-sources:not([hidden])').waitFor();
    await agent.evaluate(() => window.scrollTo(0, 0));
    await agent.screenshot({ path: join(SCREENSHOTS, 'workspace-conversation.png'), fullPage: true });
  });

  // How soon is measured by `npm run bench:workspace`; this checks that it happens.
  it('adds each new handoff to an open inbox as it happens, without a reload, and counts it in the title', async () => {
    const agent = await signedIn('alex@example.com');
    await agent.evaluate(() => ((window as any).notReloaded = true));
    const waiting = async () => Number(/^\((\d+)\) /.exec(await agent.title())?.[1] ?? 0);
    const before = await waiting();
    for (let i = 1; i <= 3; i++) {
      const { conversationId } = await new ChatClient(gateway.url).say('I want to talk to a person');
      await inboxItem(agent, conversationId).waitFor({ timeout: 5_000 });
      await agent.waitForFunction((count) => document.title.startsWith(`(${count}) Inbox`), before + i);
    }
    expect(await agent.evaluate(() => (window as any).notReloaded)).toBe(true);
  });
});
