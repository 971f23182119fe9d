/**
 * ANSI colour for text a person reads on a terminal: the CLI's output and the technician menu's
 * screens both paint with it, so neither depends on the other.
 */
export function paint(on: boolean, code: number, text: string): string {
  return on ? `\u001b[${code}m${text}\u001b[0m` : text;
}
