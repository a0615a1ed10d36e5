import { SeededRandom } from './seeded-random';
import { SparseVector } from './sparse-vector';

export interface SoftmaxTrainingOptions {
  epochs: number;
  /** L2 penalty per training step; larger means smoother, less confident models. */
  l2Penalty: number;
  initialLearningRate: number;
  seed: number;
}

export interface SoftmaxRegressionJson {
  classCount: number;
  featureCount: number;
  /** Little-endian float32 weights, feature-major, base64: a JSON number array would be ~4× larger. */
  weightsBase64: string;
  biases: number[];
}

// Classes this unlikely get no update for a step; it barely changes the model and saves most of the work.
const NEGLIGIBLE_GRADIENT = 1e-4;

/** Multinomial logistic regression over sparse vectors, trained by SGD with L2 decay. */
export class SoftmaxRegression {
  private constructor(
    readonly classCount: number,
    readonly featureCount: number,
    /** weights[feature * classCount + class] */
    private readonly weights: Float32Array,
    private readonly biases: Float64Array,
  ) {}

  static train(vectors: SparseVector[], labels: number[], classCount: number, featureCount: number, options: SoftmaxTrainingOptions): SoftmaxRegression {
    const weights = new Float32Array(featureCount * classCount);
    const biases = new Float64Array(classCount);
    const probabilities = new Float64Array(classCount);
    const order = vectors.map((_, index) => index);
    const random = new SeededRandom(options.seed);
    const { l2Penalty, initialLearningRate } = options;
    // The weights are stored as scale × weights, so L2 decay is one multiplication per step instead of a pass over all weights.
    let scale = 1;
    let step = 0;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      random.shuffle(order);
      for (const row of order) {
        const { indices, values } = vectors[row];
        const learningRate = initialLearningRate / (1 + initialLearningRate * l2Penalty * step++);
        scoreInto(probabilities, weights, biases, classCount, indices, values, scale);
        softmaxInPlace(probabilities);
        probabilities[labels[row]] -= 1;
        scale *= 1 - learningRate * l2Penalty;
        if (scale < 1e-6) {
          for (let index = 0; index < weights.length; index++) weights[index] *= scale;
          scale = 1;
        }
        for (let entry = 0; entry < indices.length; entry++) {
          const base = indices[entry] * classCount;
          const stepSize = (learningRate * values[entry]) / scale;
          for (let cls = 0; cls < classCount; cls++) {
            const gradient = probabilities[cls];
            if (gradient > NEGLIGIBLE_GRADIENT || gradient < -NEGLIGIBLE_GRADIENT) weights[base + cls] -= stepSize * gradient;
          }
        }
        for (let cls = 0; cls < classCount; cls++) biases[cls] -= learningRate * probabilities[cls];
      }
    }
    for (let index = 0; index < weights.length; index++) weights[index] *= scale;
    return new SoftmaxRegression(classCount, featureCount, weights, biases);
  }

  /** Raw class scores (logits) for one vector. */
  scores(vector: SparseVector): Float64Array {
    const scores = new Float64Array(this.classCount);
    scoreInto(scores, this.weights, this.biases, this.classCount, vector.indices, vector.values, 1);
    return scores;
  }

  /** Class probabilities for one vector; a temperature above 1 softens them, below 1 sharpens them. */
  predictProbabilities(vector: SparseVector, temperature = 1): Float64Array {
    const scores = this.scores(vector);
    if (temperature !== 1) for (let cls = 0; cls < this.classCount; cls++) scores[cls] /= temperature;
    return softmaxInPlace(scores);
  }

  toJSON(): SoftmaxRegressionJson {
    return {
      classCount: this.classCount,
      featureCount: this.featureCount,
      weightsBase64: Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength).toString('base64'),
      biases: Array.from(this.biases),
    };
  }

  static fromJSON(json: SoftmaxRegressionJson): SoftmaxRegression {
    const bytes = Buffer.from(json.weightsBase64, 'base64');
    const weights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    if (weights.length !== json.classCount * json.featureCount || json.biases.length !== json.classCount) {
      throw new Error(`model weights do not match ${json.featureCount} features × ${json.classCount} classes; the saved model is damaged`);
    }
    return new SoftmaxRegression(json.classCount, json.featureCount, weights, Float64Array.from(json.biases));
  }
}

function scoreInto(
  scores: Float64Array,
  weights: Float32Array,
  biases: Float64Array,
  classCount: number,
  indices: Uint32Array,
  values: Float32Array,
  scale: number,
): void {
  scores.set(biases);
  for (let entry = 0; entry < indices.length; entry++) {
    const base = indices[entry] * classCount;
    const value = values[entry] * scale;
    for (let cls = 0; cls < classCount; cls++) scores[cls] += weights[base + cls] * value;
  }
}

function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const score of scores) if (score > max) max = score;
  let sum = 0;
  for (let cls = 0; cls < scores.length; cls++) {
    scores[cls] = Math.exp(scores[cls] - max);
    sum += scores[cls];
  }
  for (let cls = 0; cls < scores.length; cls++) scores[cls] /= sum;
  return scores;
}
