import { outboundClear, outboundMark, outboundMedia, parseMediaStreamMessage } from './media-stream.messages';

describe('Media Streams messages', () => {
  it("reads Twilio's start, media, mark, dtmf and stop frames, numeric fields as strings", () => {
    const start = parseMediaStreamMessage(
      '{"event":"start","sequenceNumber":"1","start":{"accountSid":"AC1","streamSid":"MZ1","callSid":"CA1","tracks":["inbound"],"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1},"customParameters":{"from":"+15035550147"}},"streamSid":"MZ1"}',
    );
    expect(start).toMatchObject({ event: 'start', start: { callSid: 'CA1', customParameters: { from: '+15035550147' } } });
    expect(
      parseMediaStreamMessage(
        '{"event":"media","sequenceNumber":"2","media":{"track":"inbound","chunk":"1","timestamp":"52","payload":"//8="},"streamSid":"MZ1"}',
      ),
    ).toMatchObject({ media: { timestamp: '52' } });
    expect(parseMediaStreamMessage('{"event":"dtmf","streamSid":"MZ1","sequenceNumber":"5","dtmf":{"track":"inbound_track","digit":"1"}}')).toMatchObject({
      dtmf: { digit: '1' },
    });
    expect(parseMediaStreamMessage('{"event":"mark","sequenceNumber":"3","streamSid":"MZ1","mark":{"name":"p1.0"}}')).toMatchObject({ mark: { name: 'p1.0' } });
    expect(parseMediaStreamMessage('{"event":"stop","sequenceNumber":"9","streamSid":"MZ1","stop":{"accountSid":"AC1","callSid":"CA1"}}')).toMatchObject({
      event: 'stop',
    });
  });

  it('ignores unknown events and malformed frames', () => {
    expect(parseMediaStreamMessage('{"event":"future-thing"}')).toBeNull();
    expect(parseMediaStreamMessage('{"event":"media","media":{}}')).toBeNull();
    expect(parseMediaStreamMessage('not json')).toBeNull();
  });

  it('writes media, mark and clear for the stream, with base64 μ-law payloads', () => {
    expect(JSON.parse(outboundMedia('MZ1', Buffer.from([0xff, 0xff])))).toEqual({ event: 'media', streamSid: 'MZ1', media: { payload: '//8=' } });
    expect(JSON.parse(outboundMark('MZ1', 'p1.0'))).toEqual({ event: 'mark', streamSid: 'MZ1', mark: { name: 'p1.0' } });
    expect(JSON.parse(outboundClear('MZ1'))).toEqual({ event: 'clear', streamSid: 'MZ1' });
  });
});
