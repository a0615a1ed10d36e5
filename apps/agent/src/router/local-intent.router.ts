import { join } from 'node:path';
import { IntentClassifier, IntentClassifierTrainingOptions } from './intent-classifier';
import { loadIntentExamples } from './intent-examples.loader';
import { RouteMap } from './route-map';
import { Route } from './intent-router';

export interface LocalRouteDecision {
  route: Route;
  intent: string;
  confidence: number;
  stage: 'local';
  /** True when confidence is under the threshold: the second (LLM) stage should decide. */
  needsSecondStage: boolean;
}

export interface LocalIntentRouterOptions {
  /** Confidence under which a message goes to the second stage, 0..1. */
  confidenceThreshold: number;
  routeMap?: RouteMap;
}

export const DEFAULT_CONFIDENCE_THRESHOLD = 0.5;

/** The product's own labelled examples; their intents are route names. */
export const SUPPORT_INTENTS_PATH = join(__dirname, 'support-intents.jsonl');

/** The first, local routing stage: free, in-process, well under a millisecond per message. */
export class LocalIntentRouter {
  private readonly routeMap: RouteMap;
  private readonly confidenceThreshold: number;

  constructor(
    private readonly classifier: IntentClassifier,
    options: Partial<LocalIntentRouterOptions> = {},
  ) {
    this.confidenceThreshold = options.confidenceThreshold ?? DEFAULT_CONFIDENCE_THRESHOLD;
    if (!(this.confidenceThreshold >= 0 && this.confidenceThreshold <= 1)) {
      throw new RangeError(`confidenceThreshold must be between 0 and 1, got ${this.confidenceThreshold}`);
    }
    this.routeMap = options.routeMap ?? RouteMap.identity();
    this.routeMap.assertCovers(classifier.intents);
  }

  /** Trains on the shipped support-intents.jsonl, or on a company's own JSONL examples with its route map. */
  static train(
    options: Partial<LocalIntentRouterOptions> & { examplesPath?: string; training?: Partial<IntentClassifierTrainingOptions> } = {},
  ): LocalIntentRouter {
    const classifier = IntentClassifier.train(loadIntentExamples(options.examplesPath ?? SUPPORT_INTENTS_PATH), options.training);
    return new LocalIntentRouter(classifier, options);
  }

  classify(text: string): LocalRouteDecision {
    const { intent, confidence } = this.classifier.classify(text);
    return {
      route: this.routeMap.routeFor(intent),
      intent,
      confidence,
      stage: 'local',
      needsSecondStage: confidence < this.confidenceThreshold,
    };
  }
}
