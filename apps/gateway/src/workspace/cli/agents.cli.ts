/**
 * The support team's accounts, on the product's own config (.env / environment) and database:
 *   npm run agents -- add <email> [--role admin]   add a person; prints their one-time sign-in link
 *   npm run agents -- link <email>                 a new sign-in link (a forgotten password)
 *   npm run agents -- list                         everyone who can sign in to /workspace
 */
import 'reflect-metadata';
import { HttpException } from '@nestjs/common';
import { ConfigError, loadConfig, ValidationError } from '@support/platform';
import { Invitation } from '../accounts/account-invitations.service';
import { openTeamAdmin, TeamAdmin, TeamAdminError } from './team-admin';

const USAGE = `usage: npm run agents -- <command>
  add <email> [--role agent|admin]   add a person to the workspace and print their one-time sign-in link
  link <email>                       print a new one-time sign-in link for someone (a forgotten password)
  list                               list the accounts
`;

async function main(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const [command, ...rest] = argv;
  const roleAt = rest.findIndex((a) => a === '--role' || a.startsWith('--role='));
  const role = roleAt < 0 ? 'agent' : rest[roleAt].includes('=') ? rest[roleAt].split('=')[1] : rest[roleAt + 1];
  const positional = rest.filter((_, i) => roleAt < 0 || (i !== roleAt && i !== roleAt + 1) || rest[roleAt].includes('='));
  const valid =
    (command === 'add' && positional.length === 1) || (command === 'link' && positional.length === 1 && roleAt < 0) || (command === 'list' && !rest.length);
  if (!valid) {
    err.write(USAGE);
    return 2;
  }
  let admin: TeamAdmin | null = null;
  try {
    admin = await openTeamAdmin(loadConfig(), err);
    if (command === 'list') {
      for (const account of await admin.list()) out.write(`${account.email}\t${account.role}\t${account.hasPassword ? 'signed up' : 'invited'}\n`);
    } else {
      const invitation = command === 'add' ? await admin.add(positional[0], role ?? '') : await admin.reissue(positional[0]);
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
  if (added) out.write(`Added ${account.email} (${account.role}).\n`);
  out.write(`Sign-in link (works once, for 72 hours; it sets the password):\n  ${signInLink}\n`);
}

main(process.argv.slice(2), process.stdout, process.stderr).then(
  (status) => (process.exitCode = status),
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  },
);
