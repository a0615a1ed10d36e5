import { IntentClassifier } from './intent-classifier';
import { IntentDataError } from './intent-data.error';
import { IntentExample } from './intent-example';

const toyExamples: IntentExample[] = [
  ...['book a table for two', 'reserve a table tonight', 'can I book a table for friday', 'table reservation for 4 people'].map((text) => ({
    text,
    intent: 'booking',
  })),
  ...['what time do you open', 'opening hours please', 'are you open on monday', 'when do you close today'].map((text) => ({ text, intent: 'hours' })),
  ...['do you have vegan dishes', 'is there a vegetarian menu', 'show me the menu', 'what desserts do you serve'].map((text) => ({ text, intent: 'menu' })),
];

describe(IntentClassifier.name, () => {
  const classifier = IntentClassifier.train(toyExamples);

  it.each([
    ['I want to book a table for saturday', 'booking'],
    ['what are your opening hours on sunday', 'hours'],
    ['any vegan desserts on the menu?', 'menu'],
  ])('recognises the intent of an unseen message: %s', (text, intent) => {
    expect(classifier.classify(text).intent).toBe(intent);
  });

  it('gives a probability as confidence, with the runners-up as alternatives, most likely first', () => {
    const prediction = classifier.classify('reserve a table');
    const confidences = [prediction.confidence, ...prediction.alternatives.map((alternative) => alternative.confidence)];

    expect(prediction.alternatives.map((alternative) => alternative.intent).sort()).toEqual(['hours', 'menu']);
    expect(confidences.reduce((sum, confidence) => sum + confidence, 0)).toBeCloseTo(1, 6);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
  });

  it('predicts exactly the same after saving to JSON and loading again', () => {
    const restored = IntentClassifier.fromJSON(JSON.parse(JSON.stringify(classifier)));

    for (const text of ['book me a table', 'when do you open', 'vegan menu', 'something else entirely']) {
      expect(restored.classify(text)).toEqual(classifier.classify(text));
    }
  });

  it('trains the same model from the same examples and seed', () => {
    expect(JSON.stringify(IntentClassifier.train(toyExamples))).toBe(JSON.stringify(classifier));
  });

  it('refuses to train on examples of a single intent', () => {
    expect(() => IntentClassifier.train(toyExamples.filter((example) => example.intent === 'menu'))).toThrow(IntentDataError);
  });

  it('refuses to load JSON that is not a saved classifier', () => {
    expect(() => IntentClassifier.fromJSON({ hello: 'world' } as never)).toThrow(/not a saved intent classifier/);
  });
});
