export { FakeDeepgram, type FakeDeepgramOptions, type SpeakRequest, startFakeDeepgram } from './fake-deepgram.server';
export { SpeechRegistry, speechBounds } from './speech.registry';
