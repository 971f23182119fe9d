/**
 * The simulator a --sim name starts: the name itself, or for a second one of a kind `pn532-2` the kind
 * (the simulated terminal allows that for readers only: a terminal has one modem and one printer).
 * A pure naming rule, here so that both the command line (src/config/sim-spec.ts) and the simulators
 * (mocks/, which import only hal/) can use it.
 */
export function simKind(name: string): string {
  return name.replace(/-[2-9]$/, '');
}
