import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RouteMap } from './route-map';

describe(RouteMap.name, () => {
  it('maps each route name to itself', () => {
    expect(RouteMap.identity().routeFor('return_refund')).toBe('return_refund');
  });

  it("maps a company's intents to routes from its config file", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'route-map-')), 'routes.json');
    writeFileSync(file, JSON.stringify({ wismo: 'order_status', cancel_subscription: 'order_change' }));

    expect(RouteMap.load(file).routeFor('wismo')).toBe('order_status');
  });

  it('rejects a config that names an unknown route, saying which intent and file', () => {
    expect(() => RouteMap.fromConfig({ wismo: 'tracking' }, 'routes.json')).toThrow(/routes\.json: intent "wismo" maps to unknown route "tracking"/);
  });

  it('says which intent has no route', () => {
    expect(() => RouteMap.identity().routeFor('wismo')).toThrow(/no route for intent "wismo"/);
  });
});
