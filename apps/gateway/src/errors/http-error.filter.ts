import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { RateLimitedError, newId } from '@support/platform';
import type { Logger } from '@support/platform';
import type { Response } from 'express';
import { describeError } from './error-response';

/** Maps typed errors to HTTP once, here; every error answer carries an id the operator can find in the logs. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, message } = describeError(error);
    const errorId = newId('err');
    if (status >= 500) this.logger.error({ errorId, err: error }, 'request failed');
    else this.logger.info({ errorId, status, reason: message }, 'request refused');
    if (res.headersSent) {
      res.end();
      return;
    }
    if (error instanceof RateLimitedError) res.set('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
    res.status(status).json({ message, errorId });
  }
}
