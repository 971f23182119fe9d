/** The binding serialport ships for this platform, made to notice hang-ups (see hangup-binding.ts). */
import type { BindingInterface } from '@serialport/bindings-interface';
import { withHangupDetection } from './hangup-binding';

export function nativeBinding(): BindingInterface {
  // Loaded lazily: the native addon is only needed when a real serial line is opened.
  const native = (require('@serialport/bindings-cpp') as { autoDetect(): BindingInterface }).autoDetect();
  return withHangupDetection(native);
}
