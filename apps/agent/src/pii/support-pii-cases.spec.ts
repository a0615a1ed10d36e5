import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PiiType } from './pii-entity';
import { PiiRedactor } from './pii-redactor';

interface GoldSpan {
  start: number;
  end: number;
  type: string;
  value: string;
}

interface SupportPiiCase {
  id: string;
  text: string;
  spans: GoldSpan[];
}

/** The cases name types as Presidio does, like the benchmark data. */
const CASE_TYPE: Record<PiiType, string> = {
  EMAIL: 'EMAIL_ADDRESS',
  PHONE: 'PHONE_NUMBER',
  CARD: 'CREDIT_CARD',
  IBAN: 'IBAN_CODE',
  SSN: 'US_SSN',
  GOV_ID: 'US_DRIVER_LICENSE',
  IP: 'IP_ADDRESS',
};

const cases: SupportPiiCase[] = readFileSync(join(__dirname, 'support-pii-cases.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));

describe(`${PiiRedactor.name} on support messages`, () => {
  const redactor = new PiiRedactor();

  it.each(cases.filter((c) => c.spans.length > 0).map((c) => [c.id, c.text, c]))('%s: hides every piece of personal data in %j', (_, __, piiCase) => {
    const { text, entities } = redactor.redact(piiCase.text);
    const found = entities.map((entity) => ({ type: CASE_TYPE[entity.type], value: piiCase.text.slice(entity.start, entity.end) }));
    expect(found).toEqual(piiCase.spans.map(({ type, value }) => ({ type, value })));
    for (const span of piiCase.spans) expect(text).not.toContain(span.value);
  });

  it.each(cases.filter((c) => c.spans.length === 0).map((c) => [c.id, c.text]))('%s: leaves %j as it is', (_, message) => {
    expect(redactor.redact(message).text).toBe(message);
  });
});
