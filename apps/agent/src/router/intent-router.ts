export const ROUTES = ['faq', 'order_status', 'order_change', 'return_refund', 'account', 'complaint', 'human_request', 'out_of_scope'] as const;
export type Route = (typeof ROUTES)[number];

import { TokenUsage } from '@support/conversation';

export interface RouteDecision {
  route: Route;
  /** The finer intent label the classifier knows (a company's own labels map onto routes). */
  intent: string;
  confidence: number;
  /** Which stage decided: the local classifier, or the small model it deferred to. */
  stage: 'local' | 'model';
  /** What the second stage spent, when it ran. */
  spend?: { model: string; usage: TokenUsage };
}

/** Decides what a customer message is about, cheaply. */
export abstract class IntentRouter {
  abstract route(text: string): Promise<RouteDecision>;
}
