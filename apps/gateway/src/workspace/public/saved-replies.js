import { api, ApiError } from './api.js';
import { announce, el } from './dom.js';

/**
 * The team's saved replies: anyone inserts one into the reply box (at the cursor, to edit before sending);
 * admins add and delete them in a dialog.
 */
export class SavedReplies {
  constructor({ me }) {
    this.replies = [];
    this.choice = document.getElementById('saved-reply-choice');
    this.replyText = document.getElementById('reply-text');
    document.getElementById('insert-saved-reply').addEventListener('click', () => this.insert());
    if (me.role === 'admin') this.manage();
  }

  async load() {
    this.replies = await api('GET', 'saved-replies');
    this.render();
  }

  render() {
    const options = this.replies.length
      ? [el('option', { value: '' }, 'Choose a saved reply'), ...this.replies.map((reply) => el('option', { value: reply.id }, reply.title))]
      : [el('option', { value: '' }, 'No saved replies yet')];
    this.choice.replaceChildren(...options);
    if (this.list) {
      this.list.replaceChildren(
        ...this.replies.map((reply) =>
          el(
            'li',
            { dataset: { savedReplyId: reply.id } },
            el('strong', {}, reply.title),
            el('p', { class: 'saved-reply-text' }, reply.text),
            el(
              'button',
              { type: 'button', class: 'button button-secondary', 'aria-label': `Delete ${reply.title}`, onclick: () => this.delete(reply) },
              'Delete',
            ),
          ),
        ),
      );
    }
  }

  insert() {
    const reply = this.replies.find((r) => r.id === this.choice.value);
    if (!reply) {
      announce('Choose a saved reply first.', { error: true });
      this.choice.focus();
      return;
    }
    const box = this.replyText;
    const [start, end] = [box.selectionStart, box.selectionEnd];
    box.value = `${box.value.slice(0, start)}${reply.text}${box.value.slice(end)}`;
    box.focus();
    box.setSelectionRange(start + reply.text.length, start + reply.text.length);
    announce(`Inserted "${reply.title}" into the reply box. It is not sent until you send it.`);
  }

  manage() {
    this.dialog = document.getElementById('saved-replies-dialog');
    this.list = document.getElementById('saved-replies-list');
    this.result = document.getElementById('saved-replies-result');
    const openButton = document.getElementById('saved-replies-button');
    openButton.hidden = false;
    openButton.addEventListener('click', () => {
      this.render();
      this.dialog.showModal();
    });
    document.getElementById('saved-replies-close').addEventListener('click', () => this.dialog.close());
    document.getElementById('saved-reply-form').addEventListener('submit', (event) => this.add(event));
  }

  async add(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      const reply = await api('POST', 'saved-replies', { title: form.get('title'), text: form.get('text') });
      event.target.reset();
      this.result.textContent = `Added "${reply.title}".`;
      await this.load();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.result.textContent = error.message;
    }
  }

  async delete(reply) {
    try {
      await api('DELETE', `saved-replies/${reply.id}`);
      this.result.textContent = `Deleted "${reply.title}".`;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.result.textContent = error.message;
    }
    await this.load();
  }
}
