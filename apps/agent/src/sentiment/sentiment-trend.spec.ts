import { SentimentTrend } from './sentiment-trend';

describe(SentimentTrend.name, () => {
  const trend = new SentimentTrend();

  it('is neutral for a conversation with no messages yet', () => {
    expect(trend.trend([])).toBe(0);
    expect(trend.isEscalating([])).toBe(false);
  });

  it('follows the latest messages more than the early ones', () => {
    expect(trend.trend([0.8, -0.6, -0.6])).toBeLessThan(trend.trend([-0.6, -0.6, 0.8]));
  });

  it('does not escalate on a single angry opening message', () => {
    expect(trend.isEscalating([-0.7])).toBe(false);
  });

  it('escalates after two clearly negative messages in a row', () => {
    expect(trend.isEscalating([0, -0.6, -0.7])).toBe(true);
  });

  it('stops escalating once the customer is happy with a fix', () => {
    expect(trend.isEscalating([-0.7, -0.7, 0.8])).toBe(false);
  });

  it('escalates when mildly negative messages keep coming', () => {
    expect(trend.isEscalating([-0.3, -0.45, -0.45, -0.45])).toBe(true);
  });

  it('does not escalate on negative messages separated by a neutral one', () => {
    expect(trend.isEscalating([-0.6, 0, -0.6])).toBe(false);
  });

  it('uses the thresholds it is given', () => {
    const patient = new SentimentTrend({ consecutiveNegativeMessages: 3, escalationTrend: -0.9 });
    expect(patient.isEscalating([-0.6, -0.7])).toBe(false);
  });

  it('rejects a smoothing weight outside (0, 1]', () => {
    expect(() => new SentimentTrend({ smoothing: 0 })).toThrow(RangeError);
  });
});
