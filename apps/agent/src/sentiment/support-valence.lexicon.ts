/**
 * Valence of single words on VADER's scale (-4 very negative .. +4 very positive), written for customer-support
 * messages: complaints about orders, delivery, billing and the service itself, and the thanks that close a case.
 */
export const WORD_VALENCE: ReadonlyMap<string, number> = new Map(Object.entries({
  // service failure and frustration
  useless: -2.6, pointless: -2, worthless: -2.6, hopeless: -2.2, incompetent: -2.8, unacceptable: -2.8, ridiculous: -2.3,
  absurd: -2, outrageous: -2.6, pathetic: -2.8, joke: -1.2, clueless: -2, unhelpful: -2.2, unprofessional: -2.4,
  rude: -2.3, ignored: -2, ignoring: -1.9, ignore: -1.2, unreliable: -2, disappointing: -2.2, disappointed: -2.3,
  disappointment: -2.2, frustrated: -2.3, frustrating: -2.3, frustration: -2.2, annoyed: -2, annoying: -2, annoyance: -1.8,
  angry: -2.5, furious: -3.2, livid: -3.2, mad: -2.2, upset: -2.1, fed: -0.8, sick: -1.6, tired: -1.2, unhappy: -2.2,
  dissatisfied: -2.2, unsatisfied: -1.8, complaint: -1.4, complain: -1.3, complaining: -1.2, scam: -3, scammed: -3,
  fraud: -2.8, fraudulent: -2.8, rip: -1, ripoff: -2.8, stolen: -2.2, steal: -2, stealing: -2.3, lied: -2.4, lie: -1.9,
  lies: -2.1, liar: -2.8, lying: -2.4, misleading: -2.1, nightmare: -2.8, disaster: -2.8, disgrace: -2.8, disgraceful: -2.9,
  shameful: -2.6, shame: -1.8, awful: -2.9, terrible: -2.9, horrible: -2.9, horrendous: -3, atrocious: -3.1, worst: -3.1,
  worse: -2.1, bad: -2.2, poor: -2, poorly: -1.9, appalling: -3, abysmal: -3, dreadful: -2.7, lousy: -2.4, shoddy: -2.3,
  crappy: -2.6, garbage: -2.6, trash: -2.3, junk: -2.1, waste: -1.8, wasted: -2, wasting: -1.9,
  broken: -1.9, broke: -1.6, damaged: -1.9, defective: -2.1, faulty: -2, cracked: -1.5, missing: -1.3, wrong: -1.7,
  error: -1.2, errors: -1.2, failed: -1.8, fail: -1.9, fails: -1.8, failing: -1.8, failure: -2.1, bug: -1, buggy: -1.8,
  glitch: -1.2, crash: -1.6, crashes: -1.7, crashing: -1.7, stuck: -1.5, lost: -1.4, late: -1.2, delayed: -1.4,
  delay: -1.2, delays: -1.3, overcharged: -2.3, charged: -0.6, double: -0.2, unauthorized: -2, refused: -1.8,
  denied: -1.7, cancelled: -0.8, canceled: -0.8, refund: -0.6, ripped: -2.3, impossible: -1.6, problem: -1.3,
  problems: -1.4, issue: -1, issues: -1.1, trouble: -1.6, hassle: -1.8, mess: -1.9, messed: -2, confused: -1.2,
  confusing: -1.4, slow: -1.2, sloppy: -1.9, careless: -1.9, inconvenience: -1.5, inconvenient: -1.5, unfortunately: -1.1,
  sadly: -1.3, sad: -2.1, unfair: -2.1, anymore: -0.3, ugh: -1.8, argh: -1.9, seriously: -0.4,
  hate: -2.7, hated: -2.6, hates: -2.6, hating: -2.5, regret: -2, regrets: -1.9, worried: -1.6, worry: -1.3,
  concerned: -1, afraid: -1.8, scared: -1.9, fear: -2, hurt: -2.1, pain: -2.2, painful: -2.3, suck: -2.4, sucks: -2.6,
  sucked: -2.4, stupid: -2.4, idiot: -2.9, idiots: -2.9, dumb: -2.3, fool: -2, fools: -2.1, nonsense: -1.9,
  // profanity
  fuck: -3, fucked: -3, fuckin: -1, shit: -2.6, shitty: -2.8, bullshit: -3, crap: -2.4, damn: -1.5, dammit: -1.9,
  wtf: -2.6, hell: -1.6, bs: -2, screw: -1.8, screwed: -2.3, pissed: -2.9, piss: -2, bastard: -3, bastards: -3,
  // general tone words common in short messages
  kill: -2.5, killed: -2.6, dead: -2.2, die: -2.3, death: -2.8, war: -2.6, attack: -2.1, attacks: -2, bomb: -2.3,
  terror: -2.9, terrorist: -3, evil: -3, racist: -3, violence: -3, crime: -2.5, murder: -3.3, cry: -1.9, crying: -2.1,
  lonely: -2, depressed: -2.6, depressing: -2.3, boring: -1.3, bored: -1.1, fake: -1.7, disgusting: -3, gross: -2.1,
  sorry: -0.3, miss: -0.8, missed: -0.9, cold: -0.4, ill: -1.6, dying: -2.3, sadness: -2.2, loss: -1.6, losing: -1.5,
  lose: -1.3, blame: -1.6, blamed: -1.8, protest: -1, against: -0.5, threat: -2.3, angrier: -2.6, anger: -2.7,

  // resolution, gratitude and praise
  thanks: 1.9, thank: 1.6, thx: 1.7, ty: 1.5, cheers: 1.4, appreciated: 2.2, appreciate: 2, grateful: 2.4,
  gratitude: 2.3, solved: 1.8, resolved: 1.8, fixed: 1.7, sorted: 1.3, works: 1, worked: 1.2,
  helpful: 2, helped: 1.6, quick: 1, quickly: 1, fast: 1, prompt: 1.2, promptly: 1.3, smooth: 1.4,
  easy: 1.6, easily: 1.4, efficient: 1.8, reliable: 1.7, professional: 1.6, friendly: 2.2, patient: 1.5,
  polite: 1.7, courteous: 1.8, great: 3.1, good: 1.9, nice: 1.8, fine: 0.8, ok: 0.9, okay: 0.9, cool: 1.3,
  excellent: 3.2, amazing: 2.8, awesome: 3.1, fantastic: 2.6, wonderful: 2.7, brilliant: 2.8, perfect: 2.7,
  perfectly: 2.4, superb: 3, outstanding: 3, impressive: 2.3, impressed: 2.1, love: 3.2, loved: 2.9, loves: 2.7,
  lovely: 2.8, liked: 1.8, enjoy: 2.2, enjoyed: 2.3, happy: 2.7, happier: 2.4, glad: 2, pleased: 1.9,
  delighted: 2.9, satisfied: 1.8, relieved: 1.6, relief: 1.6, best: 3.2, better: 1.9, beautiful: 2.9, recommend: 1.5,
  recommended: 1.6, exactly: 0.5, yay: 2.4, woohoo: 2.3, wow: 2.3, congrats: 2.4, congratulations: 2.9, lucky: 1.8,
  fun: 2.3, funny: 1.9, excited: 2.1, exciting: 2.2, hope: 1.9, hoping: 1.6, hopefully: 1.7, proud: 2.1, win: 2.8,
  won: 2.7, winning: 2.4, success: 2.7, successful: 2.8, luck: 2, blessed: 2.9, smile: 1.5, laugh: 1.7, lol: 1.8,
  haha: 2, hahaha: 2.1, safe: 1.9, free: 1.1, special: 1.7, favorite: 2, favourite: 2, sweet: 2, welcome: 2,
  cute: 2, interesting: 1.7, fair: 1.3, supportive: 1.7, agree: 1.5, yes: 1.7, ready: 1.3, celebrate: 2.5,
  birthday: 1.4, party: 1.7, honor: 2.2, peace: 2.5, incredible: 2.5, epic: 2.5, legend: 2.2, genius: 2.5,
  hero: 2.6, heroes: 2.5, tonight: 0.4, weekend: 0.8, tomorrow: 0.2,
}));

