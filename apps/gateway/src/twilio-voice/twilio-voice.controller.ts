import { Body, Controller, Header, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { SpeechToText } from '@support/channels';
import { APP_CONFIG } from '@support/platform';
import type { AppConfig } from '@support/platform';
import type { Request } from 'express';
import { callerIdProvesCustomer } from './caller-id-trust';
import { MEDIA_STREAM_PATH } from './media-stream.server';
import { assertTwilioSignature, mediaStreamToken } from './twilio-signature';
import { VoiceTransferService } from './voice-transfer.service';
import { connectStreamTwiml, emptyTwiml, holdTwiml, unavailableTwiml } from './voice.twiml';
import { VOICE_PROMPTS } from './voice-prompts';

type TwilioForm = Record<string, string | undefined>;

/** Twilio's voice webhooks. Each checks the signature, then answers TwiML. */
@Controller('twilio/voice')
export class TwilioVoiceController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SpeechToText) private readonly stt: SpeechToText | null,
    private readonly transfers: VoiceTransferService,
  ) {}

  /** The number's "A call comes in" webhook: connect the call to the media stream. */
  @Post()
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  incomingCall(@Req() req: Request, @Body() form: TwilioForm, @Headers('x-twilio-signature') signature?: string): string {
    this.verify(req, form, signature);
    const authToken = this.config.providers.twilio.authToken!;
    if (!this.stt || !form.CallSid) return unavailableTwiml(VOICE_PROMPTS.unavailable);
    const host = new URL(this.config.publicBaseUrl).host;
    const caller = { from: form.From ?? '', verified: callerIdProvesCustomer(this.config.voice.trustCallerId, form.StirVerstat) };
    return connectStreamTwiml(`wss://${host}${MEDIA_STREAM_PATH}`, {
      callSid: form.CallSid,
      from: caller.from,
      verified: caller.verified ? 'yes' : 'no',
      token: mediaStreamToken(authToken, form.CallSid, caller),
    });
  }

  /** The agent line: a person on the team calling in (or dialled by us) hears the summary of the first caller waiting, then is bridged. */
  @Post('agent')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async agentLine(@Req() req: Request, @Body() form: TwilioForm, @Headers('x-twilio-signature') signature?: string): Promise<string> {
    this.verify(req, form, signature);
    // The summary is about a customer: only someone on the team, by a caller ID the carrier vouches for, hears it.
    return this.transfers.agentLine({
      callSid: form.CallSid ?? '',
      from: form.From ?? '',
      to: form.To ?? '',
      direction: form.Direction ?? '',
      stirVerstat: form.StirVerstat,
    });
  }

  /** `<Enqueue waitUrl>`: runs in a loop for the waiting caller; Twilio reports the queue, their position and time waited. */
  @Post('hold')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async hold(@Req() req: Request, @Body() form: TwilioForm, @Headers('x-twilio-signature') signature?: string): Promise<string> {
    this.verify(req, form, signature);
    const position = toInt(form.QueuePosition);
    const waitSeconds = toInt(form.QueueTime);
    if (form.CallSid) await this.transfers.recordWaiting(form.CallSid, position, waitSeconds === null ? null : waitSeconds * 1000, form.QueueSid ?? null);
    return holdTwiml(position ?? undefined, this.config.voice.holdMusicUrl);
  }

  /** `<Enqueue action>`: the caller left the queue (bridged to a person, hung up, …). */
  @Post('queue-result')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async queueResult(@Req() req: Request, @Body() form: TwilioForm, @Headers('x-twilio-signature') signature?: string): Promise<string> {
    this.verify(req, form, signature);
    const waitSeconds = toInt(form.QueueTime);
    if (form.CallSid) await this.transfers.recordLeft(form.CallSid, form.QueueResult ?? 'unknown', waitSeconds === null ? null : waitSeconds * 1000);
    return emptyTwiml();
  }

  private verify(req: Request, form: TwilioForm, signature: string | undefined): void {
    assertTwilioSignature(this.config.providers.twilio.authToken, this.config.publicBaseUrl, req.originalUrl, signature, form);
  }
}

function toInt(value: string | undefined): number | null {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}
