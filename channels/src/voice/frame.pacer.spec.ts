import { FramePacer, PacedItem } from './frame.pacer';

describe(FramePacer.name, () => {
  it('sends frames in real time after a short lead, with marks right after the audio before them', async () => {
    const sent: Array<{ item: PacedItem; at: number }> = [];
    const pacer = new FramePacer((item) => sent.push({ item, at: performance.now() }), { leadMs: 40 });
    const start = performance.now();
    pacer.enqueueFrames(Array.from({ length: 15 }, () => Buffer.alloc(160)));
    pacer.enqueueMark('end');
    await new Promise((r) => setTimeout(r, 400));
    const frames = sent.filter((s) => s.item.kind === 'frame');
    expect(frames).toHaveLength(15);
    expect(sent[sent.length - 1].item).toEqual({ kind: 'mark', name: 'end' });
    // 15 frames = 300 ms of audio, sent 40 ms ahead: the last goes out at about 240 ms, not at once.
    expect(frames[14].at - start).toBeGreaterThan(200);
    expect(frames[2].at - start).toBeLessThan(30);
  });

  it('drops queued audio on clear and reports the marks that will never be sent', async () => {
    const sent: PacedItem[] = [];
    const pacer = new FramePacer((item) => sent.push(item), { leadMs: 0 });
    pacer.enqueueFrames(Array.from({ length: 50 }, () => Buffer.alloc(160)));
    pacer.enqueueMark('sentence-1');
    await new Promise((r) => setTimeout(r, 100));
    expect(pacer.clear()).toEqual(['sentence-1']);
    const count = sent.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(sent.length).toBe(count);
    expect(count).toBeLessThan(10);
    expect(pacer.idle).toBe(true);
  });
});
