import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readScriptedConversations } from './scripted-conversations';

const SHIPPED = join(__dirname, '..', 'data', 'support-conversations.json');
const ROUTES = ['account', 'complaint', 'faq', 'human_request', 'order_change', 'order_status', 'out_of_scope', 'return_refund'];

describe('scripted conversations (bench:cost, bench:overhead)', () => {
  it('ships at least 50 conversations over every route, most of several turns', () => {
    const conversations = readScriptedConversations(SHIPPED);

    expect(conversations.length).toBeGreaterThanOrEqual(50);
    expect([...new Set(conversations.map((c) => c.route))].sort()).toEqual(ROUTES);
    expect(new Set(conversations.map((c) => c.id)).size).toBe(conversations.length);
    expect(conversations.filter((c) => c.turns.length > 1).length).toBeGreaterThan(conversations.length / 2);
  });

  it('names the file and the entry that is not a conversation', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'scripts-')), 'bad.json');
    writeFileSync(
      file,
      JSON.stringify([
        { id: 'a', route: 'faq', turns: ['hi'] },
        { id: 'b', route: 'faq', turns: [] },
      ]),
    );

    expect(() => readScriptedConversations(file)).toThrow(`${file}: entry 1 needs a string id, a string route and a non-empty turns array of strings`);
  });
});
