/** The detached flush after a diagnosis starts only once the process has nothing left to do: never before the result is out. */
import { flushDetached } from '../../../src/fleet/load-telemetry';

test('no process is started until beforeExit; then one, detached, with the configuration', () => {
  // The module object itself (an import's namespace is read-only): the code under test reads spawn from it at call time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const childProcess = require('node:child_process') as typeof import('node:child_process');
  const spawn = jest.spyOn(childProcess, 'spawn').mockImplementation(() => ({ unref: () => undefined }) as never);
  try {
    const before = process.listenerCount('beforeExit');
    flushDetached('/etc/posdiag/config.json');
    expect(spawn).not.toHaveBeenCalled();
    expect(process.listenerCount('beforeExit')).toBe(before + 1);
    process.emit('beforeExit', 0);
    expect(spawn).toHaveBeenCalledTimes(1);
    expect(spawn.mock.calls[0]![1]).toEqual([process.argv[1], 'telemetry', 'flush', '--config', '/etc/posdiag/config.json']);
    expect(spawn.mock.calls[0]![2]).toMatchObject({ detached: true, stdio: 'ignore' });
    // Once only: a second beforeExit (new work after the first) starts nothing more.
    process.emit('beforeExit', 0);
    expect(spawn).toHaveBeenCalledTimes(1);
  } finally {
    spawn.mockRestore();
  }
});
