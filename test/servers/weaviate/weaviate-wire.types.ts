/** The shapes of Weaviate's v1 REST bodies that this fake reads and writes. */

export type Tokenization = 'word' | 'field' | 'lowercase' | 'whitespace';

export interface PropertyDefinition {
  name: string;
  dataType: string[];
  description?: string;
  tokenization?: Tokenization;
  indexFilterable?: boolean;
  indexSearchable?: boolean;
}

export interface ClassDefinition {
  class: string;
  description?: string;
  vectorizer: string;
  vectorIndexType: string;
  vectorIndexConfig: { distance: string } & Record<string, unknown>;
  invertedIndexConfig: { bm25: { b: number; k1: number }; stopwords: { preset: string } } & Record<string, unknown>;
  multiTenancyConfig: { enabled: boolean };
  properties: PropertyDefinition[];
}

export interface StoredObject {
  class: string;
  id: string;
  properties: Record<string, unknown>;
  vector?: number[];
  creationTimeUnix: number;
  lastUpdateTimeUnix: number;
}

/** A where filter in its JSON (REST) form; the GraphQL form is read into the same shape. */
export interface WhereFilter {
  operator: string;
  operands?: WhereFilter[];
  path?: string[];
  [value: `value${string}`]: unknown;
}

/** One request as the fake received it. */
export interface RecordedWeaviateRequest {
  method: string;
  /** e.g. `/v1/batch/objects` */
  path: string;
  /** Query-string parameters, e.g. `{ consistency_level: 'ONE' }`. */
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  /** For `POST /v1/graphql`: the GraphQL document. */
  graphql?: string;
}
