/**
 * Whether any person on the support team is signed in and can pick up a handoff now. `SignedInAgentPresence` reads
 * the workspace's sessions from the shared database, in every process; business hours (`SUPPORT_HOURS`) apply on top.
 */
export abstract class AgentPresence {
  abstract anyoneSignedIn(): Promise<boolean>;
}

/** Someone is always there (business hours still apply): for tests of what happens around presence. */
export class AssumedAgentPresence extends AgentPresence {
  async anyoneSignedIn(): Promise<boolean> {
    return true;
  }
}
