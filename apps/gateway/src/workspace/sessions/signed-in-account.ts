import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { Account } from '../accounts/account';

/** Where `WorkspaceSessionGuard` leaves the account of the signed-in person. */
const ACCOUNT = Symbol('workspace account');

export function attachAccount(req: Request, account: Account): void {
  (req as unknown as Record<symbol, Account>)[ACCOUNT] = account;
}

/** The signed-in person (the route must be behind `WorkspaceSessionGuard`). */
export const SignedInAccount = createParamDecorator((_: unknown, context: ExecutionContext): Account => {
  return (context.switchToHttp().getRequest<Request>() as unknown as Record<symbol, Account>)[ACCOUNT];
});

export const ADMIN_ONLY = 'workspace:admin-only';
/** Only admins may call this route. */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY, true);
