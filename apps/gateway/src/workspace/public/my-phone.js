import { api, ApiError } from './api.js';

/** The person's own phone, which "Take call" rings. */
export class MyPhoneDialog {
  constructor(me) {
    this.dialog = document.getElementById('phone-dialog');
    this.input = document.getElementById('phone-number');
    this.result = document.getElementById('phone-result');
    document.getElementById('phone-button').addEventListener('click', () => {
      this.input.value = me.phone || '';
      this.show(me.phone ? '' : 'No phone number yet: add one to take calls from the queue.');
      this.dialog.showModal();
    });
    document.getElementById('phone-close').addEventListener('click', () => this.dialog.close());
    document.getElementById('phone-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const account = await api('PUT', 'me/phone', { phone: this.input.value.trim() || null });
        me.phone = account.phone;
        this.input.value = account.phone || '';
        this.show(account.phone ? `Saved: Take call rings ${account.phone}.` : 'Removed.');
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        // The message is the field's description: back on the field, it is read with it.
        this.show(error.message, { error: true });
        this.input.focus();
      }
    });
  }

  show(message, { error = false } = {}) {
    this.result.textContent = message;
    this.result.classList.toggle('form-error', error);
    if (error) this.input.setAttribute('aria-invalid', 'true');
    else this.input.removeAttribute('aria-invalid');
  }
}
