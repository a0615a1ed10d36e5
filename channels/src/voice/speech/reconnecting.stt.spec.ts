import { ReconnectingSpeechToText } from './reconnecting.stt';
import { Transcript } from './speech-to-text';
import { ScriptedSpeechToText } from './testing/scripted.stt';

describe(ReconnectingSpeechToText.name, () => {
  const options = { endpointingMs: 300, utteranceEndMs: 1000 };

  function setup(attempts = 3) {
    const inner = new ScriptedSpeechToText();
    const transcripts: Transcript[] = [];
    const closed: Error[] = [];
    const stt = new ReconnectingSpeechToText(inner, { attempts, backoffMs: 5, bufferMs: 1000 });
    const events = {
      onSpeechStarted: () => undefined,
      onTranscript: (t: Transcript) => transcripts.push(t),
      onUtteranceEnd: () => undefined,
      onClosed: (e: Error) => closed.push(e),
    };
    return { inner, transcripts, closed, open: () => stt.open(options, events) };
  }

  it('reopens a dropped stream, sends it the audio spoken meanwhile, and keeps times counted from the call start', async () => {
    const { inner, transcripts, open } = setup();
    const stream = await open();
    stream.send(Buffer.alloc(8000)); // 1 s
    inner.current.drop();
    stream.send(Buffer.alloc(4000)); // 0.5 s while reconnecting
    await new Promise((r) => setTimeout(r, 30));
    expect(inner.streams).toHaveLength(2);
    expect(inner.current.bytesReceived).toBe(4000);
    inner.current.hear('hello again', 0.4);
    expect(transcripts[transcripts.length - 1]).toMatchObject({ text: 'hello again', isFinal: true, endSec: 1.4 });
    await stream.close();
    expect(inner.openStreams).toBe(0);
  });

  it('gives up after the configured attempts and reports the stream closed', async () => {
    const { inner, closed, open } = setup(2);
    await open();
    inner.failNextOpens = 5;
    inner.current.drop();
    await new Promise((r) => setTimeout(r, 60));
    expect(closed).toHaveLength(1);
  });

  it('does not reconnect after close', async () => {
    const { inner, open } = setup();
    const stream = await open();
    await stream.close();
    expect(inner.streams).toHaveLength(1);
    expect(inner.openStreams).toBe(0);
  });
});
