import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { asTwilioParams, isSignedByTwilio } from '@support/channels';
import { APP_CONFIG, LOGGER, ValidationError } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import type { Request } from 'express';

/**
 * Lets a webhook through only when X-Twilio-Signature matches TWILIO_AUTH_TOKEN over the public
 * URL Twilio called (PUBLIC_BASE_URL + path and query, never the Host header behind a proxy) and
 * every form field. Anything else is refused before it is read.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const authToken = this.config.providers.twilio.authToken;
    if (!authToken) throw new ServiceUnavailableException('Twilio is not configured: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.');
    if (!req.is('application/x-www-form-urlencoded')) throw new ValidationError('Twilio webhooks are form-encoded (application/x-www-form-urlencoded).');
    const params = asTwilioParams(req.body ?? {});
    const url = `${this.config.publicBaseUrl}${req.originalUrl}`;
    if (!isSignedByTwilio(authToken, req.header('x-twilio-signature'), url, params)) {
      this.logger.warn({ path: req.path, signed: !!req.header('x-twilio-signature') }, 'twilio webhook refused: bad signature');
      throw new ForbiddenException('The X-Twilio-Signature is missing or does not match.');
    }
    const accountSid = params.AccountSid;
    if (typeof accountSid === 'string' && this.config.providers.twilio.accountSid && accountSid !== this.config.providers.twilio.accountSid) {
      this.logger.warn({ path: req.path }, 'twilio webhook refused: another account');
      throw new ForbiddenException('The webhook is for another Twilio account.');
    }
    return true;
  }
}
