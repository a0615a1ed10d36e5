export type SentimentLabel = 'negative' | 'neutral' | 'positive';

/** The tone of one customer message; `score` runs from -1 (very negative) to 1 (very positive). */
export interface Sentiment {
  label: SentimentLabel;
  score: number;
}
