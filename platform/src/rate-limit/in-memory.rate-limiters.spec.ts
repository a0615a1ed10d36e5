import { InMemoryRateLimiters } from './in-memory.rate-limiters';
import { describeRateLimitersConformance } from './testing/rate-limiters.conformance';

describe(InMemoryRateLimiters.name, () => {
  describeRateLimitersConformance(async () => {
    const limiters = new InMemoryRateLimiters();
    return { limiters, close: () => limiters.close() };
  });
});
