/**
 * The single-byte code pages a printer selects with ESC t n, for decoding what was sent to it (previews,
 * the simulator). Bytes 0x00–0x7F are ASCII in all of them; each table below is bytes 0x80–0xFF, one
 * row of 16 per line. Tables, not TextDecoder: WHATWG (and so Node) has no CP437 or CP850, Node 20 decodes
 * "windows-1252" as Latin-1 (0x80–0x9F wrong), and a Node built with small ICU has none of them. Pure.
 *
 * Mappings: IBM code pages 437, 850, 858 and 866, and Microsoft's windows-1252 (bytes it leaves undefined
 * decode to U+FFFD).
 */

const CP437 =
  'ÇüéâäàåçêëèïîìÄÅ' +
  'ÉæÆôöòûùÿÖÜ¢£¥₧ƒ' +
  'áíóúñÑªº¿⌐¬½¼¡«»' +
  '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧' +
  '╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩' +
  '≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const CP850 =
  'ÇüéâäàåçêëèïîìÄÅ' +
  'ÉæÆôöòûùÿÖÜø£Ø×ƒ' +
  'áíóúñÑªº¿®¬½¼¡«»' +
  '░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐' +
  '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤' +
  'ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀' +
  'ÓßÔÒõÕµþÞÚÛÙýÝ¯´' +
  '\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

/** CP858 is CP850 with the euro sign in place of the dotless i (byte 0xD5). */
const CP858 = CP850.slice(0, 0x55) + '€' + CP850.slice(0x56);

const CP866 =
  'АБВГДЕЖЗИЙКЛМНОП' +
  'РСТУФХЦЧШЩЪЫЬЭЮЯ' +
  'абвгдежзийклмноп' +
  '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧' +
  '╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'рстуфхцчшщъыьэюя' +
  'ЁёЄєЇїЎў°∙·√№¤■\u00a0';

/** windows-1252: its own characters at 0x80–0x9F, then Latin-1 (0xA0–0xFF are U+00A0–U+00FF). */
const WINDOWS_1252 =
  '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd' + '\ufffd‘’“”•–—˜™š›œ\ufffdžŸ' + Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i)).join('');

/** ESC t n -> the upper half of that code page (the page numbers of Epson's ESC t table). */
const PAGES: Record<number, string> = { 0: CP437, 2: CP850, 16: WINDOWS_1252, 17: CP866, 19: CP858 };

/** Bytes in the code page ESC t `page` selects; a page posdiag does not know reads as CP437, the power-on page. */
export function decodeCodePage(bytes: ArrayLike<number>, page: number): string {
  const upper = PAGES[page] ?? CP437;
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out += b < 0x80 ? String.fromCharCode(b) : upper[b - 0x80];
  }
  return out;
}
