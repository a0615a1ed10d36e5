/** WhatsApp's customer-service window: free-form messages only within 24 hours of the customer's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Whether a free-form message may still go out, keeping `marginMs` in hand before the window closes. */
export function isWhatsAppWindowOpen(lastInboundAt: Date | null, now: Date, marginMs: number): boolean {
  if (!lastInboundAt) return false;
  return now.getTime() - lastInboundAt.getTime() < WHATSAPP_WINDOW_MS - marginMs;
}
