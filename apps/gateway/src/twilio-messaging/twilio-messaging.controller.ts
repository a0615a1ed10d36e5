import { Body, Controller, HttpCode, Inject, Post, Query, Res, ServiceUnavailableException, UseGuards } from '@nestjs/common';
import { asTwilioParams, toStatusCallback, toTwilioInbound } from '@support/channels';
import { LOGGER, ValidationError } from '@support/platform';
import type { Logger } from '@support/platform';
import type { Response } from 'express';
import twilio from 'twilio';
import { TwilioDeliveryStatusService } from './twilio-delivery-status.service';
import { TwilioInbox } from './twilio-inbox.service';
import { TwilioSignatureGuard } from './twilio-signature.guard';

/** `<?xml version="1.0" encoding="UTF-8"?><Response/>`: acknowledged, no synchronous reply. */
const EMPTY_TWIML = new twilio.twiml.MessagingResponse().toString();

/**
 * Twilio's webhooks for SMS and WhatsApp. The message webhook is answered with empty TwiML once
 * the message is stored (Twilio does not send a 200 again, so nothing acknowledged may be lost);
 * the reply follows through the REST API, so a slow model never meets Twilio's 15 s timeout.
 */
@Controller('twilio/messaging')
@UseGuards(TwilioSignatureGuard)
export class TwilioMessagingController {
  constructor(
    private readonly inbox: TwilioInbox,
    private readonly statuses: TwilioDeliveryStatusService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post()
  @HttpCode(200)
  async inbound(@Body() body: unknown, @Res() res: Response): Promise<void> {
    const inbound = toTwilioInbound(asTwilioParams(body));
    let received;
    try {
      received = await this.inbox.receive(inbound);
    } catch (error) {
      if (error instanceof ValidationError) throw error;
      // Not acknowledged: Twilio's retry or fallback URL gets it instead.
      this.logger.error({ err: error, channel: inbound.channel, messageSid: inbound.messageSid }, 'inbound message could not be stored; answered 503');
      throw new ServiceUnavailableException('The message could not be stored; please deliver it again.');
    }
    res.type('text/xml').send(EMPTY_TWIML);
    void this.inbox.answer(inbound, received);
  }

  @Post('status')
  @HttpCode(204)
  async status(@Body() body: unknown, @Query('delivery') delivery?: string): Promise<void> {
    await this.statuses.record(toStatusCallback(asTwilioParams(body), typeof delivery === 'string' && delivery ? delivery : null));
  }
}
