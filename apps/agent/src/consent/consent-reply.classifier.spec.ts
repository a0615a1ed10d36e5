import { classifyConsentReply, ConsentVerdict } from './consent-reply.classifier';

const expectVerdicts = (replies: string[], verdict: ConsentVerdict) =>
  expect(Object.fromEntries(replies.map((reply) => [reply, classifyConsentReply(reply)]))).toEqual(
    Object.fromEntries(replies.map((reply) => [reply, verdict])),
  );

describe(classifyConsentReply.name, () => {
  describe('plain yeses', () => {
    it('takes a short yes as consent', () => {
      expectVerdicts(['yes', 'yes please', 'yep', 'confirmed', 'correct', '👍', 'Yes!!!', 'y'], 'yes');
    });

    it('takes a go-ahead as consent', () => {
      expectVerdicts(['sure, go ahead', 'please do', 'do it', 'ok go ahead', 'go for it', 'sounds good, proceed'], 'yes');
    });

    it('takes a yes that names the action as consent', () => {
      expectVerdicts(["that's right, cancel it", 'yes, cancel it', 'please start the return', 'can you cancel it please?'], 'yes');
    });

    it('takes a bare ok as consent', () => {
      expectVerdicts(['ok', 'okay', 'alright', 'fine'], 'yes');
    });

    it('takes a yes with thanks or a reason as consent', () => {
      expectVerdicts(['yes thank you!', "Yes. I don't need it anymore.", "yes, they don't fit", 'yes please cancel it, ordered by mistake'], 'yes');
    });

    it('takes a yes with a polite extra ask as consent', () => {
      expectVerdicts(['yes please, can you also confirm by email?', 'yes, and can you email me the label too?'], 'yes');
    });

    it('reads "no problem" and "why not" as part of a yes', () => {
      expectVerdicts(['no problem, go ahead', 'no worries, do it', 'sure, why not', "I don't mind, go ahead"], 'yes');
    });
  });

  describe('negation', () => {
    it('reads a negated yes-word as a no', () => {
      expectVerdicts(['Absolutely not!', 'of course not', 'not ok', "that's not right", 'I never said yes to that'], 'no');
    });

    it('reads a negation anywhere as a no', () => {
      expectVerdicts(["Please don't change it, ok?", "no, don't", 'not yet', 'no thanks', 'do not proceed', 'keep it'], 'no');
    });

    it('reads a yes taken back later as a no', () => {
      expectVerdicts(['yes... actually no', "Yes. Actually no, don't cancel it.", 'go ahead. wait no!!', 'sure, NOT. keep it'], 'no');
    });

    it('reads a polite decline without a no-word as a no', () => {
      expectVerdicts(["I'm good thanks", "that's ok, I'll keep it", 'never mind', "I'll pass"], 'no');
    });

    it('does not take a yes after a no as consent', () => {
      expectVerdicts(['no, yes, go ahead', 'nope. ok fine do it'], 'unclear');
    });
  });

  describe('hedges', () => {
    it('reads uncertainty as unclear', () => {
      expectVerdicts(["I'm not sure", 'maybe', 'I guess?', 'let me think', 'probably', 'hmm', "I don't know", 'no idea'], 'unclear');
    });

    it('reads a hedged yes as unclear', () => {
      expectVerdicts(['yes i think so', 'sure i guess', 'probably yes', 'go ahead, I guess', 'ok. hmm, actually not sure'], 'unclear');
    });

    it('reads a pause as unclear', () => {
      expectVerdicts(['wait', 'hold on', 'one sec', 'yes. wait'], 'unclear');
    });
  });

  describe('questions back', () => {
    it('reads a question about the action as unclear', () => {
      expectVerdicts(['will I get a refund?', 'will i get my money back', 'is there a fee?', 'what do you mean'], 'unclear');
    });

    it('reads a yes followed by a question as unclear', () => {
      expectVerdicts(['yes? what does that mean', 'yes please, how long will the refund take?', 'ok? so what happens now'], 'unclear');
    });

    it('reads a yes-word asked back as unclear', () => {
      expectVerdicts(['yes?', 'ok?', 'sure??', '👍?'], 'unclear');
    });

    it('reads a request for something else as unclear', () => {
      expectVerdicts(['can you do it tomorrow instead?', 'could you do an exchange instead?', 'can you explain again'], 'unclear');
    });
  });

  describe('conditions and changes', () => {
    it('reads a yes with a condition as unclear', () => {
      expectVerdicts(['yes, but only if I get a full refund', 'yes if it is free', 'ok as long as it is free', 'yes unless there is a fee'], 'unclear');
    });

    it('reads a yes that changes the action as unclear', () => {
      expectVerdicts(['yes but to my work address', 'ok but change the address first', 'yes, send it to my office', 'yes the blue one'], 'unclear');
    });

    it('reads a yes that moves the action to another time as unclear', () => {
      expectVerdicts(['yes, do it tomorrow', 'yes after Friday', 'yes on the 5th', 'yes at 3pm'], 'unclear');
    });

    it('reads a yes to part of the action as unclear', () => {
      expectVerdicts(['yes, cancel just the shirt', 'yes, cancel both orders', 'yes, the other one'], 'unclear');
    });

    it('reads an offer to do it themselves as unclear', () => {
      expectVerdicts(["I'll do it myself"], 'unclear');
    });
  });

  describe('closings', () => {
    it('reads thanks and goodbyes as unclear', () => {
      expectVerdicts(['ok thanks, bye', 'thanks', 'k bye', 'got it', 'noted', 'ok cool', 'thanks for letting me know'], 'unclear');
    });

    it('reads a promise to think about it as unclear', () => {
      expectVerdicts(["ok, I'll think about it", "I'll get back to you"], 'unclear');
    });
  });

  describe('sarcasm', () => {
    it('reads sarcastic agreement as unclear', () => {
      expectVerdicts(['yeah right', 'sure, whatever', 'whatever', 'yeah sure 🙄', 'ok if you say so'], 'unclear');
    });

    it('still reads "yeah, that\'s right" and "yes, right away" as consent', () => {
      expectVerdicts(["yeah, that's right", 'yes, right away'], 'yes');
    });
  });

  describe('a yes to something else', () => {
    it('reads a yes about another matter as unclear', () => {
      expectVerdicts(['yes I got the email', "yes I'm here", 'yes it arrived yesterday', 'yes, my name is Anna'], 'unclear');
    });

    it('takes a yes about another matter plus a go-ahead as consent', () => {
      expectVerdicts(['yes I got the email, go ahead and cancel it'], 'yes');
    });

    it('reads a yes padded with a long unrelated story as unclear', () => {
      expectVerdicts(['yes my sister says the courier left something weird outside her building yesterday evening'], 'unclear');
    });
  });

  describe('other languages', () => {
    it('takes a short yes in Spanish, French, German, Portuguese and Italian as consent', () => {
      expectVerdicts(['sí', 'sí, por favor', 'claro', 'vale', 'oui', "d'accord", 'ja', 'ja bitte', 'sim', 'sì', 'certo'], 'yes');
    });

    it('takes a go-ahead in those languages as consent', () => {
      expectVerdicts(['Oui, allez-y', 'klar, mach das', 'sim, pode cancelar', 'ok procedi', 'sí, adelante'], 'yes');
    });

    it('reads a no in those languages as a no', () => {
      expectVerdicts(['no', 'no gracias', 'non', 'pas encore', 'nein', 'nicht', 'não', 'no grazie', 'non ancora'], 'no');
    });

    it('reads a hedge in those languages as unclear', () => {
      expectVerdicts(['no sé', 'je ne sais pas', 'weiß nicht', 'não sei', 'non so', 'quizás', 'vielleicht', 'forse'], 'unclear');
    });

    it('reads a condition in those languages as unclear', () => {
      expectVerdicts(['sí pero mañana', 'oui mais demain', 'ja, aber erst nächste Woche', 'sim, mas só amanhã'], 'unclear');
    });
  });

  describe('normalisation', () => {
    it('reads stretched words as the plain word', () => {
      expectVerdicts(['yesss', 'YESSS PLEASEEE', 'okkk'], 'yes');
      expectVerdicts(['nooo', 'NOOOO'], 'no');
    });

    it('reads curly quotes like straight ones', () => {
      expectVerdicts(['“Yes, please.”', 'Yes I’m sure, cancel it'], 'yes');
      expectVerdicts(['I don’t want that'], 'no');
    });

    it('ignores greetings, emoji and trailing punctuation', () => {
      expectVerdicts(['hi, yes please', 'good morning! yes go ahead', 'yes please 😊🙏', 'Yep 👍🏻', 'yes.'], 'yes');
    });

    it('reads a lone "y" or "n" as a yes or a no, and "n" in a sentence as "and"', () => {
      expectVerdicts(['y', 'Y.', 'ya go ahead n cancel it'], 'yes');
      expectVerdicts(['n', 'N!'], 'no');
      expectVerdicts(['y would i want that'], 'unclear');
    });

    it('reads an empty reply as unclear', () => {
      expectVerdicts(['', '   ', '😊', '...'], 'unclear');
    });
  });

  describe('read against the proposal', () => {
    const address = { tool: 'change_order_address', orderId: '#W1234567' };
    const refund = { tool: 'start_return', orderId: '#W1234567' };
    const cancel = { tool: 'cancel_order', orderId: '#W1234567' };
    const verdicts = (replies: string[], proposal: typeof cancel) => replies.map((reply) => classifyConsentReply(reply, proposal));

    it('hears "cancel" said to another kind of change as calling it off', () => {
      expect(verdicts(['cancel that', 'actually cancel that', 'cancel the change', 'Cancela eso', 'storniere das'], address)).toEqual(Array(5).fill('no'));
      expect(verdicts(['cancel my request', 'cancel the return'], refund)).toEqual(['no', 'no']);
      expect(verdicts(['yes cancel it', 'cancel it please'], cancel)).toEqual(['yes', 'yes']);
    });

    it("does not take another change's verb as a yes to this one", () => {
      expect(verdicts(['yes refund me', 'yes, return it instead'], address)).toEqual(['unclear', 'unclear']);
      expect(verdicts(['yes, change it', 'yes update it'], address)).toEqual(['yes', 'yes']);
    });

    it('takes a yes that names another order as unclear, and one naming this order as a yes', () => {
      expect(verdicts(['yes go ahead with W7654321', 'proceed with #W7654321', 'yes cancel W7654321'], cancel)).toEqual(Array(3).fill('unclear'));
      expect(verdicts(['yes cancel W1234567', 'yes, #W1234567'], cancel)).toEqual(['yes', 'yes']);
    });

    it('takes a yes that says the proposal is wrong, or only takes part of it, as unclear', () => {
      expect(verdicts(['yes wrong address', 'yes typo in the address'], address)).toEqual(['unclear', 'unclear']);
      expect(verdicts(['yes excluding the shoes', 'yes minus shoes', 'yes without the shoes', 'yes, apart from the shoes'], refund)).toEqual(
        Array(4).fill('unclear'),
      );
      expect(verdicts(['yes, wrong size', 'yes cancel it, i bought the wrong one'], cancel)).toEqual(['yes', 'yes']);
    });

    it('is not fooled by a joke, an ironic emoji or invisible characters inside a negation', () => {
      expect(verdicts(['yes jk', 'yes just kidding', 'ok 🙃', 'yes hold it'], cancel)).toEqual(Array(4).fill('unclear'));
      expect(verdicts(['yes don\u00adt', 'yes d\u200bont'], cancel)).toEqual(['no', 'no']);
    });
  });

  it('classifies a reply in well under a tenth of a millisecond', () => {
    const replies = ['yes please', "Yes. Actually no, don't cancel it.", 'yes please, can you also confirm by email?', 'sí, por favor'];
    for (let warmUp = 0; warmUp < 2000; warmUp++) classifyConsentReply(replies[warmUp % replies.length]);
    const rounds = 20_000;
    const started = process.hrtime.bigint();
    for (let round = 0; round < rounds; round++) classifyConsentReply(replies[round % replies.length]);
    const meanMs = Number(process.hrtime.bigint() - started) / 1e6 / rounds;

    expect(meanMs).toBeLessThan(0.1);
  });
});
