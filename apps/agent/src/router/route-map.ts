import { existsSync, readFileSync } from 'node:fs';
import { IntentDataError } from './intent-data.error';
import { Route, ROUTES } from './intent-router';

/**
 * Maps classifier intents to routes. Our own examples are labelled with route names, so they map to themselves;
 * a company that trains on its own intents maps each of them to a route with a `{intent: route}` config.
 */
export class RouteMap {
  private constructor(private readonly routeByIntent: ReadonlyMap<string, Route>) {}

  /** Every route maps to itself; for classifiers trained on route-labelled examples such as support-intents.jsonl. */
  static identity(): RouteMap {
    return new RouteMap(new Map(ROUTES.map((route) => [route, route])));
  }

  /** Own route names still map to themselves unless the config says otherwise. */
  static fromConfig(config: Record<string, string>, source = 'route map config'): RouteMap {
    const routeByIntent = new Map<string, Route>(ROUTES.map((route) => [route, route]));
    for (const [intent, route] of Object.entries(config)) {
      if (!isRoute(route)) {
        throw new IntentDataError(`${source}: intent "${intent}" maps to unknown route "${route}"; use one of ${ROUTES.join(', ')}`);
      }
      routeByIntent.set(intent, route);
    }
    return new RouteMap(routeByIntent);
  }

  /** Reads a `{intent: route}` JSON file. */
  static load(filePath: string): RouteMap {
    if (!existsSync(filePath)) throw new IntentDataError(`${filePath}: file not found; give the path of a JSON {intent: route} object`);
    let config: unknown;
    try {
      config = JSON.parse(readFileSync(filePath, 'utf8'));
    } catch {
      throw new IntentDataError(`${filePath}: not valid JSON; expected an {intent: route} object`);
    }
    if (typeof config !== 'object' || config === null || Array.isArray(config)) {
      throw new IntentDataError(`${filePath}: expected an {intent: route} object`);
    }
    return RouteMap.fromConfig(config as Record<string, string>, filePath);
  }

  /** Fails fast at start-up rather than on the first message with an unmapped intent. */
  assertCovers(intents: readonly string[]): void {
    const unmapped = intents.filter((intent) => !this.routeByIntent.has(intent));
    if (unmapped.length > 0) {
      throw new IntentDataError(`no route for intents ${unmapped.join(', ')}; add them to the route map config`);
    }
  }

  routeFor(intent: string): Route {
    const route = this.routeByIntent.get(intent);
    if (route === undefined) throw new IntentDataError(`no route for intent "${intent}"; add it to the route map config`);
    return route;
  }
}

function isRoute(value: string): value is Route {
  return (ROUTES as readonly string[]).includes(value);
}
