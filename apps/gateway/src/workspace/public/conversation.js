import { api, ApiError } from './api.js';
import { announce, el } from './dom.js';
import { AUTHOR_NAMES, callStatus, channelName, clockTime, reasonName } from './format.js';
import { renderBotTurn } from './bot-turn.js';
import { renderCustomer } from './customer-panel.js';

const STATUS_NAMES = { bot: 'With the bot', waiting_for_human: 'Waiting for a person', with_human: 'With a person', resolved: 'Resolved', closed: 'Closed' };

/** One conversation: the handoff on top, the whole history, the customer, and what a person can do with it. */
export class ConversationPanel {
  constructor({ me, team, onChanged }) {
    this.me = me;
    this.team = team;
    this.onChanged = onChanged;
    this.section = document.getElementById('conversation');
    this.heading = document.getElementById('conversation-heading');
    this.meta = document.getElementById('conversation-meta');
    this.actions = document.getElementById('conversation-actions');
    this.packet = document.getElementById('handoff-packet');
    this.timeline = document.getElementById('timeline');
    this.customer = document.getElementById('customer-panel');
    this.composer = document.getElementById('composer');
    this.replyText = document.getElementById('reply-text');
    this.replyLabel = document.getElementById('reply-label');
    this.draftSources = document.getElementById('draft-sources');
    this.composer.addEventListener('submit', (event) => {
      event.preventDefault();
      this.send('replies', 'Reply sent to the customer.');
    });
    document.getElementById('add-note').addEventListener('click', () => this.send('notes', 'Note added for your team.'));
    document.getElementById('draft-reply').addEventListener('click', () => this.draft());
    this.id = null;
  }

  async open(conversationId) {
    if (this.id !== conversationId) {
      this.replyText.value = '';
      this.draftSources.hidden = true;
    }
    this.id = conversationId;
    this.section.hidden = false;
    document.getElementById('no-conversation').hidden = true;
    await this.refresh();
  }

  close() {
    this.id = null;
    this.section.hidden = true;
    document.getElementById('no-conversation').hidden = false;
  }

  async refresh() {
    if (!this.id) return;
    const id = this.id;
    const view = await api('GET', `conversations/${id}`);
    if (this.id !== id) return;
    this.view = view;
    this.render(view);
  }

  render(view) {
    const name = view.customer.name || view.customer.email || 'Customer';
    this.heading.textContent = `${name} — ${channelName(view.conversation.channel)}`;
    this.titleName = name;
    this.section.dataset.status = view.conversation.status;
    this.section.dataset.conversationId = view.conversation.id;
    const holder = view.assignee ? (view.assignee.id === this.me.id ? 'you' : view.assignee.email) : 'nobody yet';
    const call = view.call ? ` · call: ${callStatus(view.call, this.me)}` : '';
    this.meta.textContent = `${STATUS_NAMES[view.conversation.status] || view.conversation.status} · assigned to ${holder}${call}`;
    // Live changes (a hold report every few seconds for a waiting call) redraw the buttons: focus stays on the same one.
    const focused = this.actions.contains(document.activeElement) ? document.activeElement : null;
    this.actions.replaceChildren(...this.renderActions(view));
    if (focused && (!document.activeElement || document.activeElement === document.body)) {
      const same =
        (focused.id && document.getElementById(focused.id)) || [...this.actions.querySelectorAll('button')].find((b) => b.textContent === focused.textContent);
      (same || this.heading).focus();
    }
    this.packet.replaceChildren(...renderPacket(view.handoff));
    const atBottom = this.timeline.scrollHeight - this.timeline.scrollTop - this.timeline.clientHeight < 40;
    this.timeline.replaceChildren(...view.timeline.map((entry) => renderEntry(entry)));
    if (atBottom) this.timeline.scrollTop = this.timeline.scrollHeight;
    this.customer.replaceChildren(...renderCustomer(view.customer));
    this.replyLabel.textContent = `Reply to the customer (sent by ${channelName(view.conversation.channel)})`;
  }

  renderActions(view) {
    const { status } = view.conversation;
    const open = status === 'waiting_for_human' || status === 'with_human';
    if (!open) return [el('p', { class: 'muted' }, 'The bot answers this conversation now.')];
    const mine = view.assignee && view.assignee.id === this.me.id;
    const mayMove = !view.assignee || mine || this.me.role === 'admin';
    const buttons = [];
    if (view.call && view.call.state === 'waiting' && (!view.assignee || mine)) buttons.push(button('Take call', () => this.takeCall(), 'button-primary'));
    if (!view.assignee) buttons.push(button('Claim', () => this.act('claim', 'You have this conversation now.'), 'button-primary'));
    if (view.assignee && mayMove) buttons.push(button('Unassign', () => this.act('unassign', 'Back in the queue for anyone to claim.')));
    if (mayMove)
      buttons.push(
        this.reassignControl(view),
        button('Resolve', () => this.act('resolve', 'Resolved: the bot answers the next message.')),
      );
    return buttons;
  }

