/**
 * The support team's accounts, on the product's own config (.env / environment) and database:
 *   npm run agents -- add <email> [--role admin] [--phone +1…]   add a person; prints their one-time sign-in link
 *   npm run agents -- link <email>                 a new sign-in link (a forgotten password)
 *   npm run agents -- list                         everyone who can sign in to /workspace
 */
import 'reflect-metadata';
import { HttpException } from '@nestjs/common';
import { ConfigError, loadConfig, ValidationError } from '@support/platform';
import { Invitation } from '../accounts/account-invitations.service';
import { openTeamAdmin, TeamAdmin, TeamAdminError } from './team-admin';

const USAGE = `usage: npm run agents -- <command>
  add <email> [--role agent|admin] [--phone +14155550100]
                                     add a person to the workspace and print their one-time sign-in link;
                                     --phone is their own phone, dialled when they take a call from the queue
  link <email>                       print a new one-time sign-in link for someone (a forgotten password)
  list                               list the accounts
`;

/** `--name value` or `--name=value` options, and the rest in order. */
function parseArgs(args: string[]): { options: Map<string, string>; positional: string[] } | null {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const match = /^--(role|phone)(?:=(.*))?$/.exec(args[i]);
    if (!match) {
      if (args[i].startsWith('--')) return null;
      positional.push(args[i]);
      continue;
    }
    const value = match[2] ?? args[++i];
    if (value === undefined) return null;
    options.set(match[1], value);
  }
  return { options, positional };
}

async function main(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const [command, ...rest] = argv;
  const parsed = parseArgs(rest);
  const positional = parsed?.positional ?? [];
  const options = parsed?.options ?? new Map<string, string>();
  const valid =
    parsed !== null &&
    ((command === 'add' && positional.length === 1) ||
      (command === 'link' && positional.length === 1 && !options.size) ||
      (command === 'list' && !rest.length));
  if (!valid) {
    err.write(USAGE);
    return 2;
  }
  let admin: TeamAdmin | null = null;
  try {
    admin = await openTeamAdmin(loadConfig(), err);
    if (command === 'list') {
      for (const account of await admin.list()) {
        out.write(`${account.email}\t${account.role}\t${account.hasPassword ? 'signed up' : 'invited'}${account.phone ? `\t${account.phone}` : ''}\n`);
      }
    } else {
      const invitation =
        command === 'add' ? await admin.add(positional[0], options.get('role') ?? 'agent', options.get('phone')) : await admin.reissue(positional[0]);
      printInvitation(out, invitation, command === 'add');
    }
    return 0;
  } catch (error) {
    if (error instanceof TeamAdminError || error instanceof ValidationError || error instanceof ConfigError || error instanceof HttpException) {
      err.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await admin?.close();
  }
}

function printInvitation(out: NodeJS.WritableStream, { account, signInLink }: Invitation, added: boolean): void {
  if (added) out.write(`Added ${account.email} (${account.role}${account.phone ? `, phone ${account.phone}` : ''}).\n`);
  out.write(`Sign-in link (works once, for 72 hours; it sets the password):\n  ${signInLink}\n`);
}

main(process.argv.slice(2), process.stdout, process.stderr).then(
  (status) => (process.exitCode = status),
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  },
);
