import { Browser, Page } from 'playwright-core';

/** When a conversation's row appeared in the page, by the page's clock (this machine's, as the bench's). */
export interface RowShown {
  /** The inbox list's DOM got the row. */
  inDomAt: number;
  /** The next animation frame after that: the frame that draws it. */
  drawnAt: number;
}

/** A person's inbox open in Chromium, signed in through the sign-in page, noting when each row first appears. */
export class InboxPageWatcher {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, baseUrl: string, email: string, password: string): Promise<InboxPageWatcher> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    await page.goto(`${baseUrl}/workspace/sign-in`);
    await page.fill('#email', email);
    await page.fill('#password', password);
    await page.keyboard.press('Enter');
    // Attached, not visible: an empty inbox list has no height.
    await page.locator('#inbox-list[data-live="open"][data-loaded="true"]').waitFor({ state: 'attached' });
    await page.evaluate(() => {
      const shown: Record<string, { inDomAt: number; drawnAt: number }> = ((window as any).rowsShown = {});
      new MutationObserver(() => {
        const now = Date.now();
        for (const li of document.querySelectorAll<HTMLElement>('#inbox-list li')) {
          const id = li.dataset.conversationId!;
          if (shown[id]) continue;
          const row = (shown[id] = { inDomAt: now, drawnAt: 0 });
          requestAnimationFrame(() => (row.drawnAt = Date.now()));
        }
      }).observe(document.getElementById('inbox-list')!, { childList: true });
    });
    return new InboxPageWatcher(page);
  }

  /** Waits until the conversation's row was drawn; fails after `timeoutMs`. */
  async shown(conversationId: string, timeoutMs: number): Promise<RowShown> {
    const handle = await this.page.waitForFunction((id) => (window as any).rowsShown[id]?.drawnAt && (window as any).rowsShown[id], conversationId, {
      timeout: timeoutMs,
    });
    return (await handle.jsonValue()) as RowShown;
  }

  close(): Promise<void> {
    return this.page.context().close();
  }
}