  reassignControl(view) {
    const others = this.team.filter((account) => !view.assignee || account.id !== view.assignee.id);
    const select = el(
      'select',
      { id: 'reassign-to' },
      others.map((account) => el('option', { value: account.id }, account.id === this.me.id ? `${account.email} (you)` : account.email)),
    );
    return el(
      'div',
      { class: 'reassign' },
      el('label', { for: 'reassign-to' }, 'Hand to'),
      select,
      button('Reassign', () => this.act('reassign', 'Reassigned.', { accountId: select.value })),
    );
  }

  async takeCall() {
    try {
      const { phone } = await api('POST', `conversations/${this.id}/take-call`);
      announce(`Calling your phone (${phone}): answer it to hear the summary, then you are connected to the caller.`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      announce(error.message, { error: true });
    }
    await Promise.all([this.refresh(), this.onChanged()]);
  }

  async act(action, done, body) {
    try {
      await api('POST', `conversations/${this.id}/${action}`, body);
      announce(done);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      announce(error.message, { error: true });
    }
    await Promise.all([this.refresh(), this.onChanged()]);
  }

  async send(kind, done) {
    const text = this.replyText.value.trim();
    if (!text) {
      announce(kind === 'notes' ? 'Write the note first.' : 'Write the reply first.', { error: true });
      this.replyText.focus();
      return;
    }
    try {
      await api('POST', `conversations/${this.id}/${kind}`, { text });
      this.replyText.value = '';
      this.draftSources.hidden = true;
      announce(done);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      announce(error.message, { error: true });
    }
    await Promise.all([this.refresh(), this.onChanged()]);
  }

  async draft() {
    const button = document.getElementById('draft-reply');
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      const draft = await api('POST', `conversations/${this.id}/draft`);
      this.replyText.value = draft.text;
      this.draftSources.hidden = false;
      this.draftSources.replaceChildren(
        draft.writer === 'embedded' ? '' : `Drafted by ${draft.writer}. `,
        draft.sources.length ? 'Draft from the help center: ' : 'The help center has nothing on this: check the draft and write the answer. ',
        ...draft.sources.flatMap((source, i) => [i ? '; ' : '', source.url ? el('a', { href: source.url, rel: 'noreferrer' }, source.title) : source.title]),
        draft.sources.length ? '. Check it, edit it, then send.' : '',
      );
      this.replyText.focus();
      announce('Draft ready in the reply box. It is not sent until you send it.');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      announce(error.message, { error: true });
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }
}

function button(label, onclick, variant = 'button-secondary') {
  return el('button', { type: 'button', class: `button ${variant}`, onclick }, label);
}

function renderPacket(handoff) {
  if (!handoff) return [el('h3', { id: 'handoff-heading' }, 'Handoff'), el('p', { class: 'muted' }, 'No handoff recorded for this conversation.')];
  const packet = handoff.packet;
  const nextStepUnsaid = packet && packet.nextStep && !handoff.summary.includes(packet.nextStep);
  return [
    el('h3', { id: 'handoff-heading' }, `Handoff: ${reasonName(handoff.reason)}`),
    el('p', { class: 'muted' }, `Handed off ${clockTime(handoff.handedOffAt)}`),
    el('p', { class: 'summary' }, handoff.summary),
    nextStepUnsaid ? el('p', {}, el('strong', {}, 'Next step: '), packet.nextStep) : null,
    packet && packet.promised && packet.promised.length ? el('p', {}, el('strong', {}, 'Promised: '), packet.promised.join('; ')) : null,
  ].filter(Boolean);
}

function renderEntry(entry) {
  if (entry.type === 'note') {
    return el(
      'li',
      { class: 'entry note' },
      el('p', { class: 'entry-author' }, `Internal note by ${entry.author}`, el('span', { class: 'visually-hidden' }, ' (not sent to the customer)')),
      el('p', { class: 'entry-text' }, entry.text),
      el('time', { datetime: entry.at }, clockTime(entry.at)),
    );
  }
  return el(
    'li',
    { class: `entry message author-${entry.author}` },
    el('p', { class: 'entry-author' }, AUTHOR_NAMES[entry.author] || entry.author, entry.channel ? ` · ${channelName(entry.channel)}` : ''),
    el('p', { class: 'entry-text' }, entry.text || (entry.attachments.length ? '' : '(no text)')),
    entry.attachments.length
      ? el(
          'ul',
          { class: 'attachments' },
          entry.attachments.map((a) => el('li', {}, el('a', { href: a.url, rel: 'noreferrer', target: '_blank' }, a.name || a.contentType || 'Attachment'))),
        )
      : null,
    el('time', { datetime: entry.at }, clockTime(entry.at)),
    entry.botTurn ? renderBotTurn(entry.botTurn) : null,
  );
}
