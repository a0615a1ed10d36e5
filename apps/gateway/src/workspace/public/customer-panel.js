import { el } from './dom.js';

const KIND_NAMES = { phone: 'Phone', whatsapp: 'WhatsApp', email: 'Email', web_session: 'Web chat' };

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

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
    ...renderOrders(customer.orders),
  ];
}

/** Their orders once the conversation proved who they are; before that, nothing that could be a stranger's. */
function renderOrders(view) {
  const heading = el('h4', {}, 'Orders');
  if (!view || !view.verified) return [heading, el('p', { class: 'muted' }, 'Not verified: their orders show once the conversation proves who they are.')];
  if (!view.orders.length) return [heading, el('p', { class: 'muted' }, 'No orders on this account.')];
  return [
    heading,
    el(
      'ul',
      { class: 'orders' },
      view.orders.map((order) =>
        el(
          'li',
          { dataset: { orderId: order.id } },
          el('p', {}, el('strong', {}, order.id), ` · ${order.status} · ${money.format(order.total)}`),
          el(
            'ul',
            { class: 'order-items' },
            order.items.map((item) => el('li', {}, `${item.name}${item.options ? ` (${item.options})` : ''}, ${money.format(item.price)}`)),
          ),
        ),
      ),
    ),
  ];
}
