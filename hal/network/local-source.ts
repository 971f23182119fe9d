/**
 * Where the local network settings are read from. Thin: the parsing is in local-config.ts. Injected into
 * the check so that tests can play an Android terminal (files missing or unreadable) on any machine.
 */
import { readFile } from 'node:fs/promises';
import { endianness, networkInterfaces } from 'node:os';
import type { InterfaceAddress } from './local-config';

export interface LocalSource {
  /** Rejects with the OS error (ENOENT, EACCES, …) when the file cannot be read. */
  readText(path: string): Promise<string>;
  /** Throws when the platform refuses (Android without the permission: uv_interface_addresses EACCES). */
  interfaces(): Record<string, InterfaceAddress[] | undefined>;
  littleEndian: boolean;
  /** process.platform: 'linux', 'android', … */
  platform: string;
}

export const ROUTE_FILE = '/proc/net/route';
export const RESOLV_FILE = '/etc/resolv.conf';

export const systemLocalSource: LocalSource = {
  readText: (path) => readFile(path, 'utf8'),
  interfaces: () => networkInterfaces(),
  littleEndian: endianness() === 'LE',
  platform: process.platform,
};
