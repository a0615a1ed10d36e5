import { createServer, Socket, connect } from 'node:net';

export interface ImapDropProxy {
  port: number;
  /** IMAP_* variables pointing the gateway through the proxy. */
  env: Record<string, string>;
  /**
   * The next client command matching `command` never reaches the server: the connection is cut
   * at that moment, and new connections are refused until `reopen()` (a server going away mid-command).
   */
  cutOn(command: RegExp): Promise<void>;
  reopen(): void;
  close(): Promise<void>;
}

/** A TCP proxy in front of dovecot that can cut the connection exactly when the client sends a given command. */
export async function startImapDropProxy(target: { host: string; port: number; env: Record<string, string> }): Promise<ImapDropProxy> {
  const sockets = new Set<Socket>();
  let cut: { command: RegExp; done: () => void } | null = null;
  let refusing = false;
  const server = createServer((client) => {
    if (refusing) return client.destroy();
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (chunk: Buffer) => {
      if (cut && cut.command.test(chunk.toString('latin1'))) {
        refusing = true;
        cut.done();
        cut = null;
        for (const socket of sockets) socket.destroy();
        return drop();
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('close', drop).on('error', drop);
    upstream.on('close', drop).on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    env: { ...target.env, IMAP_HOST: '127.0.0.1', IMAP_PORT: String(port) },
    cutOn: (command) => new Promise<void>((done) => (cut = { command, done })),
    reopen() {
      refusing = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
