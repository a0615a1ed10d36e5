import { api, ApiError } from './api.js';
import { el } from './dom.js';

/** Admins only: who is on the team, and adding someone (their one-time sign-in link is shown to pass on). */
export class TeamDialog {
  constructor(team) {
    this.team = team;
    this.dialog = document.getElementById('team-dialog');
    this.list = document.getElementById('team-list');
    this.result = document.getElementById('team-result');
    const openButton = document.getElementById('team-button');
    openButton.hidden = false;
    openButton.addEventListener('click', () => {
      this.render();
      this.dialog.showModal();
    });
    document.getElementById('team-close').addEventListener('click', () => this.dialog.close());
    document.getElementById('team-form').addEventListener('submit', (event) => this.add(event));
  }

  render() {
    this.list.replaceChildren(...this.team.map((a) => el('li', {}, `${a.email} — ${a.role}${a.hasPassword ? '' : ' (invited, no password yet)'}`)));
  }

  async add(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      const invitation = await api('POST', 'accounts', { email: form.get('email'), role: form.get('role') });
      this.team.push(invitation.account);
      this.render();
      event.target.reset();
      this.result.replaceChildren(
        `Added ${invitation.account.email}. Send them this one-time sign-in link (valid for 72 hours): `,
        el('input', { type: 'text', readonly: true, value: invitation.signInLink, 'aria-label': 'Sign-in link', class: 'link-box' }),
      );
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.result.textContent = error.message;
    }
  }
}
