const CHANNEL_NAMES = { web: 'Web chat', sms: 'SMS', whatsapp: 'WhatsApp', email: 'Email', voice: 'Phone' };

export function channelName(channel) {
  return CHANNEL_NAMES[channel] || channel;
}

/** `customer_request` → "Customer request". */
export function reasonName(reason) {
  if (!reason) return 'No reason recorded';
  const words = reason.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "4 min", "2 h 5 min", "3 days". */
export function durationSince(iso, now = Date.now()) {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60000));
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? '' : 's'}`;
}

export function clockTime(iso) {
  return new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

export const AUTHOR_NAMES = { customer: 'Customer', bot: 'Bot', human_agent: 'Support team', system: 'System' };

/** A voice conversation's call in the queue: "Number 2 in line · waited 3 min", "Ringing you", "Caller hung up". */
export function callStatus(call, me, now = Date.now()) {
  if (call.state === 'transferring') return 'Being moved to the queue';
  if (call.state === 'connected') return 'Connected to a person';
  if (call.state === 'caller_hung_up') return 'Caller hung up';
  // Twilio reported the wait at `reportedAt`; it has gone on since.
  const sinceReport = call.reportedAt ? now - new Date(call.reportedAt).getTime() : 0;
  const waited = call.waitMs === null ? '' : ` · waited ${durationSince(new Date(now - call.waitMs - sinceReport).toISOString(), now)}`;
  if (call.state === 'ringing') return `${call.ringingFor === me.id ? 'Ringing your phone' : "Ringing a person's phone"}${waited}`;
  return `${call.position ? `Number ${call.position} in line` : 'Waiting'}${waited}`;
}
