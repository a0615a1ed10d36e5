import { Passage } from '@support/knowledge';
import { readPassage } from './passage-reader';

const passage = (text: string, section = 'Article > Section'): Passage => ({
  id: 'a#s',
  articleId: 'a',
  title: 'Article',
  section,
  text,
  policyIds: [],
  score: 1,
});
const read = (text: string, section?: string) => readPassage(passage(text, section)).map((u) => u.text);

describe('readPassage', () => {
  it('reads a table row with its column names', () => {
    expect(read('| Method | Fee |\n|---|---|\n| Standard | $5.99 |')).toEqual(['Standard (fee: $5.99).']);
  });

  it('keeps a short list together with the sentence that introduces it', () => {
    expect(read('All times are Eastern Time (ET).\n\n- Monday to Friday: 8 a.m. – 8 p.m.\n- Saturday: 9 a.m. – 5 p.m.')).toEqual([
      'All times are Eastern Time (ET). Monday to Friday: 8 a.m. – 8 p.m. Saturday: 9 a.m. – 5 p.m.',
    ]);
  });

  it('introduces a list with its heading when no sentence does', () => {
    expect(read('- Canada and Mexico\n- US territories', "Shipping > Addresses we can't ship to")).toEqual([
      "Addresses we can't ship to: Canada and Mexico. US territories.",
    ]);
  });

  it('keeps a one-word answer with the sentence that explains it', () => {
    expect(read('No. We ship only within the 50 US states and Washington, D.C. (policy POL-SHIP-USONLY).')).toEqual([
      'No. We ship only within the 50 US states and Washington, D.C. (policy POL-SHIP-USONLY).',
    ]);
  });
});
