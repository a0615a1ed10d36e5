/**
 * Whether any person on the support team is signed in and can pick up a handoff now. The workspace implements it
 * from its sessions; without a presence source the team counts as present during business hours (`SUPPORT_HOURS`).
 */
export abstract class AgentPresence {
  abstract anyoneSignedIn(): Promise<boolean>;
}

/** No presence source configured: assume someone is there (business hours still apply). */
export class AssumedAgentPresence extends AgentPresence {
  async anyoneSignedIn(): Promise<boolean> {
    return true;
  }
}
