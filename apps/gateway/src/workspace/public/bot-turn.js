import { el } from './dom.js';
import { reasonName } from './format.js';

/** What the bot did for one message, folded away until asked for. */
export function renderBotTurn(turn) {
  const gate = turn.gate.decision === 'handoff' ? `handed off (${reasonName(turn.gate.reason)})` : 'replied';
  return el(
    'details',
    { class: 'bot-turn' },
    el('summary', {}, `What the bot did: ${turn.route}, ${gate}`),
    el(
      'dl',
      { class: 'turn-facts' },
      row('Route', `${turn.route} (intent ${turn.intent}, confidence ${turn.intentConfidence.toFixed(2)})`),
      row('Gate', gate),
      row('Model', turn.model || 'embedded engine'),
      row('Cost', `$${Number(turn.costUsd).toFixed(4)}`),
      turn.totalMs !== null ? row('Time', `${Math.round(turn.totalMs)} ms`) : null,
    ),
    el('h4', {}, 'Help-center passages'),
    turn.passages.length
      ? el('ul', {}, turn.passages.map((p) => el('li', {}, `${p.title} — score ${Number(p.score).toFixed(2)}`, p.policyIds.length ? ` (${p.policyIds.join(', ')})` : '')))
      : el('p', { class: 'muted' }, 'None.'),
    el('h4', {}, 'Tools'),
    turn.tools.length
      ? el(
          'ul',
          {},
          turn.tools.map((tool) =>
            el('li', {}, el('code', {}, tool.name), tool.failed ? ' — failed' : '', el('pre', {}, `arguments: ${tool.arguments}\nresult: ${tool.result}`)),
          ),
        )
      : el('p', { class: 'muted' }, 'None.'),
  );
}

function row(name, value) {
  return el('div', {}, el('dt', {}, name), el('dd', {}, value));
}
