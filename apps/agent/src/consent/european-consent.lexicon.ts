import { ConsentCue } from './consent-cue';

/**
 * Short replies in Spanish, French, German, Portuguese and Italian, written as the normaliser spells them (accents
 * stripped, ß as ss). Words shared between languages ("no", "certo", "claro") appear once.
 */
export const EUROPEAN_CUES: Partial<Record<ConsentCue, string[]>> = {
  affirm: [
    // Spanish
    'si', 'claro', 'claro que si', 'vale', 'dale', 'de acuerdo', 'por supuesto', 'desde luego', 'correcto', 'exacto', 'eso es', 'confirmo',
    // French
    'oui', 'ouais', 'ouai', "d'accord", "d'acc", 'dac', 'bien sur', 'volontiers', "c'est ca", 'exactement', 'je confirme', 'tout a fait',
    // German
    'ja', 'jawohl', 'jep', 'jo', 'gerne', 'gern', 'genau', 'klar', 'ja klar', 'sicher', 'einverstanden', 'passt', 'in ordnung', 'bestatigt',
    // Portuguese
    'sim', 'com certeza', 'certo', 'isso', 'isso mesmo', 'beleza', 'fechado',
    // Italian
    'certamente', 'va bene', "d'accordo", 'esatto', 'certo che si', 'confermo', 'per me va bene',
  ],
  action: [
    'adelante', 'hazlo', 'cancela', 'cancelalo', 'cancelar', 'puedes', 'allez y', 'vas y', 'faites le', 'annulez', 'annuler',
    'mach das', 'mach es', 'machen sie das', 'machen sie', 'stornieren', 'storniere', 'pode', 'pode fazer', 'pode seguir',
    'procedi', 'procedere', 'vai pure', 'fallo', 'annulla',
  ],
  ack: ['por favor', "s'il vous plait", "s'il te plait", 'svp', 'stp', 'bitte', 'per favore', 'bueno', 'tudo bem', 'ta bom',
    'warum nicht', 'pourquoi pas', 'por que no', 'porque no', 'perche no', 'por que nao', 'porque nao'],
  refusal: [
    'non', 'nein', 'nee', 'nao', 'nicht', 'kein', 'keine', 'keinen', 'nunca', 'jamais', 'mai', 'nem', 'nenhum', 'ninguna',
    'ninguno', 'pas', 'tampoco', 'per niente', 'garde', 'behalten',
  ],
  hedge: [
    'no se', 'no lo se', 'no estoy seguro', 'no estoy segura', 'ni idea', 'quizas', 'quiza', 'tal vez', 'a lo mejor',
    'dejame pensarlo', 'dejame pensar', 'lo pienso', 'lo voy a pensar',
    'je ne sais pas', 'je sais pas', 'sais pas', "j'sais pas", 'chais pas', 'pas sur', 'pas sure', 'pas certain',
    'peut etre', 'je vais reflechir', 'je reflechis', 'on verra',
    'weiss nicht', 'weis nicht', 'weiss ich nicht', 'keine ahnung', 'nicht sicher', 'vielleicht', 'mal sehen', 'mal schauen',
    'ich uberlege', 'ich uberleg',
    'nao sei', 'sei la', 'nao tenho certeza', 'talvez', 'vou pensar', 'acho que',
    'non so', 'non lo so', 'non sono sicuro', 'non sono sicura', 'forse', 'ci penso', 'ci devo pensare', 'vediamo',
  ],
  pause: ['un momento', 'momento', 'espera', 'attends', 'un instant', 'moment', 'warte', 'aspetta', 'un attimo'],
  condition: [
    'pero', 'mais', 'aber', 'mas', 'ma', 'sino', 'solo si', 'seulement si', 'nur wenn', 'so se', 'solo se', 'a menos que',
    'siempre que', 'wenn', 'falls', 'sauf', 'ausser', 'excepto', 'salvo', 'tranne', 'manana', 'demain', 'morgen', 'amanha',
    'domani', 'mas tarde', 'plus tard', 'spater', 'depois', 'dopo', 'luego', 'erst', 'ou', 'oder', 'otra', 'otro', 'autre',
    'andere', 'anderen', 'outro', 'outra', 'altro', 'altra',
  ],
  closing: [
    'gracias', 'merci', 'danke', 'obrigado', 'obrigada', 'grazie', 'perfecto', 'parfait', 'perfekt', 'perfeito', 'perfetto',
    'genial', 'super', 'entendido', 'compris', 'verstanden', 'capito', 'alles klar', 'hasta luego', 'tschuss', 'adieu',
  ],
  neutral: [
    'no hay problema', 'sin problema', 'no pasa nada', 'pas de probleme', 'pas de souci', 'pas de soucis', 'kein problem',
    'sem problema', 'nessun problema', 'de nada', 'hola', 'buenos dias', 'buenas tardes', 'buenas', 'bonjour', 'bonsoir',
    'salut', 'coucou', 'hallo', 'guten morgen', 'guten tag', 'moin', 'servus', 'ola', 'oi', 'bom dia', 'boa tarde', 'ciao',
    'buongiorno', 'salve', 'que', 'lo', 'la', 'le', 'el', 'il', 'de', 'je', 'ich', 'es', 'das', 'eu', 'io', 'me', 'se',
  ],
};
