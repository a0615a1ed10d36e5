import { api, ApiError } from './api.js';

const form = document.getElementById('sign-in-form');
const error = document.getElementById('form-error');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  error.textContent = '';
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    await api('POST', 'session', { email: data.get('email'), password: data.get('password') });
    window.location.assign('/workspace');
  } catch (failure) {
    if (!(failure instanceof ApiError)) throw failure;
    error.textContent = failure.message;
    document.getElementById('password').focus();
  } finally {
    button.disabled = false;
  }
});
