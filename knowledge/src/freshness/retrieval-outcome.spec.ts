import { Metrics } from '@support/platform';
import { RetrievalOutcomeRecorder } from './retrieval-outcome';

describe(RetrievalOutcomeRecorder.name, () => {
  async function counts(metrics: Metrics): Promise<Record<string, number>> {
    const metric = await metrics.retrievals.get();
    return Object.fromEntries(metric.values.map((value) => [value.labels.result as string, value.value]));
  }

  it('counts a hit when the best passage reaches the threshold, a miss when none does or nothing came back', async () => {
    const metrics = new Metrics();
    const recorder = new RetrievalOutcomeRecorder(metrics, 0.4);

    expect(recorder.record([{ score: 0.3 }, { score: 0.4 }])).toBe('hit');
    expect(recorder.record([{ score: 0.39 }])).toBe('miss');
    expect(recorder.record([])).toBe('miss');

    expect(await counts(metrics)).toEqual({ hit: 1, miss: 2 });
    expect(await metrics.registry.metrics()).toContain('support_retrieval_total{result="miss"} 2');
  });
});
