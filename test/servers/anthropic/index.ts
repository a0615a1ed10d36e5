export { type FakeAnthropic, FakeAnthropicServer, type FakeAnthropicOptions, type LatencyModel, startFakeAnthropic } from './fake-anthropic.server';
export { defaultSupportResponder, NOT_SURE_ANSWER } from './default-support.responder';
export type { DripStep, ErrorStep, HangStep, RecordedRequest, ReplyStep, Responder, ScriptStep, StallStep, StreamErrorStep } from './script-step.types';
export type { MessagesRequest, ReplyBlock, StopReason, TextReplyBlock, ToolUseReplyBlock, Usage } from './anthropic-wire.types';
export { CHARACTERS_PER_TOKEN, estimateTokens } from './token-count.estimator';
export { simulatedSupportModel } from './support-model/simulated-support.model';
export { HostileModel, type HostileMove, type ToolAnswer } from './hostile-model';
