import { IntentRouter, RouteDecision } from './intent-router';
import { LocalIntentRouter } from './local-intent.router';

/** Where the local classifier is unsure, a second stage (a small model) decides. */
export abstract class SecondStageRouter {
  abstract route(text: string, local: RouteDecision): Promise<RouteDecision>;
}

/** The router cascade: the free local classifier first, the second stage only where it is unsure. */
export class CascadeIntentRouter extends IntentRouter {
  constructor(
    private readonly local: LocalIntentRouter,
    private readonly secondStage?: SecondStageRouter,
  ) {
    super();
  }

  async route(text: string): Promise<RouteDecision> {
    const { needsSecondStage, ...decision } = this.local.classify(text);
    return needsSecondStage && this.secondStage ? this.secondStage.route(text, decision) : decision;
  }
}
