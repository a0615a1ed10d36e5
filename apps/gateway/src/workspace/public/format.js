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
