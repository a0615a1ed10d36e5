import { calculate } from './arithmetic.calculator';

describe('calculate', () => {
  it('evaluates with precedence and parentheses, rounded to cents in Python float notation', () => {
    expect(calculate('2 + 2')).toEqual({ ok: true, value: '4.0' });
    expect(calculate('(189.99 - 150.5) * 3 / 2')).toEqual({ ok: true, value: '59.24' });
    expect(calculate('-3 + -(2)')).toEqual({ ok: true, value: '-5.0' });
  });

  it('refuses anything but arithmetic, and division by zero', () => {
    expect(calculate('process.exit(1)')).toEqual({ ok: false, message: 'invalid characters in expression' });
    expect(calculate('1 / 0')).toEqual({ ok: false, message: 'division by zero' });
    expect(calculate('(1 + 2')).toMatchObject({ ok: false });
  });
});
