import { IdentityKind } from './channel';

export interface Customer {
  id: string;
  name: string | null;
  /** Contact email the customer told us; not proof of ownership unless it is also a verified identity. */
  email: string | null;
  createdAt: Date;
}

/** One way to reach a customer: phone in E.164, WhatsApp number, email address, or web session id. */
export interface CustomerIdentity {
  kind: IdentityKind;
  address: string;
  customerId: string;
  /** True when the channel itself proves it (the call or SMS came from that number, the mail from that sender). */
  verified: boolean;
}
