import { AccountInvitations } from '../../apps/gateway/src/workspace/accounts/account-invitations.service';
import { RunningGateway } from './gateway.harness';

export const TEST_PASSWORD = 'correct horse battery staple';

let clientsMade = 0;
/** Each person works from an address of their own (TEST-NET-2), so one's failed sign-ins do not lock another out. */
function nextClientAddress(): string {
  clientsMade++;
  return `198.51.100.${(clientsMade % 250) + 1}`;
}

/** A person on the support team calling the workspace API as its page does: session cookie, CSRF token, Origin. */
export class WorkspaceClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    readonly email: string,
    /** Sent as X-Forwarded-For, which the gateway trusts from the loopback proxy in front of it. */
    readonly clientAddress = nextClientAddress(),
  ) {}

  /** Adds the person (as `npm run agents -- add` does), follows their sign-in link and chooses a password. */
  static async signUp(gateway: RunningGateway, email: string, role: 'agent' | 'admin' = 'agent'): Promise<WorkspaceClient> {
    const { signInLink } = await gateway.app.get(AccountInvitations).add(email, role);
    const client = new WorkspaceClient(gateway.url, email);
    const token = new URL(signInLink).hash.replace('#token=', '');
    const chosen = await client.call('POST', 'password', { token, password: TEST_PASSWORD });
    if (chosen.status !== 204) throw new Error(`choosing a password answered ${chosen.status}: ${JSON.stringify(chosen.body)}`);
    return client;
  }

  get csrfToken(): string | undefined {
    return this.cookies.get('workspace_csrf');
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async call(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: string | null; origin?: string | null; session?: boolean } = {},
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = { Origin: options.origin === undefined ? this.baseUrl : (options.origin ?? '') };
    if (!headers.Origin) delete headers.Origin;
    headers['X-Forwarded-For'] = this.clientAddress;
    if (options.session !== false && this.cookies.size) headers.Cookie = this.cookieHeader;
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf;
    if (csrf) headers['X-CSRF-Token'] = csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}/workspace/api/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }
}
