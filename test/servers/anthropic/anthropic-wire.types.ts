/** The slice of the Messages API wire format the fake server reads and writes. */

export interface CacheControl {
  type: 'ephemeral';
  ttl?: '5m' | '1h';
}

export interface RequestContentBlock {
  type: string;
  text?: string;
  id?: string;
  name?: string;
  input?: unknown;
  tool_use_id?: string;
  content?: string | RequestContentBlock[];
  is_error?: boolean;
  cache_control?: CacheControl | null;
  [field: string]: unknown;
}

export interface RequestMessage {
  role: 'user' | 'assistant' | 'system';
  content: string | RequestContentBlock[];
}

export interface RequestTool {
  name: string;
  description?: string;
  input_schema?: { type?: string; properties?: Record<string, unknown>; required?: string[] };
  cache_control?: CacheControl | null;
  [field: string]: unknown;
}

export interface MessagesRequest {
  model: string;
  max_tokens: number;
  messages: RequestMessage[];
  system?: string | RequestContentBlock[];
  tools?: RequestTool[];
  stream?: boolean;
  cache_control?: CacheControl | null;
  [field: string]: unknown;
}

export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'pause_turn' | 'refusal' | 'model_context_window_exceeded';

export interface TextReplyBlock {
  type: 'text';
  text: string;
}

export interface ToolUseReplyBlock {
  type: 'tool_use';
  name: string;
  input: unknown;
  /** Generated as `toolu_…` when absent. */
  id?: string;
}

export type ReplyBlock = TextReplyBlock | ToolUseReplyBlock;

export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  service_tier: 'standard';
}

export type InputUsage = Omit<Usage, 'output_tokens' | 'service_tier'>;

export type ResponseContentBlock =
  { type: 'text'; text: string; citations: null } | { type: 'tool_use'; id: string; name: string; input: unknown; caller: { type: 'direct' } };

export interface ResponseMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: ResponseContentBlock[];
  stop_reason: StopReason | null;
  stop_sequence: null;
  stop_details: null;
  container: null;
  usage: Usage;
}

export interface ApiErrorDescription {
  status: number;
  type: string;
  message?: string;
}
