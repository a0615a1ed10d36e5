import { Body, Controller, Header, Headers, HttpCode, Inject, NotFoundException, Param, Post, Req } from '@nestjs/common';
import { APP_CONFIG } from '@support/platform';
import type { AppConfig } from '@support/platform';
import type { Request } from 'express';
import { assertTwilioSignature } from './twilio-signature';
import { VoiceCallTaking } from './voice-call-taking.service';
import { emptyTwiml } from './voice.twiml';

type TwilioForm = Record<string, string | undefined>;

/**
 * Twilio's webhooks for a call a person took from the workspace; `:token` is the secret the product put in the
 * URLs when it dialled them. Each checks the signature first.
 */
@Controller('twilio/voice/take/:token')
export class CallTakingController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly taking: VoiceCallTaking,
  ) {}

  /** The person's phone answered (the Calls API `Url`). */
  @Post()
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  answered(@Param('token') token: string, @Req() req: Request, @Body() form: TwilioForm, @Headers('x-twilio-signature') signature?: string) {
    this.verify(token, req, form, signature);
    return this.taking.personAnswered(token, form.CallSid ?? '');
  }

  /** The caller, dequeued by its call sid (the Queue Member `Url`). */
  @Post('caller')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  caller(@Param('token') token: string, @Req() req: Request, @Body() form: TwilioForm, @Headers('x-twilio-signature') signature?: string) {
    this.verify(token, req, form, signature);
    return this.taking.callerDequeued(token);
  }

  /** The person's call ended: `busy`, `no-answer`, … put the caller back to waiting for anyone. */
  @Post('status')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async status(@Param('token') token: string, @Req() req: Request, @Body() form: TwilioForm, @Headers('x-twilio-signature') signature?: string) {
    this.verify(token, req, form, signature);
    await this.taking.personCallEnded(token, form.CallStatus ?? '');
    return emptyTwiml();
  }

  private verify(token: string, req: Request, form: TwilioForm, signature: string | undefined): void {
    assertTwilioSignature(this.config.providers.twilio.authToken, this.config.publicBaseUrl, req.originalUrl, signature, form);
    if (!/^[0-9a-f]{32}$/.test(token)) throw new NotFoundException('No such call.');
  }
}
