import { isRetryableFailure, movesForward, toStatusCallback } from './delivery-status';

describe('delivery status', () => {
  it('only moves forward, whatever order the callbacks come in', () => {
    expect(movesForward('queued', 'sent')).toBe(true);
    expect(movesForward('delivered', 'sent')).toBe(false);
    expect(movesForward('delivered', 'delivered')).toBe(false);
    expect(movesForward('delivered', 'read')).toBe(true);
    expect(movesForward('failed', 'failed')).toBe(false);
    expect(movesForward('unknown', 'sent')).toBe(true);
  });

  it('retries temporary failures only, never opted-out or undeliverable numbers', () => {
    expect([30001, 30003, 30008].map(isRetryableFailure)).toEqual([true, true, true]);
    expect([21610, 30005, 30006, 30007, 63016].map(isRetryableFailure)).toEqual([false, false, false, false, false]);
    expect(isRetryableFailure(null)).toBe(false);
  });

  it('reads a status callback, error code included', () => {
    expect(toStatusCallback({ MessageSid: 'SMx', MessageStatus: 'undelivered', ErrorCode: '30003', ErrorMessage: 'Unreachable' }, 'dlv_1')).toEqual({
      messageSid: 'SMx',
      status: 'undelivered',
      errorCode: 30003,
      errorMessage: 'Unreachable',
      deliveryId: 'dlv_1',
    });
    expect(() => toStatusCallback({ MessageSid: 'SMx', MessageStatus: 'exploded' })).toThrow('MessageStatus');
    // Our own states are never Twilio's word.
    expect(() => toStatusCallback({ MessageSid: 'SMx', MessageStatus: 'unknown' })).toThrow('MessageStatus');
  });
});
