/**
 * The turn ran out of time: its deadline passed (`deadline`), or the model's stream went quiet for
 * longer than the idle limit (`model_stalled`). Not a provider failure to retry: a person takes over.
 */
export class TurnCutError extends Error {
  constructor(
    readonly reason: 'deadline' | 'model_stalled',
    message: string,
  ) {
    super(message);
    this.name = 'TurnCutError';
  }
}
