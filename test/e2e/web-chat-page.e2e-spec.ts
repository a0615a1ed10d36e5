import { Browser, Page } from 'playwright-core';
import { ConversationStates } from '@support/conversation';
import { launchChromium } from '../support/browser';
import { RunningGateway, startGateway } from '../support/gateway.harness';

const AGENT_TOKEN = 'test-agent-token-0123456789';

/** A customer in a real browser, on the page the gateway serves at `/`. */
describe('The web chat page', () => {
  let gateway: RunningGateway;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    gateway = await startGateway({ AGENT_API_TOKEN: AGENT_TOKEN });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage();
    await page.goto(`${gateway.url}/`);
    await page.locator('#chat-log[data-history="loaded"]').waitFor();
  });
  afterEach(() => page.close());

  async function ask(text: string) {
    const before = await page.locator('.message.bot[data-complete="true"]').count();
    await page.fill('#message-input', text);
    await page.keyboard.press('Enter');
    const reply = page.locator('.message.bot[data-complete="true"]').nth(before);
    await reply.waitFor({ timeout: 15_000 });
    return reply;
  }

  it('answers a question typed into the chat, keeping the conversation across messages', async () => {
    const first = await ask('What is your return policy?');
    await expect(first.textContent()).resolves.toContain('POL-RETURN-30D');
    const conversationId = await page.evaluate(() => localStorage.getItem('support.conversationId'));
    expect(conversationId).toMatch(/^conv_/);

    const second = await ask('Where is my order #W9000011? My zip is 60614');
    await expect(second.textContent()).resolves.toContain('FedEx');
    expect(await page.evaluate(() => localStorage.getItem('support.conversationId'))).toBe(conversationId);
  });

  it('shows the conversation again after the page is reloaded, and carries on with it', async () => {
    await ask('What is your return policy?');
    const conversationId = await page.evaluate(() => localStorage.getItem('support.conversationId'));

    await page.reload();
    await page.locator('#chat-log[data-history="loaded"]').waitFor();
    expect(await page.locator('.message.customer').allTextContents()).toEqual([expect.stringContaining('What is your return policy?')]);
    expect(await page.locator('.message.bot[data-complete="true"]').allTextContents()).toEqual([expect.stringContaining('POL-RETURN-30D')]);

    const next = await ask('Where is my order #W9000011? My zip is 60614');
    await expect(next.textContent()).resolves.toContain('FedEx');
    expect(await page.evaluate(() => localStorage.getItem('support.conversationId'))).toBe(conversationId);
  });

  it('keeps the session token in a cookie no script on the page can read', async () => {
    await ask('Do you ship to Canada?');
    const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'chat_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/chat' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('chat_session');
  });

  it('starts afresh when the browser no longer holds the session of its stored conversation', async () => {
    await ask('What is your return policy?');
    await page.context().clearCookies();
    await page.reload();
    await page.locator('#chat-log[data-history="loaded"]').waitFor();
    expect(await page.locator('.message.customer').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('support.conversationId'))).toBeNull();
    const reply = await ask('Do you ship to Canada?');
    await expect(reply.textContent()).resolves.not.toBe('');
  });

  it('tells the customer a person will take over when they ask for one', async () => {
    await ask('I want to talk to a person');
    await page.locator('.handoff-notice').waitFor();
    expect(await page.locator('.handoff-notice').count()).toBe(1);
    const notice = await page.locator('.handoff-notice').textContent();
    expect(notice).toMatch(/member of our team/i);
    expect(await page.locator('#chat-log').textContent()).not.toContain('Why handed off');
  });

  it('shows a status line, not an empty bubble, while a person has the conversation', async () => {
    await ask('I want to talk to a person');
    const conversationId = await page.evaluate(() => localStorage.getItem('support.conversationId'));
    await gateway.app.get(ConversationStates).claim(conversationId!, 'agent_sam');

    await page.fill('#message-input', 'Are you there?');
    await page.keyboard.press('Enter');

    await expect(page.locator('.status-line').textContent()).resolves.toMatch(/member of our team has your message/i);
    const bubbles = await page.locator('.message.bot .message-text').allTextContents();
    expect(bubbles.filter((text) => !text.trim())).toEqual([]);
  });

  it("shows a person's reply from the agent API in the open chat page after a handoff", async () => {
    await ask('I want to talk to a person');
    const conversationId = await page.evaluate(() => localStorage.getItem('support.conversationId'));
    // The page listens for people's replies once the server has opened its event stream.
    await page.locator('#chat-log[data-live="open"]').waitFor();
    const answer = await fetch(`${gateway.url}/api/agents/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${AGENT_TOKEN}` },
      body: JSON.stringify({ text: "Hi, I'm Sam from the support team. How can I help?" }),
    });
    expect(answer.status).toBe(201);
    const reply = page.locator('.message.agent');
    await reply.waitFor({ timeout: 10_000 });
    expect(await reply.textContent()).toContain("Hi, I'm Sam from the support team.");
    expect(await reply.textContent()).toContain('Support team');

    await page.reload();
    await page.locator('#chat-log[data-history="loaded"]').waitFor();
    expect(await page.locator('.message.agent').textContent()).toContain("Hi, I'm Sam from the support team.");
  });

  it('can be used with the keyboard alone, with a labelled input and a live log', async () => {
    expect(await page.getAttribute('#chat-log', 'aria-live')).toBe('polite');
    const label = await page.evaluate(() => (document.querySelector('#message-input') as HTMLTextAreaElement).labels?.[0]?.textContent ?? '');
    expect(label.trim().length).toBeGreaterThan(0);
    await page.focus('#message-input');
    await page.keyboard.type('Do you ship to Canada?');
    await page.keyboard.press('Enter');
    await page.locator('.message.bot[data-complete="true"]').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.message.customer').count()).toBe(1);
  });
});
