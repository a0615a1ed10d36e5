import { conflictingPhrases, readCues } from './consent-cue.reader';

describe('readCues', () => {
  it('reads the longest phrase it knows', () => {
    expect(readCues(['no', 'problem', 'go', 'ahead'])).toEqual(['neutral', 'action']);
  });

  it('turns the yes-words just after a negator into refusals', () => {
    expect(readCues(['i', 'never', 'said', 'yes'])).toEqual(['neutral', 'refusal', 'unknown', 'refusal']);
  });

  it('reads an action word after an article as a noun', () => {
    expect(readCues(['i', 'received', 'the', 'refund'])).toEqual(['neutral', 'elsewhere', 'neutral', 'neutral']);
  });

  it('reads a date or a time as a condition', () => {
    expect(readCues(['on', 'the', '5th', 'at', '3pm'])).toEqual(['neutral', 'neutral', 'condition', 'neutral', 'condition']);
  });

  it('reads an order number as a detail and a quantity as nothing', () => {
    expect(readCues(['w1234567', '2'])).toEqual(['elsewhere', 'neutral']);
  });

  it('lists no phrase under two different cues', () => {
    expect(conflictingPhrases()).toEqual([]);
  });
});
