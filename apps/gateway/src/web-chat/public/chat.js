/*
 * Northwind Outfitters — customer support web chat.
 * Vanilla JS (ES2020), no dependencies, no build step.
 *
 * Talks to POST /api/chat/stream (Server-Sent Events over a POST response):
 *   event: conversation  data: {"conversationId": "..."}
 *   event: delta         data: {"text": "..."}
 *   event: reply         data: {"conversationId": "...", "reply": "...", "handoff": null | {...}}
 *   event: error         data: {"message": "...", "errorId": "..."}
 * Non-200 answers carry JSON {"message": "...", "errorId": "..."}.
 * GET /api/chat/{id}/messages restores the conversation after a reload; GET /api/chat/{id}/events
 * carries people's replies. The conversation belongs to this browser through the HttpOnly
 * `chat_session` cookie the server set when it started: the page never sees the token itself.
 *
 * Security: every piece of customer/bot/server text is rendered with textContent, never innerHTML.
 */
'use strict';

(() => {
  const STORAGE_KEY = 'support.conversationId';
  const STREAM_URL = '/api/chat/stream';
  const GREETING = 'Hi! I can help with orders, returns, shipping and your account. How can I help?';
  const HANDOFF_TEXT = 'A member of our team will take it from here.';
  const WITH_PERSON_TEXT = 'A member of our team has your message and will reply here.';
  const LABELS = { customer: 'You', bot: 'Assistant', agent: 'Support team', system: 'System' };

  const log = document.getElementById('chat-log');
  const form = document.getElementById('chat-form');
  const input = document.getElementById('message-input');
  const sendButton = document.getElementById('send-button');
  const newConversationButton = document.getElementById('new-conversation');
  const details = document.getElementById('customer-details');
  const emailInput = document.getElementById('customer-email');
  const emailError = document.getElementById('customer-email-error');
  const nameInput = document.getElementById('customer-name');

  if (!log || !form || !input || !sendButton) return;

  /* ---------------- Conversation id storage (localStorage, with an in-memory fallback) ---------------- */

  let memoryConversationId = null;
  const conversationStore = {
    get() {
      try {
        return window.localStorage.getItem(STORAGE_KEY) || null;
      } catch {
        return memoryConversationId;
      }
    },
    set(id) {
      if (typeof id !== 'string' || id === '') return;
      memoryConversationId = id;
      listenForPeople(id);
      try {
        window.localStorage.setItem(STORAGE_KEY, id);
      } catch {
        /* storage unavailable (privacy mode): keep it in memory */
      }
    },
    clear() {
      memoryConversationId = null;
      listenForPeople(null);
      try {
        window.localStorage.removeItem(STORAGE_KEY);
      } catch {
        /* ignore */
      }
    },
  };

  /* ---------------- Replies from people (after a handoff), pushed over Server-Sent Events ---------------- */

  let peopleStream = null;
  const pushedMessageIds = new Set();
  function listenForPeople(conversationId) {
    if (peopleStream && peopleStream.conversationId === conversationId) return;
    if (peopleStream) peopleStream.source.close();
    peopleStream = null;
    delete log.dataset.live;
    if (!conversationId || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/chat/${encodeURIComponent(conversationId)}/events`);
    // "open" once the server listens for this conversation's replies: data-live tells tests (and styles) so.
    source.addEventListener('open', () => {
      if (peopleStream && peopleStream.source === source) log.dataset.live = 'open';
    });
    source.addEventListener('error', () => {
      if (peopleStream && peopleStream.source === source) delete log.dataset.live;
    });
    source.addEventListener('message', (event) => {
      let data = null;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      if (!data || typeof data.text !== 'string') return;
      // Several gateways may push the same message (each found it unanswered): show it once.
      if (data.messageId) {
        if (pushedMessageIds.has(data.messageId)) return;
        pushedMessageIds.add(data.messageId);
      }
      // A person's reply, or the bot's to a message whose request was cut off (answered after a restart).
      appendToLog(createMessage(data.author === 'bot' ? 'bot' : 'agent', data.text));
    });
    peopleStream = { conversationId, source };
  }

  /* ---------------- Rendering helpers ---------------- */

  /** Sticky scrolling: follow new content only if the reader is already at (or near) the bottom. */
  function isNearBottom() {
    return log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  }

  function scrollToBottom() {
    log.scrollTop = log.scrollHeight;
  }

  /**
   * Creates a message element: <div class="message ROLE"><span class="message-author">…</span><p class="message-text">…</p></div>
   * @param {'customer'|'bot'|'system'|'error'|'greeting'} kind
   */
  function createMessage(kind, text) {
    const el = document.createElement('div');
    el.className = `message ${kind}`;
    el.dataset.testid = `message-${kind}`;

    const author = document.createElement('span');
    author.className = 'message-author';
    if (kind === 'customer') author.textContent = LABELS.customer;
    else if (kind === 'bot' || kind === 'greeting') author.textContent = LABELS.bot;
    else if (kind === 'agent') author.textContent = LABELS.agent;
    else author.textContent = LABELS.system;
    // Screen readers hear "You: …" / "Assistant: …"; the colon is only for them.
    const colon = document.createElement('span');
    colon.className = 'visually-hidden';
    colon.textContent = ':';
    author.appendChild(colon);

    const body = document.createElement('p');
    body.className = 'message-text';
    body.textContent = text || '';

    el.append(author, body);
    return el;
  }

  function appendToLog(el) {
    const follow = isNearBottom();
    log.appendChild(el);
    if (follow) scrollToBottom();
    return el;
  }

  function textOf(messageEl) {
    return messageEl.querySelector('.message-text');
  }

  function renderGreetingIfEmpty() {
    if (log.childElementCount === 0) {
      // Client-side only: never sent to the server. Deliberately not ".bot" so it is not
      // mistaken for a server reply (it has no data-complete either).
      appendToLog(createMessage('greeting', GREETING));
    }
  }

  function showTypingIndicator(botEl) {
    const typing = document.createElement('span');
    typing.className = 'typing';
    for (let i = 0; i < 3; i += 1) {
      const dot = document.createElement('span');
      dot.className = 'typing-dot';
      dot.setAttribute('aria-hidden', 'true');
      typing.appendChild(dot);
    }
    const sr = document.createElement('span');
    sr.className = 'visually-hidden';
    sr.textContent = 'Assistant is typing…';
    typing.appendChild(sr);
    textOf(botEl).appendChild(typing);
  }

  function setBotText(botEl, text) {
    const follow = isNearBottom();
    textOf(botEl).textContent = text; // also removes the typing indicator
    if (follow) scrollToBottom();
  }

  function showHandoffNotice(afterEl) {
    const notice = createMessage('system', HANDOFF_TEXT);
    notice.classList.add('handoff-notice');
    notice.dataset.testid = 'handoff-notice';
    const follow = isNearBottom();
    afterEl.after(notice);
    if (follow) scrollToBottom();
  }

  /** The bot said nothing because a person has the conversation: a status line, not an empty bubble. */
  function showWithPersonStatus(botEl) {
    const status = createMessage('system', WITH_PERSON_TEXT);
    status.classList.add('status-line');
    status.dataset.testid = 'status-line';
    botEl.replaceWith(status);
  }

  function showError(message, errorId) {
    const parts = ['Sorry, we couldn’t get a reply to your message.'];
    if (message) parts.push(String(message));
    parts.push('Your message is still in the box below, so you can try sending it again.');
    if (errorId) parts.push(`Error ID: ${String(errorId)}`);
    const el = createMessage('error', parts.join('\n'));
    el.setAttribute('role', 'alert'); // announced even while the log is busy
    if (errorId) el.dataset.errorId = String(errorId);
    appendToLog(el);
    scrollToBottom();
    return el;
  }

  /* ---------------- Busy state ---------------- */

  let busy = false;
  /** @type {AbortController|null} */
  let activeRequest = null;

  function setBusy(value, { restoreFocus = true } = {}) {
    busy = value;
    sendButton.disabled = value;
    log.setAttribute('aria-busy', value ? 'true' : 'false');
    if (!value && restoreFocus && (document.activeElement === document.body || document.activeElement === null)) {
      // The focused Send button got disabled while the reply was written: hand focus back.
      input.focus();
    }
  }

  /* ---------------- Textarea behaviour ---------------- */

  function autosize() {
    input.style.height = 'auto';
    const max = Math.round(window.innerHeight * 0.4);
    input.style.height = `${Math.min(input.scrollHeight + 2, max)}px`;
  }

  input.addEventListener('input', autosize);

  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (busy) return;
    if (typeof form.requestSubmit === 'function') form.requestSubmit(sendButton);
    else submit();
  });

  /* ---------------- Customer details ---------------- */

  function clearEmailError() {
    if (!emailInput || !emailError) return;
    emailInput.removeAttribute('aria-invalid');
    emailError.hidden = true;
    emailError.textContent = '';
  }

  if (emailInput) emailInput.addEventListener('input', clearEmailError);

  /** @returns {{ok: true, customer?: {email?: string, name?: string}} | {ok: false}} */
  function readCustomer() {
    const email = emailInput ? emailInput.value.trim() : '';
    const name = nameInput ? nameInput.value.trim() : '';
    if (email && emailInput && !emailInput.validity.valid) {
      if (details) details.open = true;
      emailInput.setAttribute('aria-invalid', 'true');
      if (emailError) {
        emailError.textContent = 'Please check your email address (for example, name@example.com), or leave it empty.';
        emailError.hidden = false;
      }
      emailInput.focus();
      return { ok: false };
    }
    const customer = {};
    if (email) customer.email = email;
    if (name) customer.name = name;
    return Object.keys(customer).length ? { ok: true, customer } : { ok: true };
  }

  /* ---------------- SSE parsing (fetch + ReadableStream; EventSource cannot POST) ---------------- */

  /** Parses one event block ("field: value" lines). Returns null for comment-only/empty blocks. */
  function parseEventBlock(block) {
    let eventName = 'message';
    const dataLines = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') eventName = value;
      else if (field === 'data') dataLines.push(value);
    }
    if (dataLines.length === 0) return null;
    const raw = dataLines.join('\n');
    let data = null;
    try {
      data = JSON.parse(raw);
    } catch {
      data = null;
    }
    return { event: eventName, data };
  }

  /**
   * Reads an SSE stream and calls onEvent(name, data) for every event.
   * onEvent may return false to stop reading early.
   */
  async function readEventStream(body, onEvent) {
    const reader = body.getReader();
    const decoder = new TextDecoder('utf-8');
    let buffer = '';
    let stopped = false;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
        // Normalise CRLF / CR line endings; keep a trailing CR until we know whether LF follows.
        let carry = '';
        if (!done && buffer.endsWith('\r')) {
          carry = '\r';
          buffer = buffer.slice(0, -1);
        }
        buffer = buffer.replace(/\r\n?/g, '\n');

        let sep;
        while ((sep = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, sep);
          buffer = buffer.slice(sep + 2);
          const evt = parseEventBlock(block);
          if (evt && onEvent(evt.event, evt.data) === false) {
            stopped = true;
            return;
          }
        }
        buffer += carry;

        if (done) {
          // A final event without the trailing blank line.
          const evt = buffer.trim() ? parseEventBlock(buffer) : null;
          if (evt) onEvent(evt.event, evt.data);
          return;
        }
      }
    } finally {
      if (stopped) reader.cancel().catch(() => {});
      else {
        try {
          reader.releaseLock();
        } catch {
          /* ignore */
        }
      }
    }
  }

  /* ---------------- Sending a message ---------------- */

  class ChatError extends Error {
    constructor(message, errorId) {
      super(message || '');
      this.errorId = errorId || '';
    }
  }

  async function readErrorBody(response) {
    let message = '';
    let errorId = '';
    try {
      const data = await response.json();
      if (data && typeof data === 'object') {
        if (typeof data.message === 'string') message = data.message;
        else if (Array.isArray(data.message)) message = data.message.join(' ');
        if (data.errorId != null) errorId = String(data.errorId);
      }
    } catch {
      /* not JSON (e.g. a proxy error page) */
    }
    if (!message) {
      if (response.status === 429) message = 'You’re sending messages a little too quickly. Please wait a moment and try again.';
      else if (response.status >= 500) message = 'Our support service is having trouble right now.';
      else message = `The request could not be completed (HTTP ${response.status}).`;
    }
    return new ChatError(message, errorId);
  }

  async function sendMessage(text, customer) {
    appendToLog(createMessage('customer', text));
    scrollToBottom();
    input.value = '';
    autosize();

    const botEl = createMessage('bot', '');
    showTypingIndicator(botEl);
    appendToLog(botEl);
    scrollToBottom();
    setBusy(true);

    const controller = new AbortController();
    activeRequest = controller;

    const turn = { text: '', completed: false, error: null };

    const handleEvent = (name, data) => {
      if (controller.signal.aborted) return false;
      const payload = data && typeof data === 'object' ? data : {};
      switch (name) {
        case 'conversation':
          conversationStore.set(payload.conversationId);
          return true;
        case 'delta':
          if (typeof payload.text === 'string' && payload.text !== '') {
            turn.text += payload.text;
            setBotText(botEl, turn.text);
          }
          return true;
        case 'reply':
          conversationStore.set(payload.conversationId);
          turn.text = typeof payload.reply === 'string' ? payload.reply : turn.text;
          turn.completed = true;
          if (!turn.text && payload.waitingFor === 'person') {
            showWithPersonStatus(botEl);
            return false;
          }
          setBotText(botEl, turn.text);
          botEl.dataset.complete = 'true';
          if (payload.handoff) showHandoffNotice(botEl);
          return false; // final event
        case 'error':
          turn.error = new ChatError(payload.message, payload.errorId);
          return false;
        default:
          return true; // unknown events (e.g. keep-alive pings) are ignored
      }
    };

    const body = { text };
    const conversationId = conversationStore.get();
    if (conversationId) body.conversationId = conversationId;
    if (customer) body.customer = customer;

    try {
      const response = await fetch(STREAM_URL, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
        signal: controller.signal,
      });

      if (!response.ok) {
        // A stored conversation the server no longer knows: start fresh on the next attempt.
        if (response.status === 404 && conversationId) conversationStore.clear();
        throw await readErrorBody(response);
      }

      const contentType = response.headers.get('content-type') || '';
      if (contentType.includes('application/json')) {
        // Defensive: a plain JSON answer shaped like POST /api/chat.
        const data = await response.json();
        if (data && typeof data === 'object') {
          handleEvent('conversation', data);
          handleEvent('reply', data);
        }
      } else if (response.body) {
        await readEventStream(response.body, handleEvent);
      }

      if (turn.error) throw turn.error;
      if (!turn.completed) {
        throw new ChatError('The connection was interrupted before the reply was finished.');
      }
    } catch (err) {
      if (controller.signal.aborted) return; // "New conversation" was pressed: nothing to report
      if (turn.text) {
        botEl.classList.add('interrupted'); // keep the partial text, but it is not complete
        botEl.dataset.complete = 'false';
      } else {
        botEl.remove();
      }
      const message =
        err instanceof ChatError
          ? err.message
          : 'We couldn’t reach our support service. Please check your internet connection.';
      showError(message, err instanceof ChatError ? err.errorId : '');
      // Keep the typed text so the customer can retry (unless they already typed something new).
      if (input.value.trim() === '') {
        input.value = text;
        autosize();
      }
    } finally {
      if (activeRequest === controller) {
        activeRequest = null;
        setBusy(false);
      }
    }
  }

  function submit() {
    if (busy) return;
    const text = input.value.trim();
    if (!text) {
      input.focus();
      return;
    }
    const result = readCustomer();
    if (!result.ok) return;
    sendMessage(text, result.customer);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });

  /* ---------------- New conversation ---------------- */

  if (newConversationButton) {
    newConversationButton.addEventListener('click', () => {
      if (activeRequest) {
        activeRequest.abort();
        activeRequest = null;
      }
      conversationStore.clear();
      log.replaceChildren();
      setBusy(false);
      renderGreetingIfEmpty();
      input.focus();
    });
  }

  /* ---------------- History after a reload ---------------- */

  const HISTORY_KINDS = { customer: 'customer', bot: 'bot', human_agent: 'agent' };

  /** Shows the stored conversation again; one the server no longer gives this browser is forgotten. */
  async function restoreHistory(conversationId) {
    setBusy(true, { restoreFocus: false });
    try {
      const response = await fetch(`/api/chat/${encodeURIComponent(conversationId)}/messages`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (response.status === 404) {
        conversationStore.clear();
        return;
      }
      if (!response.ok) return;
      const data = await response.json();
      if (conversationStore.get() !== conversationId || !data || !Array.isArray(data.messages)) return;
      for (const message of data.messages) {
        const kind = message && HISTORY_KINDS[message.author];
        if (!kind || typeof message.text !== 'string') continue;
        const el = createMessage(kind, message.text);
        if (kind === 'bot') el.dataset.complete = 'true';
        appendToLog(el);
      }
      scrollToBottom();
      listenForPeople(conversationId);
    } catch {
      /* offline: the conversation continues when the next message goes through */
    } finally {
      log.dataset.history = 'loaded';
      if (!activeRequest) setBusy(false, { restoreFocus: false });
    }
  }

  /* ---------------- Start ---------------- */

  renderGreetingIfEmpty();
  autosize();
  const storedConversationId = conversationStore.get();
  if (storedConversationId) restoreHistory(storedConversationId);
  else {
    log.dataset.history = 'loaded';
    setBusy(false, { restoreFocus: false });
  }
})();
