import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { APP_CONFIG } from '@support/platform';
import type { AppConfig } from '@support/platform';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';

/** `Authorization: Bearer <AGENT_API_TOKEN>`; with no token configured the API is closed. */
@Injectable()
export class AgentApiGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = config.agentApi.token ? digest(config.agentApi.token) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) throw new UnauthorizedException('The agent API is closed: set AGENT_API_TOKEN to open it.');
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    // Compare digests so neither the length nor the content of the token leaks through timing.
    if (!token || !timingSafeEqual(digest(token), this.expected)) throw new UnauthorizedException('A valid agent API token is required.');
    return true;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
