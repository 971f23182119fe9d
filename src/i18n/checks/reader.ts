/**
 * What the card reader's findings say, per locale. Keys are the `message` of hal/reader/reader-check.ts
 * findings; `{name}` is replaced by the finding's params. A masked card number ({pan}) is the only card
 * detail a message may carry.
 */
import { localized } from '../locale';
import type { CheckMessages } from './types';

export const READER_MESSAGES: CheckMessages = {
  'check.reader.comm.ok': localized('读卡器通信正常', '讀卡機通訊正常', 'Card reader is answering'),
  'check.reader.comm.echo-mismatch': localized(
    '读卡器回传的数据不一致，请检查读卡器连接线',
    '讀卡機回傳的資料不一致，請檢查讀卡機連接線',
    'Card reader echoed the wrong data; check the reader cable',
  ),
  'check.reader.no-reply': localized(
    '读卡器无响应，请重启终端；仍无响应请联系客服',
    '讀卡機沒有回應，請重新啟動終端機；仍無回應請聯絡客服',
    'Card reader does not answer; restart the terminal, and call support if it still does not',
  ),
  'check.reader.checksum': localized(
    '读卡器数据校验出错（{count} 次），连接可能受干扰，请联系客服',
    '讀卡機資料校驗錯誤（{count} 次），連線可能受到干擾，請聯絡客服',
    'Card reader data failed its checksum ({count} times); the connection may be disturbed, call support',
  ),
  'check.reader.unplugged': localized(
    '读卡器连接中断，请检查读卡器是否插好',
    '讀卡機連線中斷，請檢查讀卡機是否插好',
    'Card reader disconnected; check that it is plugged in',
  ),
  'check.reader.not-found': localized(
    '找不到读卡器（{path}），请联系客服',
    '找不到讀卡機（{path}），請聯絡客服',
    'Card reader not found ({path}); call support',
  ),
  'check.reader.busy': localized(
    '读卡器正被其他程序占用，请关闭其他应用后重试',
    '讀卡機正被其他程式佔用，請關閉其他應用程式後重試',
    'Card reader is in use by another program; close other apps and try again',
  ),
  'check.reader.error': localized(
    '读卡器自检出错（{error}），请联系客服',
    '讀卡機自檢出錯（{error}），請聯絡客服',
    'Card reader self-test error ({error}); call support',
  ),
  'check.reader.firmware.ok': localized('读卡器固件 {firmware}', '讀卡機韌體 {firmware}', 'Card reader firmware {firmware}'),
  'check.reader.firmware.unexpected': localized(
    '读卡器型号不符（{firmware}，应为 {expected}），请联系客服',
    '讀卡機型號不符（{firmware}，應為 {expected}），請聯絡客服',
    'Unexpected card reader chip ({firmware}, expected {expected}); call support',
  ),
  'check.reader.rom.ok': localized('读卡器程序存储器正常', '讀卡機程式記憶體正常', 'Card reader ROM test passed'),
  'check.reader.rom.fail': localized(
    '读卡器程序存储器故障，需要维修，请联系客服',
    '讀卡機程式記憶體故障，需要維修，請聯絡客服',
    'Card reader ROM test failed; the reader needs repair, call support',
  ),
  'check.reader.ram.ok': localized('读卡器内存正常', '讀卡機記憶體正常', 'Card reader RAM test passed'),
  'check.reader.ram.fail': localized(
    '读卡器内存故障，需要维修，请联系客服',
    '讀卡機記憶體故障，需要維修，請聯絡客服',
    'Card reader RAM test failed; the reader needs repair, call support',
  ),
  'check.reader.antenna.ok': localized('非接天线正常', '感應天線正常', 'Contactless antenna test passed'),
  'check.reader.antenna.fail': localized(
    '非接天线故障，暂时请插卡或刷卡，并联系客服维修',
    '感應天線故障，暫時請插卡或刷卡，並聯絡客服維修',
    'Contactless antenna fault; insert or swipe cards for now and call support for repair',
  ),
  'check.reader.tap.ok': localized('已读到非接卡（{type}，UID {uid}）', '已讀到感應卡（{type}，UID {uid}）', 'Contactless card read ({type}, UID {uid})'),
  'check.reader.tap.none': localized(
    '{seconds} 秒内未读到卡片，请将卡片平放在感应区再试',
    '{seconds} 秒內未讀到卡片，請將卡片平放在感應區再試',
    'No card within {seconds} s; hold the card flat on the contactless area and try again',
  ),
  'check.reader.swipe.ok': localized('刷卡正常（卡号 {pan}）', '刷卡正常（卡號 {pan}）', 'Swipe read correctly (card {pan})'),
  'check.reader.swipe.unreadable': localized(
    '磁条读取失败，请换一张卡再试；如每张卡都失败，读卡器磁头可能需要清洁',
    '磁條讀取失敗，請換一張卡再試；如每張卡都失敗，讀卡機磁頭可能需要清潔',
    'Stripe could not be read; try another card. If every card fails, the reader head may need cleaning',
  ),
  'check.reader.swipe.none': localized(
    '{seconds} 秒内未检测到刷卡，请匀速刷卡再试',
    '{seconds} 秒內未偵測到刷卡，請以等速刷卡再試',
    'No swipe within {seconds} s; swipe the card at an even speed and try again',
  ),
  'check.reader.track.ok': localized('磁道 {track} 读取正常', '磁軌 {track} 讀取正常', 'Track {track} read'),
  'check.reader.track.empty': localized('磁道 {track} 无数据', '磁軌 {track} 無資料', 'Track {track} is blank'),
  'check.reader.track.error': localized('磁道 {track} 读取错误', '磁軌 {track} 讀取錯誤', 'Track {track} read error'),
};
