import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { RequestDrain } from './request-drain';

describe(RequestDrain.name, () => {
  const serve = async (drain: RequestDrain) => {
    const release: Array<() => void> = [];
    const app = express();
    app.use(drain.middleware);
    app.get('/slow', (_req, res) => release.push(() => res.send('done')));
    app.get('/events', (_req, res) => {
      res.setHeader('content-type', 'text/event-stream');
      res.write(': connected\n\n');
    });
    app.get('/ok', (_req, res) => res.send('ok'));
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, release: () => release.splice(0).forEach((r) => r()), close: () => (server.closeAllConnections(), server.close()) };
  };

  it('refuses new requests with 503, Retry-After and Connection: close once draining, and waits for those in flight', async () => {
    const drain = new RequestDrain();
    const server = await serve(drain);
    try {
      const slow = fetch(`${server.url}/slow`).then((r) => r.text());
      await new Promise((resolve) => setTimeout(resolve, 100));
      let drained = false;
      const settled = drain.drain().then(() => (drained = true));

      const refused = await fetch(`${server.url}/ok`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(refused.headers.get('connection')).toBe('close');
      expect(await refused.json()).toMatchObject({ message: expect.stringMatching(/restarting/), errorId: expect.any(String) });
      expect(drained).toBe(false);

      server.release();
      expect(await slow).toBe('done');
      await settled;
    } finally {
      server.close();
    }
  });

  it("does not wait for a chat page's event stream, which stays open as long as the page", async () => {
    const drain = new RequestDrain();
    const server = await serve(drain);
    const controller = new AbortController();
    try {
      const events = await fetch(`${server.url}/events`, { signal: controller.signal });
      expect(events.status).toBe(200);
      await expect(drain.drain()).resolves.toBeUndefined();
    } finally {
      controller.abort();
      server.close();
    }
  });
});
