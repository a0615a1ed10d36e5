import type { ResponseMessage } from './anthropic-wire.types';

export interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
  /** Text or JSON carried by a delta, for pacing; empty for structural events. */
  deltaText: string;
}

const WORDS_PER_TEXT_DELTA = 3;
const CHARACTERS_PER_JSON_DELTA = 12;

/** The SSE sequence of §3 for one finished message: start, ping, blocks, delta with cumulative usage, stop. */
export function messageToStreamEvents(message: ResponseMessage): StreamEvent[] {
  const { input_tokens, cache_creation_input_tokens, cache_read_input_tokens } = message.usage;
  const events: StreamEvent[] = [
    structural('message_start', {
      message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } },
    }),
    structural('ping', {}),
  ];
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push(structural('content_block_start', { index, content_block: { type: 'text', text: '', citations: null } }));
      for (const text of splitText(block.text)) events.push(delta(index, { type: 'text_delta', text }, text));
    } else {
      events.push(structural('content_block_start', { index, content_block: { ...block, input: {} } }));
      for (const partial_json of splitJson(JSON.stringify(block.input))) {
        events.push(delta(index, { type: 'input_json_delta', partial_json }, partial_json));
      }
    }
    events.push(structural('content_block_stop', { index }));
  });
  events.push(
    structural('message_delta', {
      delta: { stop_reason: message.stop_reason, stop_sequence: null, stop_details: null, container: null },
      usage: { output_tokens: message.usage.output_tokens, input_tokens, cache_creation_input_tokens, cache_read_input_tokens },
    }),
    structural('message_stop', {}),
  );
  return events;
}

function structural(type: string, fields: Record<string, unknown>): StreamEvent {
  return { event: type, data: { type, ...fields }, deltaText: '' };
}

function delta(index: number, body: Record<string, unknown>, deltaText: string): StreamEvent {
  return { event: 'content_block_delta', data: { type: 'content_block_delta', index, delta: body }, deltaText };
}

function splitText(text: string): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [''];
  const chunks: string[] = [];
  for (let start = 0; start < words.length; start += WORDS_PER_TEXT_DELTA) {
    chunks.push(words.slice(start, start + WORDS_PER_TEXT_DELTA).join(''));
  }
  return chunks;
}

/** The API opens tool input with an empty fragment, then streams the JSON in pieces. */
function splitJson(json: string): string[] {
  const fragments = [''];
  for (let start = 0; start < json.length; start += CHARACTERS_PER_JSON_DELTA) {
    fragments.push(json.slice(start, start + CHARACTERS_PER_JSON_DELTA));
  }
  return fragments;
}
