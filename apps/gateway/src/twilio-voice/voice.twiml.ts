import twilio from 'twilio';

const VOICE = { voice: 'Polly.Joanna' as const };

/** The answer to an incoming call: a bidirectional Media Stream, with the call's ids as `<Parameter>`s (query strings in the URL are not supported). */
export function connectStreamTwiml(streamUrl: string, parameters: Record<string, string>): string {
  const response = new twilio.twiml.VoiceResponse();
  const stream = response.connect().stream({ url: streamUrl });
  for (const [name, value] of Object.entries(parameters)) stream.parameter({ name, value });
  return response.toString();
}

export function unavailableTwiml(message: string): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(VOICE, message);
  response.hangup();
  return response.toString();
}

/** Moves the caller into the queue; `waitUrl` plays to them while they wait, `action` runs when they leave it. */
export function enqueueTwiml(queue: string, message: string, urls: { waitUrl: string; action: string }): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(VOICE, message);
  response.enqueue({ waitUrl: urls.waitUrl, waitUrlMethod: 'POST', action: urls.action, method: 'POST' }, queue);
  return response.toString();
}

/** Loops while the caller waits: where they are in line, then hold music. */
export function holdTwiml(position: number | undefined, holdMusicUrl: string): string {
  const response = new twilio.twiml.VoiceResponse();
  if (position && position > 1) response.say(VOICE, `You are number ${position} in line. Thanks for holding.`);
  response.play(holdMusicUrl);
  return response.toString();
}

/**
 * The person's own leg: first the summary of the caller at the head of the queue (the whisper),
 * then `<Dial><Queue>` bridges them. `<Queue url>` would play to the waiting caller instead.
 */
export function whisperAndBridgeTwiml(queue: string, summary: string | null): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(VOICE, summary ? `Incoming transfer. ${summary}` : 'No summary is available for this caller.');
  response.dial().queue(queue);
  return response.toString();
}

export function nobodyWaitingTwiml(): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(VOICE, 'No caller is waiting right now. Goodbye.');
  response.hangup();
  return response.toString();
}

export function emptyTwiml(): string {
  return new twilio.twiml.VoiceResponse().toString();
}

/**
 * The leg of a person who took one particular call: its summary (the whisper), then the conference room that
 * caller is moved into. Either leaving ends the room, so neither is left alone in it.
 */
export function whisperAndJoinTwiml(room: string, summary: string | null): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(VOICE, summary ? `Incoming transfer. ${summary}` : 'No summary is available for this caller.');
  response.dial().conference({ beep: 'false', startConferenceOnEnter: true, endConferenceOnExit: true }, room);
  return response.toString();
}

/** The dequeued caller: into the room, hearing hold music until the person has heard the summary and joins. */
export function callerJoinTwiml(room: string): string {
  const response = new twilio.twiml.VoiceResponse();
  response.dial().conference({ beep: 'false', startConferenceOnEnter: false, endConferenceOnExit: true }, room);
  return response.toString();
}

export function callerGoneTwiml(): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(VOICE, 'Sorry, the caller has hung up. The conversation stays with you in the workspace. Goodbye.');
  response.hangup();
  return response.toString();
}
