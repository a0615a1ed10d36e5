import { extractIntentTerms } from './intent-terms.extractor';
import { SparseVector } from './sparse-vector';

export interface TfidfVocabularyJson {
  terms: string[];
  idf: number[];
}

export interface TfidfVectorizerJson {
  words: TfidfVocabularyJson;
  chars: TfidfVocabularyJson;
}

export interface TfidfFitOptions {
  /** Terms seen in fewer training messages than this are dropped; keeps large models small. */
  minDocumentFrequency: number;
}

class TfidfVocabulary {
  private readonly indexByTerm: Map<string, number>;

  constructor(
    readonly terms: string[],
    readonly idf: Float32Array,
  ) {
    this.indexByTerm = new Map(terms.map((term, index) => [term, index]));
  }

  static fit(documents: string[][], minDocumentFrequency: number): TfidfVocabulary {
    const documentFrequency = new Map<string, number>();
    for (const terms of documents) {
      for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    const kept = [...documentFrequency].filter(([, frequency]) => frequency >= minDocumentFrequency);
    // Smoothed idf, as in scikit-learn: ln((1 + n) / (1 + df)) + 1.
    const idf = Float32Array.from(kept, ([, frequency]) => Math.log((1 + documents.length) / (1 + frequency)) + 1);
    return new TfidfVocabulary(
      kept.map(([term]) => term),
      idf,
    );
  }

  /** Sublinear tf-idf weights of the known terms, L2-normalised to `norm`, keyed by index + offset. */
  weigh(terms: string[], offset: number, norm: number, into: Map<number, number>): void {
    const counts = new Map<number, number>();
    for (const term of terms) {
      const index = this.indexByTerm.get(term);
      if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    let sumOfSquares = 0;
    const weights: [number, number][] = [];
    for (const [index, count] of counts) {
      const weight = (1 + Math.log(count)) * this.idf[index];
      weights.push([index, weight]);
      sumOfSquares += weight * weight;
    }
    const scale = sumOfSquares > 0 ? norm / Math.sqrt(sumOfSquares) : 0;
    for (const [index, weight] of weights) into.set(index + offset, weight * scale);
  }

  toJSON(): TfidfVocabularyJson {
    return { terms: this.terms, idf: Array.from(this.idf) };
  }

  static fromJSON(json: TfidfVocabularyJson): TfidfVocabulary {
    return new TfidfVocabulary(json.terms, Float32Array.from(json.idf));
  }
}

/**
 * Turns a message into a TF-IDF vector over word unigrams+bigrams and character 2–5-grams. The two blocks are
 * normalised separately so that neither dominates, and together have unit length.
 */
export class TfidfVectorizer {
  private static readonly BLOCK_NORM = Math.SQRT1_2;

  private constructor(
    private readonly words: TfidfVocabulary,
    private readonly chars: TfidfVocabulary,
  ) {}

  static fit(texts: string[], options: TfidfFitOptions): TfidfVectorizer {
    const terms = texts.map(extractIntentTerms);
    return new TfidfVectorizer(
      TfidfVocabulary.fit(
        terms.map((t) => t.wordTerms),
        options.minDocumentFrequency,
      ),
      TfidfVocabulary.fit(
        terms.map((t) => t.charTerms),
        options.minDocumentFrequency,
      ),
    );
  }

  get featureCount(): number {
    return this.words.terms.length + this.chars.terms.length;
  }

  vectorize(text: string): SparseVector {
    const { wordTerms, charTerms } = extractIntentTerms(text);
    const weights = new Map<number, number>();
    this.words.weigh(wordTerms, 0, TfidfVectorizer.BLOCK_NORM, weights);
    this.chars.weigh(charTerms, this.words.terms.length, TfidfVectorizer.BLOCK_NORM, weights);
    return { indices: Uint32Array.from(weights.keys()), values: Float32Array.from(weights.values()) };
  }

  toJSON(): TfidfVectorizerJson {
    return { words: this.words.toJSON(), chars: this.chars.toJSON() };
  }

  static fromJSON(json: TfidfVectorizerJson): TfidfVectorizer {
    return new TfidfVectorizer(TfidfVocabulary.fromJSON(json.words), TfidfVocabulary.fromJSON(json.chars));
  }
}
