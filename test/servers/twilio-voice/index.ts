export { SimulatedCaller, type CallOptions } from './simulated-caller';
export { FakeTwilioCalls, type CallsRequest } from './fake-twilio-calls.server';
export { callerSpeech } from './caller-speech';
