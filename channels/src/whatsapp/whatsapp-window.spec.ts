import { isWhatsAppWindowOpen } from './whatsapp-window';

describe('isWhatsAppWindowOpen', () => {
  const now = new Date('2026-01-02T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

  it("is open within 24 hours of the customer's last message, less the safety margin", () => {
    expect(isWhatsAppWindowOpen(hoursAgo(1), now, 600_000)).toBe(true);
    expect(isWhatsAppWindowOpen(hoursAgo(23.9), now, 0)).toBe(true);
    expect(isWhatsAppWindowOpen(hoursAgo(23.9), now, 600_000)).toBe(false);
  });

  it('is closed after 24 hours, and when the customer never wrote', () => {
    expect(isWhatsAppWindowOpen(hoursAgo(25), now, 0)).toBe(false);
    expect(isWhatsAppWindowOpen(null, now, 0)).toBe(false);
  });
});
