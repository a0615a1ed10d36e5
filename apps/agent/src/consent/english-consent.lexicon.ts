import { ConsentCue } from './consent-cue';

/** Reasons a customer gives for a yes that contain a negation: "I don't need it anymore", "they don't fit". */
function negatedReasons(): string[] {
  const objects = ['it', 'this', 'that', 'them', 'these', 'those', 'the order', 'the item'];
  const wanting = ["don't need", "don't want", "don't use", 'do not need', 'do not want', 'no longer need', 'no longer want', 'no longer use'];
  const reasons = wanting.flatMap((verb) => objects.flatMap((object) => [`${verb} ${object} anymore`, `${verb} ${object} any more`]));
  reasons.push(...['no longer need', 'no longer needed', 'no longer want', 'no longer use'].flatMap((verb) => [verb, ...objects.map((object) => `${verb} ${object}`)]));
  reasons.push(...["doesn't", "don't", "didn't", 'does not', 'do not', 'did not'].map((negation) => `${negation} fit`));
  reasons.push('not what i ordered', 'not what i expected', 'not as described', "don't mind", 'do not mind', "wouldn't mind");
  return reasons;
}

/** English words and phrases, written as the normaliser spells them (lower case, straight apostrophes, no accents). */
export const ENGLISH_CUES: Record<ConsentCue, string[]> = {
  affirm: [
    'yes', 'yesh', 'yeah', 'yep', 'yup', 'aye', 'yessir', 'yes sir', 'yes maam', "yes ma'am", 'sure', 'sure thing', 'certainly',
    'definitely', 'absolutely', 'of course', 'ofc', 'for sure', 'course', 'totally', 'indeed', 'correct', "that's correct",
    "that's right", 'exactly', 'affirmative', 'confirm', 'confirmed', 'i confirm', 'agreed', 'agree', 'i agree',
    'sounds good', 'sounds great', 'sounds perfect', 'sounds fine', 'sounds like a plan', 'that works', 'works for me', 'fine by me',
    'fine with me', 'ok with me', 'ok by me', 'good with me', "i'm good with that", "i'm ok with that", "i'm happy with that",
    "i'm fine with that", 'happy with that', "that's what i want", "that's what i asked for", 'mhm', 'uh huh', 'emoji_yes',
    'i do', "i'm sure", 'i am sure', 'i said yes', 'please do', 'accept', 'i accept', 'approve', 'approved', 'i approve',
    'deal', 'consent', 'i consent', 'yes to that', 'yes to it', 'yes to the', 'that would be great', "that'd be great",
    'that would be lovely', "that'd be lovely", 'that would be perfect', "that'd be perfect", "i'd appreciate that",
    'i would appreciate that', 'authorize', 'authorise', 'i authorize', 'i authorise', 'permission granted',
  ],
  action: [
    'go ahead', 'go right ahead', 'go on', 'go for it', 'do it', 'do that', 'just do it', "let's do it", "let's do that", "let's go",
    'make it happen', 'make it so', 'proceed', 'carry on', 'cancel', 'return', 'exchange', 'refund',
    'replace', 'swap', 'change', 'update', 'process', 'send', 'email me', 'text me', 'start', 'book', 'end it', 'you can',
  ],
  ack: ['ok', 'alright', 'all right', 'fine', "that's fine", "it's fine", 'please', 'why not', 'y not', 'ok then', 'fine then', 'ok dokie', 'ok dokey'],
  refusal: [
    'no', 'nope', 'nah', 'naw', 'nay', 'nop', 'not', 'never', 'stop', "don't", "doesn't", "didn't", "won't", "can't", 'cannot',
    "shouldn't", "wouldn't", "haven't", "isn't", "aren't", "wasn't", 'negative', 'emoji_no', 'nevermind', 'never mind',
    'forget it', 'forget that', 'scratch that', 'changed my mind', "i've changed my mind", 'change my mind', 'keep', 'leave it',
    'leave them', 'as is', 'as it is', 'hold off', "i'll pass", 'hard pass', "i'm good", "i'm fine", "we're good", 'no way',
    'hell no', 'incorrect', 'disagree', "i don't think so", "don't think so", 'do not think so',
  ],
  hedge: [
    'maybe', 'perhaps', 'possibly', 'probably', 'prob', 'i guess', 'guess so', 'i suppose', 'suppose so', 'i think',
    'think so', 'let me think', 'let me check', 'let me see', 'need to think', 'think about it', "i'll think", 'i will think',
    "i'll see", "we'll see", 'not sure', 'unsure', 'not certain', 'kinda', 'kind of', 'sort of', 'leaning', 'leaning towards', 'probs', 'prolly', 'probly', 'reckon', 'i reckon',
    'i believe', 'believe so', 'i assume', 'assume so', 'i hope', 'hopefully', 'i feel like', 'seems like', "i'd say", 'might',
    'could be', 'up to you', 'you decide', 'you choose', 'whatever you think', 'whatever you think is best', "i don't know",
    "don't know", 'do not know', 'dunno', 'i dunno', 'idk', 'no idea', 'no clue', 'not really sure', 'on second thought',
    'second thoughts', "doesn't matter", "don't care", "don't understand", 'do not understand', "don't get it", 'confused',
    'not following', 'hm', 'hmm', 'um', 'uh', 'erm', 'eh', 'emoji_hedge',
  ],
  pause: [
    'hold it', 'hold that', 'wait', 'hold on', 'hang on', 'one sec', 'one second', 'a sec', 'a second', 'just a sec', 'a minute', 'a moment',
    'give me a minute', 'one moment', 'brb',
  ],
  sarcasm: ['jk', 'just kidding', 'kidding', 'joking', 'just joking', 'sarcasm', 'yeah_right', 'whatever', 'as if', 'if you say so', 'sure jan', 'lol sure', 'haha sure', 'lol ok', 'haha ok', 'lol yeah', 'sure lol', 'ok lol', 'oh great', 'just great', 'oh sure', 'emoji_eyeroll'],
  question: [
    'what', "what's", 'wat', 'wdym', 'wym', 'why', 'how', "how's", 'which', 'who', 'whose', 'huh', 'pardon', 'come again',
    'will i', 'will it', 'will that', 'will there', 'will my', 'will the', 'will you', 'would i', 'would it', 'would that',
    'would there', 'do i', 'do you', 'do we', 'do they', 'does it', 'does that', 'does this', 'did you', 'did it', 'is it',
    'is that', 'is there', 'is this', 'is my', 'are you', 'are there', 'am i', 'can i', 'can we', 'can it', 'could i',
    'could we', 'could it', 'should i', 'should we', 'shall i', 'shall we', 'may i', 'have you', 'has it',
  ],
  request: ['can you', 'could you', 'would you', 'can you please', 'could you please', 'would you please', 'please can you', 'please could you'],
  addOn: ['also', 'too', 'as well', 'additionally'],
  condition: [
    'but', 'if', 'unless', 'only', 'instead', 'rather', 'prefer', "i'd prefer", 'would be better', 'except', 'though',
    'although', 'however', 'first', 'second', 'third', 'last', 'after', 'before', 'once', 'until', 'till', 'til', 'when',
    'where', 'as soon as', 'soon as', 'as long as', 'so long as', 'provided', 'providing', 'assuming', 'depends',
    'depending', 'otherwise', 'in that case', 'or', 'for now', 'for the moment', 'at the moment',
    // another time
    'tomorrow', 'tonight', 'later', 'next', 'weekend', 'week', 'weeks', 'month', 'months', 'monday', 'tuesday', 'wednesday',
    'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'april', 'june', 'july', 'august', 'september',
    'october', 'november', 'december', 'in the morning', 'in the afternoon', 'in the evening',
    // another thing, place, amount or remedy
    'different', 'other', 'another', 'else', 'just the', 'only the', 'just one', 'only one', 'one of', 'both', 'all of them', 'everything', 'size', 'colour',
    'color', 'small', 'medium', 'large', 'xs', 'xl', 'xxl', 'blue', 'red', 'black', 'white', 'green', 'grey', 'gray', 'pink',
    'yellow', 'navy', 'brown', 'beige', 'purple', 'orange', 'store credit', 'gift card', 'voucher', 'coupon', 'paypal',
    'to my', 'to the', 'to a', 'to another', 'to his', 'to her', 'to our', 'office', 'work address', "mom's", "mum's", "dad's",
    'parents', 'neighbour', 'neighbor', 'street', 'st', 'road', 'rd', 'avenue', 'ave', 'lane', 'drive', 'blvd', 'apt',
    'apartment', 'suite', 'zip', 'postcode',
    // something wrong in what was proposed, or only part of it
    'wrong', 'typo', 'excluding', 'exclude', 'minus', 'without', 'apart from', 'save', 'except for',
    // someone else acting
    'myself', 'on my own', "i'll do it", 'i will do it', "i'll handle it",
  ],
  elsewhere: [
    'got', 'i got', 'i got it', 'we got', 'received', 'recieved', 'receive', 'arrived', 'came', 'delivered', 'shipped', 'sent', 'returned', 'been', 'already',
    'yesterday', 'ago', 'earlier', 'last night', 'this morning', 'i have', "i've", 'i had', 'saw', 'seen', 'read', 'ordered',
    'bought', 'paid', 'did', 'i was', 'it was', 'i know', 'i remember', 'aware', "i'm here", 'here', "that's me", "it's me",
    'this is', 'at my', 'at home', "i'm at", "it's at", 'speaking', "that's my", "that's the one", 'hear', 'my name', 'name', 'email', 'phone', 'number', 'account',
  ],
  closing: [
    'thanks', 'thank you', 'thank', 'cheers', 'bye', 'bye bye', 'goodbye', 'cya', 'see ya', 'see you', 'talk later',
    'got it', 'gotcha', 'noted', 'understood', 'i see', 'i understand', 'cool', 'great', 'perfect', 'awesome', 'nice',
    'lovely', 'brilliant', 'right', 'all good', 'good to know', 'have a good day', 'have a nice day', 'appreciate it',
    'much appreciated', 'emoji_thanks', 'lol', 'haha', 'hehe', 'lmao',
  ],
  neutral: [
    ...negatedReasons(),
    'no problem', 'no problemo', 'not a problem', 'no prob', 'no probs', 'no worries', 'no rush', 'no hurry', 'stop it',
    'hi', 'hello', 'hey', 'hiya', 'heya', 'yo', 'morning', 'good morning', 'good afternoon', 'good evening', 'there', 'team',
    'again', 'dear', 'sir', 'maam', "ma'am", 'mate', 'i', 'me', 'my', 'it', "it's", 'its', 'the', 'a', 'an', 'this', 'that',
    "that's", 'these', 'those', 'them', 'they', "they're", 'to', 'for', 'of', 'on', 'in', 'at', 'with', 'and', 'so', 'just',
    'now', 'right away', 'asap', 'order', 'wrong size', 'wrong item', 'wrong colour', 'wrong color', 'wrong product', 'wrong one', 'the wrong one', 'too small', 'too big', 'too large', 'too tight', 'item', 'all', 'really', 'very', 'much', 'so much', 'x',
    'xx', 'is', 'be', 'you', 'your', 'we', 'us', 'our', 'then', 'yet', 'actually', 'sorry', 'oh', 'well', 'ah', 'oops',
    'want', 'i want', 'would like', "i'd like", 'like', 'need', 'mistake', 'by mistake', 'one',
  ],
};
