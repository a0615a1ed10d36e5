/** `POST /v1/embeddings` body, as on the wire (snake_case). */
export interface EmbeddingsRequest {
  input: string | string[];
  model: string;
  input_type?: 'query' | 'document' | null;
  truncation?: boolean;
  output_dimension?: number | null;
  output_dtype?: string;
  encoding_format?: string | null;
}

/** `POST /v1/rerank` body. */
export interface RerankRequest {
  query: string;
  documents: string[];
  model: string;
  top_k?: number | null;
  return_documents?: boolean;
  truncation?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  /** Status the fake answered with. */
  status: number;
}

/** A scripted failure, consumed by the next valid request to `route` (or any route). */
export interface FailureStep {
  status: number;
  route?: 'embeddings' | 'rerank';
  detail?: string;
  /** Sent as `Retry-After` (seconds). */
  retryAfterSeconds?: number;
}
