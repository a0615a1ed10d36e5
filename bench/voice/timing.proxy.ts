import { createServer, request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  startedAt: number;
  endedAt?: number;
}

/**
 * A pass-through HTTP proxy in front of a local provider, recording when each request started and
 * when its response ended, so the bench can tell the provider's time from the product's own.
 */
export class TimingProxy {
  readonly requests: ProxiedRequest[] = [];
  private constructor(private readonly server: Server) {}

  static async start(target: string): Promise<TimingProxy> {
    const upstream = new URL(target);
    let proxy!: TimingProxy;
    const server = createServer((req, res) => {
      const record: ProxiedRequest = { startedAt: performance.now() };
      proxy.requests.push(record);
      const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
        response.on('end', () => (record.endedAt = performance.now()));
      });
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    });
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new TimingProxy(server);
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Total length of the union of intervals, clipped to [from, to]. */
export function coveredMs(intervals: Array<[number, number]>, from: number, to: number): number {
  const clipped = intervals
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}
