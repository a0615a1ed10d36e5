import { CustomerIdentity, IdentityKind, Message } from '@support/conversation';
import { ShopUser } from '../orders/shop.model';
import { ShopRepository } from '../orders/shop.repository';

/** What a conversation has shown of who the customer is. */
export interface ProvenIdentity {
  /** The shop account this conversation proved it owns (order number with its email or ZIP code). */
  verifiedShopUserId: string | null;
  /** Identities the channel itself vouches for (the phone that called, the sender of the mail). */
  verifiedIdentities: Array<{ kind: IdentityKind; address: string }>;
}

/**
 * The identities a channel vouches for, as of `latest` (the customer message being answered or read): none when the
 * channel said this very message's sender is not verified, for a later spoofed call proves nothing.
 */
export function vouchedIdentities(identities: CustomerIdentity[], latest: Pick<Message, 'senderVerified'> | undefined): ProvenIdentity['verifiedIdentities'] {
  return latest?.senderVerified === false ? [] : identities.filter((i) => i.verified);
}

/**
 * The shop account a conversation may see the orders of: the one it proved it owns, else the one a channel-verified
 * email address or phone number belongs to; null when it proved nothing. The one rule for the bot's order tools, the
 * workspace's customer panel and the copilot's drafts.
 */
export async function verifiedShopAccount(shop: ShopRepository, proven: ProvenIdentity): Promise<ShopUser | null> {
  if (proven.verifiedShopUserId) return shop.findUser(proven.verifiedShopUserId);
  for (const identity of proven.verifiedIdentities) {
    const user =
      identity.kind === 'email'
        ? await shop.findUserByEmail(identity.address)
        : identity.kind === 'phone' || identity.kind === 'whatsapp'
          ? await shop.findUserByPhone(identity.address)
          : null;
    if (user) return user;
  }
  return null;
}
