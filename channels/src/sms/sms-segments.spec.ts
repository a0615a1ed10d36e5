import { countSmsSegments } from './sms-segments';

describe('countSmsSegments', () => {
  it('fits 160 GSM-7 characters in one segment and splits longer text into parts of 153', () => {
    expect(countSmsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSmsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(countSmsSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts the extension characters ^ { } [ ] ~ | € \\ as two septets', () => {
    expect(countSmsSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSmsSegments('{'.repeat(81)).segments).toBe(2);
  });

  it('switches the whole message to UCS-2 for one character outside GSM-7', () => {
    const curly = `${'a'.repeat(149)}\u2019`;
    expect(countSmsSegments(curly)).toEqual({ encoding: 'UCS-2', units: 150, segments: 3 });
    expect(countSmsSegments('é'.repeat(160)).encoding).toBe('GSM-7');
  });

  it('counts an emoji as two UCS-2 units', () => {
    expect(countSmsSegments('👍')).toEqual({ encoding: 'UCS-2', units: 2, segments: 1 });
    expect(countSmsSegments(`${'a'.repeat(69)}👍`).segments).toBe(2);
  });
});
