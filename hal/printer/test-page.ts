/**
 * The printer test page (self-check, external level): proves the mechanism, the Chinese font, the
 * column count and the QR command in one short slip. Pure: profile in, bytes out.
 */
import { EscPosBuilder } from './builder';
import type { PrinterProfile } from './profiles';

export function testPage(profile: PrinterProfile, when: string): Uint8Array {
  const digits = '1234567890'.repeat(Math.ceil(profile.columns / 10)).slice(0, profile.columns);
  return new EscPosBuilder(profile)
    .init()
    .align('center')
    .bold()
    .line('打印机自检 PRINTER TEST')
    .bold(false)
    .line(when)
    .align('left')
    .rule('=')
    .line(digits)
    .pair('Profile', profile.id)
    .pair('Paper', `${profile.paperWidth} mm / ${profile.columns} col / ${profile.dots} dots`)
    .pair('Chinese font', profile.chineseFont ? 'yes' : 'no')
    .pair('QR', profile.nativeQr ? 'native' : 'raster/text')
    .line('中文字库：交易成功 ￥0.01')
    .bold()
    .line('Bold 粗体')
    .bold(false)
    .underline()
    .line('Underline 下划线')
    .underline(false)
    .size(2)
    .line('Wide 倍宽')
    .size(1)
    .rule()
    .align('center')
    .qr('POSDIAG PRINTER TEST', { moduleDots: 4 })
    .line('END')
    .cut()
    .encode();
}
