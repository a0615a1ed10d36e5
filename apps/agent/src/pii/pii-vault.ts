import { PiiType } from './pii-entity';

export interface PiiVaultEntry {
  placeholder: string;
  type: PiiType;
  /** The value as the customer first wrote it, which is what `restore` puts back. */
  value: string;
  normalised: string;
}

export interface PiiVaultJson {
  entries: PiiVaultEntry[];
}

const PLACEHOLDER = /\[[A-Z][A-Z_]*_\d+\]/g;

/**
 * One conversation's placeholders and the personal data behind them, so the same card or email gets the same
 * placeholder in every message. The JSON form holds the raw values: store it like the transcript itself.
 */
export class PiiVault {
  private readonly byPlaceholder = new Map<string, PiiVaultEntry>();
  private readonly byValue = new Map<string, PiiVaultEntry>();

  static fromJSON(json: PiiVaultJson): PiiVault {
    const vault = new PiiVault();
    for (const entry of json.entries) vault.add({ ...entry });
    return vault;
  }

  get size(): number {
    return this.byPlaceholder.size;
  }

  /** The placeholder for this value, minting the next `[TYPE_n]` the first time the value is seen. */
  placeholderFor(type: PiiType, value: string, normalised: string): string {
    const known = this.byValue.get(valueKey(type, normalised));
    if (known) return known.placeholder;
    const number = Array.from(this.byPlaceholder.values()).filter((entry) => entry.type === type).length + 1;
    const entry = { placeholder: `[${type}_${number}]`, type, value, normalised };
    this.add(entry);
    return entry.placeholder;
  }

  /** Puts the original values back in place of every placeholder this vault issued; any other bracketed text is kept. */
  restore(text: string): string {
    return text.replace(PLACEHOLDER, (placeholder) => this.byPlaceholder.get(placeholder)?.value ?? placeholder);
  }

  toJSON(): PiiVaultJson {
    return { entries: Array.from(this.byPlaceholder.values(), (entry) => ({ ...entry })) };
  }

  private add(entry: PiiVaultEntry): void {
    this.byPlaceholder.set(entry.placeholder, entry);
    this.byValue.set(valueKey(entry.type, entry.normalised), entry);
  }
}

function valueKey(type: PiiType, normalised: string): string {
  return `${type}:${normalised}`;
}
