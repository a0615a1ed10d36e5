import { api } from './api.js';
import { ConversationPanel } from './conversation.js';
import { InboxPanel } from './inbox.js';
import { MyPhoneDialog } from './my-phone.js';
import { SavedReplies } from './saved-replies.js';
import { TeamDialog } from './team.js';

const CONVERSATION_PATH = /^\/workspace\/conversations\/(conv_[a-f0-9]{32})$/;

/** The workspace page: the inbox, the open conversation beside it (or instead of it on a phone), kept live. */
async function start() {
  const [me, team] = await Promise.all([api('GET', 'me'), api('GET', 'accounts')]);
  document.getElementById('me').textContent = `${me.email} (${me.role})`;
  document.getElementById('sign-out').addEventListener('click', async () => {
    await api('DELETE', 'session');
    window.location.assign('/workspace/sign-in');
  });
  if (me.role === 'admin') new TeamDialog(team);
  new MyPhoneDialog(me);
  await new SavedReplies({ me }).load();

  let waiting = 0;
  const showTitle = () => {
    const base = conversation.id && conversation.titleName ? `${conversation.titleName} — Support workspace` : 'Inbox — Support workspace';
    document.title = waiting ? `(${waiting}) ${base}` : base;
  };
  const open = async (id, { push = true } = {}) => {
    if (push) history.pushState({}, '', `/workspace/conversations/${id}`);
    document.body.dataset.view = 'conversation';
    inbox.select(id);
    await conversation.open(id);
    showTitle();
    document.getElementById('conversation-heading').focus();
  };
  const inbox = new InboxPanel({ me, onOpen: (id) => open(id) });
  const conversation = new ConversationPanel({ me, team, onChanged: () => inbox.refresh() });

  const route = async () => {
    const match = CONVERSATION_PATH.exec(window.location.pathname);
    if (match) return open(match[1], { push: false });
    document.body.dataset.view = 'inbox';
    inbox.select(null);
    conversation.close();
    showTitle();
  };
  window.addEventListener('popstate', () => route());
  document.getElementById('back-to-inbox').addEventListener('click', (event) => {
    event.preventDefault();
    history.pushState({}, '', '/workspace');
    route();
  });

  await inbox.refresh();
  await route();
  listen(async ({ changed, waiting: count }) => {
    waiting = count;
    showTitle();
    await inbox.refresh();
    if (conversation.id && changed.includes(conversation.id)) await conversation.refresh();
    showTitle();
  });
}

/** Server-Sent Events from the inbox feed; the browser reconnects by itself after a drop. */
function listen(onChange) {
  const source = new EventSource('/workspace/api/inbox/events');
  const list = document.getElementById('inbox-list');
  source.addEventListener('open', () => (list.dataset.live = 'open'));
  source.addEventListener('error', () => delete list.dataset.live);
  source.addEventListener('inbox', (event) => onChange(JSON.parse(event.data)));
}

start().catch((error) => {
  document.getElementById('alert').textContent = `The workspace could not load: ${error.message}`;
});