/**
 * Multi-word expressions whose tone differs from their words ("no problem", "thanks for nothing") or that carry the
 * tone of a repeat contact ("third time", "still waiting"), which is what makes a support customer angry.
 */
export const PHRASE_VALENCE: ReadonlyMap<string, number> = new Map(Object.entries({
  'third time': -2.2, 'fourth time': -2.5, 'fifth time': -2.7, 'second time': -1.3, 'how many times': -2.3,
  'again and again': -2, 'over and over': -2, 'still waiting': -2.1, 'still no': -1.8, "still haven't": -1.8,
  'still havent': -1.8, 'still nothing': -2, 'no response': -2, 'no reply': -2, 'no answer': -1.7, 'no one': -1.4,
  'no update': -1.5, 'no updates': -1.5, 'no help': -2.2, 'not working': -2, "isn't working": -2, "doesn't work": -2,
  "didn't work": -1.9, "won't work": -1.8, 'does not work': -2, 'did not work': -1.9, 'not work': -1.8,
  'never arrived': -2.2, 'never received': -2.2, 'never got': -1.9, "haven't received": -1.6, 'not received': -1.6,
  'not arrived': -1.6, "hasn't arrived": -1.7, "can't log in": -1.5, "can't login": -1.5, 'waste of time': -2.6,
  'waste of money': -2.6, 'thanks for nothing': -2.6, 'fed up': -2.4, 'sick of': -2.3, 'sick and tired': -2.8,
  'had enough': -2.2, 'speak to a manager': -1.8, 'speak to someone': -0.8, 'talk to a human': -1.2,
  'real person': -0.8, 'rip off': -2.8, 'ripped off': -2.8, 'charged twice': -2, 'double charged': -2,
  'cancel my account': -1.2, 'cancel my subscription': -0.8, 'what the hell': -2.4, 'what the fuck': -3,
  'for weeks': -1.2, 'for days': -0.9, 'for months': -1.5, 'not acceptable': -2.6, 'not ok': -1.6, 'not okay': -1.6,
  'no problem': 1.5, 'no problems': 1.2, 'no worries': 1.6, 'no issues': 1.1, 'not a problem': 1.4,
  'thank you': 2.2, 'thank u': 2, 'thanks so much': 2.8, 'thank you so much': 3, 'many thanks': 2.5, 'much appreciated': 2.6,
  'works now': 2, 'working now': 2, 'works perfectly': 2.8, 'fixed it': 2.1, 'solved it': 2.2, 'sorted it': 1.9,
  'all good': 2, 'so kind': 2.2, 'kind of you': 2.2, 'very kind': 2.2, 'you rock': 2.8, 'well done': 2.5, 'spot on': 2.3, 'made my day': 3, 'above and beyond': 2.9,
  "can't wait": 2.3, 'cant wait': 2.3, 'looking forward': 1.9, 'good luck': 2.2, 'happy birthday': 2.6,
}));

