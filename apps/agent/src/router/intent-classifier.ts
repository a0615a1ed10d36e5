import { splitForCalibration } from './calibration-split';
import { IntentDataError } from './intent-data.error';
import { IntentExample } from './intent-example';
import { SoftmaxRegression, SoftmaxRegressionJson } from './softmax-regression';
import { fitTemperature } from './temperature-calibration';
import { TfidfVectorizer, TfidfVectorizerJson } from './tfidf.vectorizer';

export interface IntentScore {
  intent: string;
  /** Softmax probability, 0..1. */
  confidence: number;
}

export interface IntentPrediction extends IntentScore {
  /** The runners-up, most likely first. */
  alternatives: IntentScore[];
}

export interface IntentClassifierTrainingOptions {
  /** Same data + same seed → same model. */
  seed: number;
  epochs: number;
  l2Penalty: number;
  initialLearningRate: number;
  minDocumentFrequency: number;
  /** How many runners-up each prediction lists. */
  alternativeCount: number;
  /**
   * Share of examples held out to calibrate confidences (temperature scaling); the final model is then trained on
   * all examples. Skipped when that leaves fewer than MIN_CALIBRATION_ROWS rows. 0 turns calibration off.
   */
  calibrationShare: number;
}

// Fewer held-out rows than this give a temperature that is mostly noise.
export const MIN_CALIBRATION_ROWS = 100;

export const DEFAULT_INTENT_CLASSIFIER_TRAINING: IntentClassifierTrainingOptions = {
  seed: 42,
  epochs: 8,
  l2Penalty: 1e-5,
  initialLearningRate: 0.5,
  minDocumentFrequency: 1,
  alternativeCount: 3,
  calibrationShare: 0.1,
};

export interface IntentClassifierJson {
  format: 'intent-classifier/v1';
  intents: string[];
  alternativeCount: number;
  temperature: number;
  vectorizer: TfidfVectorizerJson;
  model: SoftmaxRegressionJson;
}

/**
 * A local, trainable intent classifier: TF-IDF over words, word pairs and character n-grams, then multinomial
 * logistic regression. Trains in seconds on tens of thousands of examples and answers in tens of microseconds.
 */
export class IntentClassifier {
  private constructor(
    readonly intents: readonly string[],
    private readonly vectorizer: TfidfVectorizer,
    private readonly model: SoftmaxRegression,
    private readonly alternativeCount: number,
    /** Softmax temperature fitted on held-out examples; 1 when not calibrated. */
    readonly temperature: number,
  ) {}

  static train(examples: IntentExample[], options: Partial<IntentClassifierTrainingOptions> = {}): IntentClassifier {
    const settings = { ...DEFAULT_INTENT_CLASSIFIER_TRAINING, ...options };
    const intents = [...new Set(examples.map((example) => example.intent))].sort();
    if (intents.length < 2) {
      throw new IntentDataError(`training needs examples of at least 2 intents, got ${intents.length}; add labelled examples`);
    }
    const classOf = new Map(intents.map((intent, index) => [intent, index]));
    const fit = (rows: IntentExample[]) => {
      const vectorizer = TfidfVectorizer.fit(
        rows.map((row) => row.text),
        settings,
      );
      const vectors = rows.map((row) => vectorizer.vectorize(row.text));
      const labels = rows.map((row) => classOf.get(row.intent)!);
      return { vectorizer, model: SoftmaxRegression.train(vectors, labels, intents.length, vectorizer.featureCount, settings) };
    };
    let temperature = 1;
    const { fitting, calibration } = splitForCalibration(examples, settings.calibrationShare, settings.seed);
    if (calibration.length >= MIN_CALIBRATION_ROWS) {
      const probe = fit(fitting);
      temperature = fitTemperature(
        calibration.map((row) => probe.model.scores(probe.vectorizer.vectorize(row.text))),
        calibration.map((row) => classOf.get(row.intent)!),
      );
    }
    const { vectorizer, model } = fit(examples);
    return new IntentClassifier(intents, vectorizer, model, settings.alternativeCount, temperature);
  }

  classify(text: string): IntentPrediction {
    const probabilities = this.model.predictProbabilities(this.vectorizer.vectorize(text), this.temperature);
    const ranked = Array.from(probabilities, (confidence, index) => ({ intent: this.intents[index], confidence }))
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, this.alternativeCount + 1);
    const [best, ...alternatives] = ranked;
    return { intent: best.intent, confidence: best.confidence, alternatives };
  }

  toJSON(): IntentClassifierJson {
    return {
      format: 'intent-classifier/v1',
      intents: [...this.intents],
      alternativeCount: this.alternativeCount,
      temperature: this.temperature,
      vectorizer: this.vectorizer.toJSON(),
      model: this.model.toJSON(),
    };
  }

  static fromJSON(json: IntentClassifierJson): IntentClassifier {
    if (json?.format !== 'intent-classifier/v1') {
      throw new IntentDataError(`not a saved intent classifier (format "${json?.format}"); save one with IntentClassifier.toJSON()`);
    }
    const model = SoftmaxRegression.fromJSON(json.model);
    return new IntentClassifier(json.intents, TfidfVectorizer.fromJSON(json.vectorizer), model, json.alternativeCount, json.temperature);
  }
}
