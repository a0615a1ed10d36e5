import { Anomaly } from './channel-figures';
import { anomalyLines } from './faults-report';

const lost = (n: number): Anomaly => ({
  channel: 'whatsapp',
  id: `SMbench${n}`,
  customer: `whatsapp:+1503555${String(n).padStart(4, '0')}`,
  attempts: 2,
  acknowledged: true,
  stored: 1,
  answers: 0,
  lastError: 'ECONNRESET',
});

describe('the fault bench report of messages not answered exactly once', () => {
  it('lists every one with its id, channel, customer, tries and last error', () => {
    const found = Array.from({ length: 40 }, (_, n) => lost(n));
    const lines = anomalyLines(found).split('\n');
    expect(lines).toHaveLength(40);
    expect(lines[39]).toBe('  whatsapp SMbench39 (whatsapp:+15035550039): never answered; acknowledged after 2 tries, stored 1x, last error ECONNRESET');
  });

  it('adds what the product recorded of it, when its database could be read', () => {
    const twice = { ...lost(1), channel: 'sms' as const, customer: '+15035550001', answers: 2 };
    const trace = { turns: ['reply'], inbox: { attempts: 2, handled: true, lastError: 'connection terminated' }, deliveries: ['1 unknown', '2 sent'] };
    expect(anomalyLines([twice], new Map([[twice, trace]]))).toBe(
      '  sms SMbench1 (+15035550001): answered 2 times; acknowledged after 2 tries, stored 1x, last error ECONNRESET\n' +
        '    product: agent turns [reply]; webhook handled 2x, finished (last error connection terminated); sends [1 unknown; 2 sent]',
    );
  });
});
