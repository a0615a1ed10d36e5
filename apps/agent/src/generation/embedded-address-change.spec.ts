import { parseAddress } from './embedded-address-change';

describe('embedded address change', () => {
  it('reads the new US address the customer typed', () => {
    expect(parseAddress('Please send #W1000001 to 12 Oak Street, Austin, TX 78701 instead')).toEqual({
      address1: '12 Oak Street',
      address2: '',
      city: 'Austin',
      state: 'TX',
      zip: '78701',
      country: 'USA',
    });
  });

  it('finds no address in a message without a complete one', () => {
    expect(parseAddress('change the address to my office please')).toBeNull();
  });
});
