import { OrderSummary } from '../orders/order-summary';
import { itemsAskedAbout, withinReturnWindow } from './embedded-return';

const delivered = (deliveredAt: string): OrderSummary => ({
  orderId: '#W1000001',
  status: 'delivered',
  items: [
    { itemId: '1', name: 'Quietline Headphones', options: {}, price: 100 },
    { itemId: '2', name: 'Trail Socks', options: {}, price: 10 },
  ],
  paidWith: ['credit_card_1'],
  total: 110,
  shipments: [{ trackingIds: [], carrier: 'UPS', items: [], shippedAt: null, estimatedDelivery: null, deliveredAt }],
  shipTo: 'Austin, TX 78701',
});
const window = { days: 30, now: () => new Date('2026-11-27T10:00:00Z') };

describe('embedded return', () => {
  it("offers a return within the shop's window after delivery only", () => {
    expect(withinReturnWindow(delivered('2026-11-23'), window)).toBe(true);
    expect(withinReturnWindow(delivered('2026-10-22'), window)).toBe(false);
    expect(withinReturnWindow(delivered('2026-10-22'), { ...window, days: 60 })).toBe(true);
  });

  it('returns the items the customer names', () => {
    expect(itemsAskedAbout(delivered('2026-11-23'), "I'd like to return the headphones").map((i) => i.itemId)).toEqual(['1']);
  });
});
