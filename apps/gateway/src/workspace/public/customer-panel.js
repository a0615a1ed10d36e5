import { el } from './dom.js';

const KIND_NAMES = { phone: 'Phone', whatsapp: 'WhatsApp', email: 'Email', web_session: 'Web chat' };

/** Who the customer is, and how sure we are. */
export function renderCustomer(customer) {
  return [
    el('h3', { id: 'customer-heading' }, 'Customer'),
    el(
      'dl',
      { class: 'customer-facts' },
      el('div', {}, el('dt', {}, 'Name'), el('dd', {}, customer.name || 'Not given')),
      el('div', {}, el('dt', {}, 'Email given'), el('dd', {}, customer.email || 'Not given')),
      el('div', {}, el('dt', {}, 'Shop account'), el('dd', {}, customer.verifiedShopUserId ? `${customer.verifiedShopUserId} (verified)` : 'Not verified')),
    ),
    el('h4', {}, 'Channel identities'),
    el(
      'ul',
      { class: 'identities' },
      customer.identities.map((identity) =>
        el(
          'li',
          {},
          `${KIND_NAMES[identity.kind] || identity.kind}${identity.address ? `: ${identity.address}` : ' visitor'} `,
          el('span', { class: identity.verified ? 'badge verified' : 'badge unverified' }, identity.verified ? 'verified by the channel' : 'not verified'),
        ),
      ),
    ),
  ];
}
