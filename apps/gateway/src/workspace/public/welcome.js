import { api, ApiError } from './api.js';

// The link's token travels in the fragment, which is never sent to a server; it is taken off the address at once.
const token = new URLSearchParams(window.location.hash.slice(1)).get('token') || '';
history.replaceState(null, '', window.location.pathname);

const form = document.getElementById('password-form');
const error = document.getElementById('form-error');

if (!token) error.textContent = 'This page needs the sign-in link you were given. Ask an admin for a new one.';

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  error.textContent = '';
  if (data.get('password') !== data.get('repeat')) {
    error.textContent = 'The two passwords are not the same.';
    return;
  }
  try {
    await api('POST', 'password', { token, password: data.get('password') });
    window.location.assign('/workspace');
  } catch (failure) {
    if (!(failure instanceof ApiError)) throw failure;
    error.textContent = failure.message;
  }
});
