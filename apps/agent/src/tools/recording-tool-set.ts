import { ToolExecution, ToolSet } from './tool-set';

/** A tool set that keeps every execution as the tools returned it, before anything downstream rewrites it. */
export class RecordingToolSet implements ToolSet {
  readonly executions: ToolExecution[] = [];

  constructor(private readonly inner: ToolSet) {}

  get definitions() {
    return this.inner.definitions;
  }

  async execute(name: string, input: unknown): Promise<ToolExecution> {
    const execution = await this.inner.execute(name, input);
    this.executions.push(execution);
    return execution;
  }
}
