import { ConfigError, DataDirInUseError } from '@support/platform';
import { PortInUseError } from './port-in-use.error';

/** Reasons not to start that the operator fixes from one line: printed alone, without a stack trace. */
export function isStartupRefusal(error: unknown): error is Error {
  return error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof PortInUseError;
}
