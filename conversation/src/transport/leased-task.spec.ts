import { Lease } from './lease';
import { LeasedTask } from './leased-task';

/** A lease another process may hold: `free` decides whether it can be taken, `kept` whether a renewal succeeds. */
class ScriptedLease extends Lease {
  readonly renewEveryMs = 10;
  free = false;
  kept = true;
  released = 0;
  async tryAcquire(): Promise<boolean> {
    return this.free;
  }
  async renew(): Promise<boolean> {
    return this.kept;
  }
  async release(): Promise<void> {
    this.released++;
  }
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

describe(LeasedTask.name, () => {
  const watcher = () => ({
    running: false,
    start() {
      this.running = true;
    },
    async stop() {
      this.running = false;
    },
  });

  it('stands by while another process holds the lease, and starts the work once it is free', async () => {
    const lease = new ScriptedLease();
    const work = watcher();
    const task = new LeasedTask(lease, work);
    task.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(work.running).toBe(false);

    lease.free = true;
    await until(() => work.running);
    await task.stop();
  });

  it('stops the work when a renewal finds the lease taken by another', async () => {
    const lease = Object.assign(new ScriptedLease(), { free: true });
    const work = watcher();
    const lost = jest.fn();
    const task = new LeasedTask(lease, work, { onLost: lost });
    task.start();
    await until(() => work.running);

    lease.kept = false;
    lease.free = false;
    await until(() => !work.running);
    expect(lost).toHaveBeenCalledTimes(1);
    await task.stop();
  });

  it('stops the work and gives the lease back at shutdown', async () => {
    const lease = Object.assign(new ScriptedLease(), { free: true });
    const work = watcher();
    const task = new LeasedTask(lease, work);
    task.start();
    await until(() => work.running);

    await task.stop();
    expect(work.running).toBe(false);
    expect(lease.released).toBe(1);
  });
});
