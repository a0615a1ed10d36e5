import { createServer } from 'node:net';
import { isAddressInUse, PortInUseError } from './port-in-use.error';

/**
 * Binds the port the way the gateway will (all addresses) and lets it go again, so a port in use is found
 * before migrations, seeding and indexing, not after. Port 0 (any free port) is always free.
 */
export function assertPortFree(port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(isAddressInUse(error) ? new PortInUseError(port) : error));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}
