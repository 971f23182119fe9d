/**
 * A card code diagnosed while the chip slot is empty (the cashier took the card back after the refusal):
 * the chip reader has nothing to prove about the card, and its answers so far show it working. That is
 * said (a warning: insert the card to test it), never a failing reader nor a card inserted backwards.
 */
import { createChipReaderCheck } from '../../../hal/reader/ccid/chip-check';
import { runChecks } from '../../../hal/selfcheck';
import { explain } from '../../../src/codes/explain';
import { diagnose } from '../../../src/diagnosis';
import { CcidSimulator } from '../../../mocks/ccid-sim';
import { InProcessBinding } from '../../../mocks/in-process-binding';

test('an empty slot at the external level is a warning, and the card code keeps its own meaning', async () => {
  const binding = new InProcessBinding();
  binding.connect('/dev/ttyCCID', new CcidSimulator('no-card'));
  const result = await runChecks([createChipReaderCheck({ binding }, { path: '/dev/ttyCCID' })], { level: 'external' });
  const reader = result.devices[0];
  expect(reader.findings.find((f) => f.id === 'reader.card')).toMatchObject({ status: 'warn', value: 'no-card', message: 'check.reader.chip.no-card' });
  expect(reader.status).toBe('warn');
  const d = diagnose({ explain: explain('14', { locale: 'en' }), devices: result.devices, locale: 'en' });
  expect(d.cause.id).not.toBe('card-backwards-or-dirty');
  expect(d.cause.id).toBe('code.card');
});
