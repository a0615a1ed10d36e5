/** A request Weaviate refuses; REST answers `{"error":[{"message":…}]}` with the status. */
export class WeaviateRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
