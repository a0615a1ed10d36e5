import { roundCents } from '../orders/retail/money';

const ALLOWED = /^[0-9+\-*/(). ]*$/;

/**
 * Evaluates the `calculate` tool's expressions (numbers, + - * /, parentheses) without `eval`, and answers
 * as τ-bench does: the value rounded to two decimals, in Python's float notation ("4.0", "12.35").
 */
export function calculate(expression: string): { ok: true; value: string } | { ok: false; message: string } {
  if (!ALLOWED.test(expression)) return { ok: false, message: 'invalid characters in expression' };
  try {
    const parser = new ExpressionParser(expression.replace(/ /g, ''));
    const value = parser.parse();
    if (!Number.isFinite(value)) return { ok: false, message: 'division by zero' };
    const rounded = roundCents(value);
    return { ok: true, value: Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** expression := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*; factor := ('+'|'-') factor | number | '(' expression ')'. */
class ExpressionParser {
  private at = 0;

  constructor(private readonly text: string) {}

  parse(): number {
    const value = this.expression();
    if (this.at < this.text.length) throw new Error(`unexpected '${this.text[this.at]}' at position ${this.at + 1}`);
    return value;
  }

  private expression(): number {
    let value = this.term();
    while (this.peek() === '+' || this.peek() === '-') value = this.text[this.at++] === '+' ? value + this.term() : value - this.term();
    return value;
  }

  private term(): number {
    let value = this.factor();
    while (this.peek() === '*' || this.peek() === '/') value = this.text[this.at++] === '*' ? value * this.factor() : value / this.factor();
    return value;
  }

  private factor(): number {
    const next = this.peek();
    if (next === '+' || next === '-') {
      this.at++;
      return next === '-' ? -this.factor() : this.factor();
    }
    if (next === '(') {
      this.at++;
      const value = this.expression();
      if (this.peek() !== ')') throw new Error('missing closing parenthesis');
      this.at++;
      return value;
    }
    const match = /^(\d+\.?\d*|\.\d+)/.exec(this.text.slice(this.at));
    if (!match) throw new Error(next ? `unexpected '${next}' at position ${this.at + 1}` : 'unexpected end of expression');
    this.at += match[0].length;
    return Number(match[0]);
  }

  private peek(): string | undefined {
    return this.text[this.at];
  }
}
