/** One value per index generation: loaded once, loaded again when the generation moves; a failed load is tried again. */
export class GenerationCache<T> {
  private current?: { generation: number; loading: Promise<T> };

  constructor(private readonly load: () => Promise<T>) {}

  get(generation: number): Promise<T> {
    if (this.current?.generation !== generation) {
      const loading = this.load();
      const entry = { generation, loading };
      loading.catch(() => {
        if (this.current === entry) this.current = undefined;
      });
      this.current = entry;
    }
    return this.current.loading;
  }
}
