/** Labelled examples or a route-map config that cannot be used; the message says which file/line and what to fix. */
export class IntentDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntentDataError';
  }
}
