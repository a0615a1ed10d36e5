import { keywordAction } from './opt-out.keywords';

describe('keywordAction', () => {
  it.each(['STOP', 'stop', ' Stop. ', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'])('reads %j as an opt-out', (body) => {
    expect(keywordAction(body)).toBe('stop');
  });

  it.each(['START', 'yes', 'Unstop'])('reads %j as an opt-in', (body) => {
    expect(keywordAction(body)).toBe('start');
  });

  it.each(['HELP', 'info'])('reads %j as a request for help', (body) => {
    expect(keywordAction(body)).toBe('help');
  });

  it('only matches the whole message, as carriers do', () => {
    expect(keywordAction('please stop sending me the wrong size')).toBeNull();
    expect(keywordAction('help me with my order')).toBeNull();
  });

  it("follows Twilio's OptOutType when Advanced Opt-Out sends it (custom keywords)", () => {
    expect(keywordAction('ARRET', 'STOP')).toBe('stop');
    expect(keywordAction('Hello', undefined)).toBeNull();
  });
});
