import { api, ApiError } from './api.js';
import { announce, el } from './dom.js';
import { callStatus, channelName, durationSince, reasonName } from './format.js';

/** The list of conversations waiting for a person, with its filters; `refresh()` fetches it again. */
export class InboxPanel {
  constructor({ me, onOpen }) {
    this.me = me;
    this.onOpen = onOpen;
    this.list = document.getElementById('inbox-list');
    this.empty = document.getElementById('inbox-empty');
    this.filters = document.getElementById('inbox-filters');
    this.reasonSelect = document.getElementById('filter-reason');
    this.selectedId = null;
    this.filters.addEventListener('change', () => this.refresh());
    setInterval(() => this.updateWaitTimes(), 30_000);
  }

  query() {
    const form = new FormData(this.filters);
    const params = new URLSearchParams();
    for (const name of ['channel', 'reason', 'assignee']) if (form.get(name)) params.set(name, String(form.get(name)));
    return params.toString();
  }

  async refresh() {
    const query = this.query();
    this.pending = query;
    const { items, reasons } = await api('GET', `inbox${query ? `?${query}` : ''}`);
    if (this.pending !== query) return;
    this.renderReasons(reasons);
    const focused = this.focusedControl();
    this.list.replaceChildren(...items.map((item) => this.renderItem(item)));
    if (focused) this.restoreFocus(focused);
    this.empty.hidden = items.length > 0;
    this.list.dataset.loaded = 'true';
  }

  /** The inbox control that has the keyboard focus, if any: which conversation, and the link or which button. */
  focusedControl() {
    const active = document.activeElement;
    const item = active && this.list.contains(active) ? active.closest('li') : null;
    if (!item) return null;
    return { conversationId: item.dataset.conversationId, action: active.dataset.action || null };
  }

  /**
   * The list is drawn again on every live change (a hold report every few seconds for a waiting call): focus goes
   * back to the same control, or to the conversation's link when that control is gone (someone else took it).
   */
  restoreFocus({ conversationId, action }) {
    if (document.activeElement && document.activeElement !== document.body) return;
    const item = [...this.list.children].find((li) => li.dataset.conversationId === conversationId);
    if (!item) {
      document.getElementById('inbox-heading').focus();
      return;
    }
    const control = (action && item.querySelector(`[data-action="${action}"]`)) || item.querySelector('a');
    control.focus();
  }

  select(conversationId) {
    this.selectedId = conversationId;
    for (const item of this.list.children) {
      const link = item.querySelector('a');
      if (item.dataset.conversationId === conversationId) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  renderReasons(reasons) {
    const chosen = this.reasonSelect.value;
    const options = [...new Set([...reasons, ...(chosen ? [chosen] : [])])];
    this.reasonSelect.replaceChildren(el('option', { value: '' }, 'All reasons'), ...options.map((r) => el('option', { value: r }, reasonName(r))));
    this.reasonSelect.value = chosen;
  }

  renderItem(item) {
    const mine = item.assignee && item.assignee.id === this.me.id;
    const assignee = item.assignee ? (mine ? 'You' : item.assignee.email) : 'Unassigned';
    const link = el(
      'a',
      {
        href: `/workspace/conversations/${item.conversationId}`,
        class: 'inbox-link',
        'aria-current': item.conversationId === this.selectedId ? 'page' : null,
        onclick: (event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey) return;
          event.preventDefault();
          this.onOpen(item.conversationId);
        },
      },
      el('span', { class: 'inbox-customer' }, item.customer),
      el('span', { class: 'inbox-summary' }, item.summaryLine || 'No summary'),
    );
    const facts = el(
      'dl',
      { class: 'inbox-facts' },
      fact('Channel', channelName(item.channel), `badge channel-${item.channel}`),
      fact('Reason', reasonName(item.reason)),
      fact('Mood', item.sentiment.label, `mood mood-${item.sentiment.label}`),
      fact('Waiting', el('time', { datetime: item.waitingSince, class: 'waited' }, durationSince(item.waitingSince))),
      fact('Assignee', assignee),
      item.call ? fact('Call', callStatus(item.call, this.me), `call call-${item.call.state}`) : null,
    );
    const takeable = item.call && item.call.state === 'waiting' && (!item.assignee || mine);
    const action = takeable
      ? el(
          'button',
          {
            type: 'button',
            class: 'button button-small button-primary take-call',
            dataset: { action: 'take-call' },
            onclick: () => this.takeCall(item),
          },
          'Take call',
          el('span', { class: 'visually-hidden' }, ` from ${item.customer}`),
        )
      : item.assignee
        ? null
        : el(
            'button',
            { type: 'button', class: 'button button-small', dataset: { action: 'claim' }, onclick: () => this.claim(item) },
            'Claim',
            el('span', { class: 'visually-hidden' }, ` conversation with ${item.customer}`),
          );
    return el('li', { class: 'inbox-item', dataset: { conversationId: item.conversationId, status: item.status } }, link, facts, action);
  }

  /** Claims it and rings the person's own phone; answering it, they hear the summary, then the caller. */
  async takeCall(item) {
    try {
      const { phone } = await api('POST', `conversations/${item.conversationId}/take-call`);
      announce(`Calling your phone (${phone}): answer it to hear the summary, then you are connected to ${item.customer}.`);
      this.onOpen(item.conversationId);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      announce(error.message, { error: true });
      await this.refresh();
    }
  }

  async claim(item) {
    try {
      await api('POST', `conversations/${item.conversationId}/claim`);
      announce(`You have the conversation with ${item.customer}.`);
      this.onOpen(item.conversationId);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      announce(error.message, { error: true });
      await this.refresh();
    }
  }

  updateWaitTimes() {
    for (const time of this.list.querySelectorAll('time.waited')) time.textContent = durationSince(time.dateTime);
  }
}

function fact(name, value, valueClass) {
  return el('div', { class: 'fact' }, el('dt', {}, name), el('dd', { class: valueClass }, value));
}
