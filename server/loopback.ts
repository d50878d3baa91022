/**
 * `/admin/*` is unauthenticated (it injects faults, reassigns cases and reads back everything
 * applied), so it may only ever be reachable from the machine itself: a server with `admin` on
 * refuses to start unless it listens on a loopback address.
 */
import { isIPv4, isIPv6 } from 'node:net';

export class AdminNotOnLoopbackError extends Error {
  readonly code = 'ADMIN_NOT_ON_LOOPBACK';
  readonly host: string;

  constructor(host: string) {
    super(
      `--admin is only allowed on a loopback address (127.0.0.0/8, ::1 or localhost), not on "${host}": ` +
        'the admin endpoints are unauthenticated. Listen on 127.0.0.1 or start without --admin.',
    );
    this.host = host;
  }
}

/** True for 127.0.0.0/8, ::1 (also IPv4-mapped loopback, ::ffff:127.x.x.x) and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name === 'localhost.') return true;
  if (isIPv4(name)) return name.startsWith('127.');
  if (!isIPv6(name)) return false;
  // The URL parser writes IPv6 in its one compressed form: `0:0::1` becomes `::1`,
  // `::ffff:127.0.0.1` becomes `::ffff:7f00:1`.
  const canonical = new URL(`http://[${name}]/`).hostname;
  return canonical === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(canonical);
}

export function assertAdminOnLoopback(admin: boolean, host: string): void {
  if (admin && !isLoopbackHost(host)) throw new AdminNotOnLoopbackError(host);
}
