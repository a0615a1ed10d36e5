import { ShopData } from '../orders/shop.model';
import { sameShopData } from './shop-data.compare';

export interface TauScore {
  reward: 0 | 1;
  /** The final database equals the one the gold actions give. */
  dbMatch: boolean;
  /** Required outputs the agent never said. */
  missingOutputs: string[];
}

/**
 * τ-bench's reward: 1 when the final database equals the gold one and every required output appears in
 * something the agent said (case-insensitive, commas in the agent's text ignored), else 0.
 */
export function scoreTauEpisode(finalDb: ShopData, goldDb: ShopData, outputs: string[], agentMessages: string[]): TauScore {
  const dbMatch = sameShopData(finalDb, goldDb);
  const said = agentMessages.map((m) => m.toLowerCase().replace(/,/g, ''));
  const missingOutputs = outputs.filter((output) => !said.some((m) => m.includes(output.toLowerCase())));
  return { reward: dbMatch && !missingOutputs.length ? 1 : 0, dbMatch, missingOutputs };
}
