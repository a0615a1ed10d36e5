/** One customer message in the contract suite: its provider id (MessageSid, Message-ID, clientMessageId) and who sends it. */
export interface ContractMessage {
  id: string;
  customer: string;
  text: string;
}

/**
 * A channel as its provider and its customer see it, for the channel contract suite: the provider delivers a
 * message the way it really does (a signed webhook, a mail in the mailbox, a browser's request) and tells
 * whether it saw the delivery acknowledged; the customer counts the replies they received.
 */
export interface ChannelUnderContract {
  readonly name: string;
  /** Starts the provider's local servers; resolves with the gateway's environment for them. */
  start(): Promise<Record<string, string>>;
  /** Called once a gateway is up on `gatewayUrl` (after every restart), before anything is delivered to it. */
  connected(gatewayUrl: string, databaseUrl: string): Promise<void>;
  /** Delivers (or redelivers, with the same provider id) a message to the gateway running now. */
  deliver(message: ContractMessage): Promise<void>;
  /** Whether the provider has seen this message acknowledged (a 2xx to its webhook, \Seen on the mail, the reply to the request). */
  acknowledged(message: ContractMessage): Promise<boolean>;
  /** How many replies the customer has received to this message. */
  replies(message: ContractMessage): Promise<number>;
  /** The provider takes the next reply but its answer never reaches the product (the connection is cut): the outcome is unknown. */
  loseNextSendOutcome(): void;
  /** The provider holds every reply this long before answering the send (0: at once). */
  slowSends(ms: number): void;
  stop(): Promise<void>;
}
