import { isSmallTalk } from './small-talk';

describe('isSmallTalk', () => {
  it.each(['Hi', 'Great, thanks for your help!', 'thank you so much', 'ok bye', "That's all, have a nice day"])('"%s" asks nothing', (text) => {
    expect(isSmallTalk(text)).toBe(true);
  });

  it.each(['Hi, where is my order?', 'thanks, but the parcel never came', 'ok what about returns', 'hello?'])('"%s" asks something', (text) => {
    expect(isSmallTalk(text)).toBe(false);
  });
});
