/** Words that flip the valence of a sentiment word up to three tokens after them ("not happy", "never helpful"). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'nowhere', 'without', 'hardly', 'barely', 'cannot',
  "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "can't", "couldn't",
  "shouldn't", "haven't", "hasn't", "hadn't", "ain't", 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent',
  'wont', 'wouldnt', 'cant', 'couldnt', 'shouldnt', 'havent', 'hasnt', 'hadnt', 'aint',
]);

/** Words that strengthen the next sentiment word ("absolutely useless", "so grateful"), with profanity used as emphasis. */
export const INTENSIFIERS: ReadonlySet<string> = new Set([
  'absolutely', 'completely', 'totally', 'utterly', 'extremely', 'incredibly', 'really', 'very', 'so', 'super', 'truly',
  'seriously', 'highly', 'deeply', 'entirely', 'especially', 'exceptionally', 'extraordinarily', 'hugely', 'most',
  'particularly', 'purely', 'quite', 'remarkably', 'such', 'too', 'unbelievably', 'insanely', 'beyond', 'way', 'majorly',
  'fucking', 'freaking', 'frickin', 'effing', 'bloody',
]);

/** Words that soften the next sentiment word ("a bit slow", "slightly annoyed"). */
export const DAMPENERS: ReadonlySet<string> = new Set([
  'slightly', 'somewhat', 'kinda', 'kind', 'sort', 'sorta', 'bit', 'little', 'fairly', 'marginally', 'partly', 'almost',
  'occasionally', 'rather', 'mildly',
]);
