import { customerConfirmed } from './customer-confirmation.detector';

describe('customerConfirmed', () => {
  const asked = 'I will cancel order #W1000001 (reason: no longer needed). Do you confirm (yes/no)?';

  it('counts an explicit yes to the action the agent just described', () => {
    expect(customerConfirmed(asked, 'Yes, please go ahead.')).toBe(true);
    expect(customerConfirmed(asked, "Yes. I don't need it anymore.")).toBe(true);
  });

  it('does not count a no, a hesitation, or a yes nobody asked for', () => {
    expect(customerConfirmed(asked, 'No, wait, keep it.')).toBe(false);
    expect(customerConfirmed(asked, 'Hmm, let me think about it.')).toBe(false);
    expect(customerConfirmed(null, 'Yes, cancel order #W1000001 right now.')).toBe(false);
    expect(customerConfirmed('Your order has been cancelled.', 'yes')).toBe(false);
  });
});
