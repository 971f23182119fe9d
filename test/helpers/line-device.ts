/**
 * A minimal line-protocol device for the transport tests: "PING x" is answered "PONG x", "HELLO" with
 * two lines. Device protocols (AT, PN532, ESC/POS) have their own simulators in mocks/.
 */
import { DeviceSimulator } from '../../mocks/simulator';

export class LineDevice extends DeviceSimulator {
  private pending = '';

  protected onHostBytes(chunk: Buffer): void {
    this.pending += chunk.toString('latin1');
    let at: number;
    while ((at = this.pending.indexOf('\r\n')) >= 0) {
      const line = this.pending.slice(0, at);
      this.pending = this.pending.slice(at + 2);
      if (line.startsWith('PING ')) this.reply(`PONG ${line.slice(5)}\r\n`);
      else if (line === 'HELLO') this.reply('HI\r\nTHERE\r\n');
    }
  }
}

/** Accepts "PONG <id>" for the request with that id; anything else is not this request's. */
export function pongFor(id: string) {
  return (line: string) => (line === `PONG ${id}` ? { kind: 'done' as const, value: line } : { kind: 'skip' as const });
}
