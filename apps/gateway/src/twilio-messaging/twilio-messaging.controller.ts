import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { asTwilioParams, toStatusCallback, toTwilioInbound } from '@support/channels';
import type { Response } from 'express';
import twilio from 'twilio';
import { TwilioDeliveryStatusService } from './twilio-delivery-status.service';
import { TwilioInbox } from './twilio-inbox.service';
import { TwilioSignatureGuard } from './twilio-signature.guard';

/** `<?xml version="1.0" encoding="UTF-8"?><Response/>`: acknowledged, no synchronous reply. */
const EMPTY_TWIML = new twilio.twiml.MessagingResponse().toString();

/**
 * Twilio's webhooks for SMS and WhatsApp. The message webhook is answered at once with empty
 * TwiML; the reply follows through the REST API, so a slow model never meets Twilio's 15 s timeout.
 */
@Controller('twilio/messaging')
@UseGuards(TwilioSignatureGuard)
export class TwilioMessagingController {
  constructor(private readonly inbox: TwilioInbox, private readonly statuses: TwilioDeliveryStatusService) {}

  @Post()
  @HttpCode(200)
  inbound(@Body() body: unknown, @Res() res: Response): void {
    this.inbox.accept(toTwilioInbound(asTwilioParams(body)));
    res.type('text/xml').send(EMPTY_TWIML);
  }

  @Post('status')
  @HttpCode(204)
  async status(@Body() body: unknown): Promise<void> {
    await this.statuses.record(toStatusCallback(asTwilioParams(body)));
  }
}
