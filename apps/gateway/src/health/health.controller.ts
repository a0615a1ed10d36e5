import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { Database } from '@support/platform';

@Controller()
export class HealthController {
  constructor(private readonly db: Database) {}

  /** Liveness: the process answers. */
  @Get('healthz')
  @HttpCode(200)
  health() {
    return { status: 'ok' };
  }

  /** Readiness: the database answers, so conversations can be stored. */
  @Get('readyz')
  async ready() {
    try {
      await this.db.query('SELECT 1');
      return { status: 'ready', database: this.db.kind };
    } catch {
      throw new ServiceUnavailableException('database not reachable');
    }
  }
}
