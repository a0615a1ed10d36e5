import { ConversationRedaction } from './conversation-redaction';
import { PiiRedactor } from './pii-redactor';

describe(ConversationRedaction.name, () => {
  const redaction = () => new ConversationRedaction(new PiiRedactor());

  it('gives the same value the same placeholder across messages, and restores it in the reply', () => {
    const r = redaction();
    const first = r.redact('My email is ada@example.com');
    const second = r.redact('Again: ada@example.com, order #W9000001 for $49.99');
    expect(first).not.toContain('ada@example.com');
    const placeholder = /\[[A-Z_]+\d+\]/.exec(first)![0];
    expect(second).toContain(placeholder);
    expect(second).toContain('#W9000001');
    expect(second).toContain('$49.99');
    expect(r.restore(`We will write to ${placeholder}.`)).toBe('We will write to ada@example.com.');
  });

  it('restores placeholders split across streamed pieces', () => {
    const r = redaction();
    const placeholder = /\[[A-Z_]+\d+\]/.exec(r.redact('call me on +1 503 555 0147'))![0];
    const out: string[] = [];
    const stream = r.streamRestorer((t) => out.push(t));
    const text = `I will call ${placeholder} today.`;
    for (const piece of [text.slice(0, 14), text.slice(14, 17), text.slice(17)]) stream.push(piece);
    stream.flush();
    expect(out.join('')).toBe('I will call +1 503 555 0147 today.');
    expect(out.join('')).not.toContain('[');
  });

  it("restores a model's tool arguments so the tool sees the real value", () => {
    const r = redaction();
    const placeholder = /\[[A-Z_]+\d+\]/.exec(r.redact('ada@example.com'))![0];
    expect(r.restoreDeep({ order_id: '#W9000001', email: placeholder })).toEqual({ order_id: '#W9000001', email: 'ada@example.com' });
  });

  it('keeps ids in tool results (item and tracking numbers are references) while redacting the personal data beside them', () => {
    const r = redaction();
    const result = JSON.parse(
      r.redactToolResult(
        JSON.stringify({
          order_id: '#W9000001',
          items: [{ item_id: '6469567736' }],
          trackingIds: ['4155550123'],
          email: 'ada@example.com',
          phone: '+1 415 555 0123',
        }),
      ),
    );
    expect(result.items[0].item_id).toBe('6469567736');
    expect(result.trackingIds).toEqual(['4155550123']);
    expect(result.email).toMatch(/^\[[A-Z_]+\d+\]$/);
    expect(result.phone).toMatch(/^\[[A-Z_]+\d+\]$/);
  });
});
