import type { MessageResource } from './message-resource';

/**
 * `GET …/Messages.json`: Twilio's list, newest first, filtered by `To`, `From` and `DateSent`
 * (`DateSent` one day or instant, `DateSent>` on or after, `DateSent<` on or before, as the SDK
 * writes `dateSent`, `dateSentAfter`, `dateSentBefore`), paged with `PageSize` and `Page`
 * (`PageToken` is echoed, as Twilio's next_page_uri carries one).
 */
export function messageListPage(path: string, query: URLSearchParams, messages: MessageResource[]): Record<string, unknown> {
  const matching = messages.filter((m) => matches(m, query)).reverse();
  const pageSize = Math.min(Math.max(Number(query.get('PageSize') ?? 50) || 50, 1), 1000);
  const page = Math.max(Number(query.get('Page') ?? 0) || 0, 0);
  const items = matching.slice(page * pageSize, (page + 1) * pageSize);
  const uri = (n: number, token?: string) => {
    const params = new URLSearchParams(query);
    params.set('PageSize', String(pageSize));
    params.set('Page', String(n));
    if (token) params.set('PageToken', token);
    else params.delete('PageToken');
    return `${path}?${params}`;
  };
  const hasNext = (page + 1) * pageSize < matching.length;
  return {
    end: page * pageSize + Math.max(items.length - 1, 0),
    first_page_uri: uri(0),
    messages: items,
    next_page_uri: hasNext ? uri(page + 1, `PA${items[items.length - 1].sid}`) : null,
    page,
    page_size: pageSize,
    previous_page_uri: page > 0 ? uri(page - 1, `PB${items[0]?.sid ?? ''}`) : null,
    start: page * pageSize,
    uri: uri(page, query.get('PageToken') ?? undefined),
  };
}

function matches(message: MessageResource, query: URLSearchParams): boolean {
  const to = query.get('To');
  const from = query.get('From');
  if (to && message.to !== to) return false;
  if (from && message.from !== from) return false;
  const sent = message.date_sent ? Date.parse(message.date_sent) : null;
  const on = query.get('DateSent');
  const after = query.get('DateSent>');
  const before = query.get('DateSent<');
  if ((on || after || before) && sent === null) return false;
  if (on && !sameDayOrInstant(sent!, on)) return false;
  if (after && sent! < startOf(after)) return false;
  if (before && sent! > endOf(before)) return false;
  return true;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const startOf = (value: string) => Date.parse(DAY.test(value) ? `${value}T00:00:00Z` : value);
const endOf = (value: string) => (DAY.test(value) ? Date.parse(`${value}T00:00:00Z`) + 86_399_999 : Date.parse(value));

function sameDayOrInstant(sent: number, value: string): boolean {
  return DAY.test(value) ? new Date(sent).toISOString().slice(0, 10) === value : Math.floor(sent / 1000) === Math.floor(Date.parse(value) / 1000);
}
