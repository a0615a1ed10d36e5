import { daysSinceDemoShopToday, DEMO_SHOP_TODAY, shiftDates } from './demo-shop.dates';

describe('shiftDates', () => {
  it('moves dates and timestamps by whole days across months and years, keeping the time and format', () => {
    const data = { fulfillments: [{ delivered_at: '2026-12-30', events: ['2026-12-30T15:04:05Z', '2026-12-31T23:30:00-05:00'] }] };
    expect(shiftDates(data, 3)).toEqual({ fulfillments: [{ delivered_at: '2027-01-02', events: ['2027-01-02T15:04:05Z', '2027-01-03T23:30:00-05:00'] }] });
  });

  it('leaves everything that is not a date alone', () => {
    const data = { item_id: '8513097260', zip: '28801', note: 'ordered 2026-11-02 by mistake', price: 34.95, gift: null };
    expect(shiftDates(data, 10)).toEqual(data);
  });
});

describe('daysSinceDemoShopToday', () => {
  it('counts whole calendar days from the demo shop\'s "today", whatever the time of day', () => {
    expect(daysSinceDemoShopToday(new Date(`${DEMO_SHOP_TODAY}T23:59:00Z`))).toBe(0);
    expect(daysSinceDemoShopToday(new Date('2026-12-27T00:01:00Z'))).toBe(30);
    expect(daysSinceDemoShopToday(new Date('2026-11-20T12:00:00Z'))).toBe(-7);
  });
});