/** Emoji and emoticons; customers often say with one symbol what they do not write out. */
export const SYMBOL_VALENCE: ReadonlyMap<string, number> = new Map(Object.entries({
  '😡': -3.2, '🤬': -3.4, '😠': -2.8, '😤': -2.2, '👿': -2.8, '💢': -2.2, '😞': -2.2, '😔': -1.8, '😟': -1.8, '🙁': -1.6,
  '☹': -1.8, '😢': -2.2, '😭': -2.3, '😩': -2.1, '😫': -2.1, '😒': -1.8, '🙄': -1.6, '😑': -1, '😐': -0.4, '🤦': -1.9,
  '👎': -2.2, '💩': -2.2, '😱': -1.5, '😰': -1.8, '😓': -1.4, '😖': -2, '😣': -1.8, '💔': -2.5,
  '😀': 2.2, '😃': 2.3, '😄': 2.4, '😁': 2.3, '😊': 2.4, '🙂': 1.4, '😉': 1.5, '😍': 2.9, '🥰': 2.9, '😘': 2.2,
  '🤩': 2.8, '😎': 1.8, '😂': 1.6, '🤣': 1.7, '👍': 1.9, '👌': 1.7, '👏': 2, '🙌': 2.2, '🙏': 1.6, '🎉': 2.5,
  '🥳': 2.6, '💯': 2, '✨': 1.2, '🔥': 1.2, '💪': 1.6, '⭐': 1.5, '🌟': 1.8, '❤': 2.8, '💕': 2.6, '💖': 2.7,
  '💙': 2.4, '💜': 2.4, '💚': 2.4, '💛': 2.4, '♥': 2.6, '😇': 2.1, '🤗': 2.3, '☺': 2.2,
  ':)': 1.8, ':-)': 1.8, ':d': 2.3, ':-d': 2.3, ';)': 1.5, ';-)': 1.5, '=)': 1.7, ':p': 1.2, '<3': 2.8,
  ':(': -1.9, ':-(': -1.9, ":'(": -2.3, '=(': -1.8, ':/': -1, ':-/': -1, ':|': -0.6,
}));
