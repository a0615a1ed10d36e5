import { DtmfCollector } from './dtmf.collector';

describe(DtmfCollector.name, () => {
  it('ends an entry on # and starts over on *', () => {
    const entries: string[] = [];
    const collector = new DtmfCollector((d) => entries.push(d));
    for (const digit of '12*9000005#') collector.press(digit);
    expect(entries).toEqual(['9000005']);
    expect(collector.collecting).toBe(false);
  });

  it('ends an entry after a pause when the caller forgets the #', async () => {
    const entries: string[] = [];
    const collector = new DtmfCollector((d) => entries.push(d), 50);
    collector.press('4');
    collector.press('2');
    await new Promise((r) => setTimeout(r, 120));
    expect(entries).toEqual(['42']);
  });
});
