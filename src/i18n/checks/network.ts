/**
 * Finding messages of the network check (hal/network/check.ts): the terminal's own settings, the way to
 * the acquirer host, and the host's answer to an echo. Read by the technician and printed on the slip;
 * the cashier's hint comes from the diagnosis, not from here. Wording follows seed 002: say what was
 * found and what to check (settings, router, cabling), and when it is the host's side, say so.
 * `{port:text}` and `{stan}` are shown as they are (no digit grouping).
 */
import { localized } from '../locale';
import type { CheckMessages } from './types';

// The failure classes of a TCP connect, shared by the connect series and the echo.
const TCP = '主机 {address}:{port:text}';
const TCP_TW = '主機 {address}:{port:text}';
const TCP_EN = 'Host {address}:{port:text}';

export const NETWORK_CHECK_MESSAGES: CheckMessages = {
  // Local configuration
  'check.network.interfaces.ok': localized('网络接口已连接：{list}', '網路介面已連線：{list}', 'Network interface up: {list}'),
  'check.network.interfaces.none': localized(
    '没有已连接的网络接口，请检查网线、Wi-Fi 或移动数据',
    '沒有已連線的網路介面，請檢查網路線、Wi-Fi 或行動數據',
    'No network interface is up; check the cable, Wi-Fi or mobile data',
  ),
  'check.network.interfaces.unknown': localized('无法读取网络接口（{reason}），此项未检查', '無法讀取網路介面（{reason}），此項未檢查', 'Network interfaces unknown ({reason}); not checked'),
  'check.network.gateway.ok': localized('默认网关 {gateway}（{iface}）', '預設閘道 {gateway}（{iface}）', 'Default gateway {gateway} ({iface})'),
  'check.network.gateway.none': localized(
    '没有默认网关，请检查终端的 IP 地址、子网掩码和网关设置',
    '沒有預設閘道，請檢查終端的 IP 位址、子網路遮罩和閘道設定',
    'No default gateway; check the terminal IP address, subnet mask and gateway settings',
  ),
  'check.network.gateway.unknown': localized('无法读取默认网关（{reason}），此项未检查', '無法讀取預設閘道（{reason}），此項未檢查', 'Default gateway unknown ({reason}); not checked'),
  'check.network.dns-servers.ok': localized('DNS 服务器：{servers}', 'DNS 伺服器：{servers}', 'DNS servers: {servers}'),
  'check.network.dns-servers.none': localized('未设置 DNS 服务器', '未設定 DNS 伺服器', 'No DNS server configured'),
  'check.network.dns-servers.unknown': localized('无法读取 DNS 设置（{reason}），此项未检查', '無法讀取 DNS 設定（{reason}），此項未檢查', 'DNS servers unknown ({reason}); not checked'),

  // Name resolution
  'check.network.dns.ok': localized('主机 {host} 解析为 {address}，用时 {ms} 毫秒', '主機 {host} 解析為 {address}，耗時 {ms} 毫秒', 'Host {host} resolved to {address} in {ms} ms'),
  'check.network.dns.failed': localized(
    '主机 {host} 域名解析失败（{error}），请检查网络和 DNS 设置',
    '主機 {host} 網域名稱解析失敗（{error}），請檢查網路和 DNS 設定',
    'Host name {host} did not resolve ({error}); check the network and DNS settings',
  ),

  // TCP connect series
  'check.network.tcp.ok': localized(
    `${TCP} 连接正常：{tries} 次，最短 {minMs} / 中位 {medianMs} / 最长 {maxMs} 毫秒`,
    `${TCP_TW} 連線正常：{tries} 次，最短 {minMs} / 中位 {medianMs} / 最長 {maxMs} 毫秒`,
    `${TCP_EN} reachable: {tries} tries, min {minMs} / median {medianMs} / max {maxMs} ms`,
  ),
  'check.network.tcp.slow': localized(
    `${TCP} 连接较慢：中位 {medianMs} 毫秒，网络可能拥堵，可稍后重试`,
    `${TCP_TW} 連線較慢：中位 {medianMs} 毫秒，網路可能壅塞，可稍後重試`,
    `${TCP_EN} is slow to connect: median {medianMs} ms; the network may be congested, retry later`,
  ),
  'check.network.tcp.loss': localized(
    `${TCP} 连接不稳定：{tries} 次中丢失 {lossPct}%，请检查信号、网线和路由器`,
    `${TCP_TW} 連線不穩定：{tries} 次中遺失 {lossPct}%，請檢查訊號、網路線和路由器`,
    `${TCP_EN} connects unreliably: {lossPct}% of {tries} tries lost; check the signal, cabling and router`,
  ),
  'check.network.tcp.refused': localized(
    `${TCP} 拒绝连接：端口无服务，请核对主机端口或联系收单机构`,
    `${TCP_TW} 拒絕連線：連接埠無服務，請核對主機連接埠或聯絡收單機構`,
    `${TCP_EN} refused the connection: nothing listens on that port; check the host port or call the acquirer`,
  ),
  'check.network.tcp.timeout': localized(
    `${TCP} 连接超时：数据包无回应，请检查网络；若持续，请联系收单机构`,
    `${TCP_TW} 連線逾時：封包無回應，請檢查網路；若持續，請聯絡收單機構`,
    `${TCP_EN} did not answer in time; check the network, and call the acquirer if it persists`,
  ),
  'check.network.tcp.reset': localized(
    `${TCP} 连接被中断（重置），请联系收单机构`,
    `${TCP_TW} 連線被中斷（重設），請聯絡收單機構`,
    `${TCP_EN} cut the connection (reset); call the acquirer`,
  ),
  'check.network.tcp.unreachable': localized(
    `${TCP} 不可达：本机没有通往主机的路由，请检查 IP 地址、子网掩码和网关`,
    `${TCP_TW} 無法連上：本機沒有通往主機的路由，請檢查 IP 位址、子網路遮罩和閘道`,
    `${TCP_EN} unreachable: no route from this terminal; check the IP address, subnet mask and gateway`,
  ),
  'check.network.tcp.dns': localized(`${TCP} 域名解析失败`, `${TCP_TW} 網域名稱解析失敗`, `${TCP_EN}: name lookup failed`),
  'check.network.tcp.other': localized(`${TCP} 连接失败（{failure}）`, `${TCP_TW} 連線失敗（{failure}）`, `${TCP_EN}: connection failed ({failure})`),

  // Host echo (0800/0810)
  'check.network.echo.ok': localized('主机回响测试正常：应答码 {code}，往返 {rttMs} 毫秒', '主機回應測試正常：回應碼 {code}，往返 {rttMs} 毫秒', 'Host echo test passed: code {code}, round trip {rttMs} ms'),
  'check.network.echo.declined': localized(
    '主机已应答回响测试，但应答码为 {code}：线路通畅，问题在主机端，请记下应答码和时间并联系收单机构',
    '主機已回應測試，但回應碼為 {code}：線路暢通，問題在主機端，請記下回應碼和時間並聯絡收單機構',
    'The host answered the echo test with code {code}: the link works and the fault is on the host side; note the code and the time and call the acquirer',
  ),
  'check.network.echo.timeout': localized(
    '主机未在时限内应答回响测试（流水号 {stan}），主机可能繁忙，请稍后重试',
    '主機未在時限內回應測試（序號 {stan}），主機可能忙碌，請稍後重試',
    'The host did not answer the echo test in time (STAN {stan}); it may be busy, retry later',
  ),
  'check.network.echo.reset': localized(
    '主机在回响测试中断开了连接（{error}），请联系收单机构',
    '主機在回應測試中斷開了連線（{error}），請聯絡收單機構',
    'The host dropped the connection during the echo test ({error}); call the acquirer',
  ),
  'check.network.echo.refused': localized('回响测试连接被主机拒绝', '回應測試連線被主機拒絕', 'The host refused the echo test connection'),
  'check.network.echo.unreachable': localized('回响测试时主机不可达', '回應測試時無法連上主機', 'The host was unreachable for the echo test'),
  'check.network.echo.dns': localized('回响测试时域名解析失败', '回應測試時網域名稱解析失敗', 'Name lookup failed for the echo test'),
  'check.network.echo.other': localized('回响测试失败（{error}）', '回應測試失敗（{error}）', 'Echo test failed ({error})'),
  'check.network.echo.garbled': localized(
    '主机对回响测试的应答无法识别（{reason}），请核对报文格式（TPDU、报文头）或联系收单机构',
    '主機對回應測試的回覆無法識別（{reason}），請核對報文格式（TPDU、報文頭）或聯絡收單機構',
    'The host answer to the echo test is unreadable ({reason}); check the message format (TPDU, header) or call the acquirer',
  ),
  'check.network.echo.wrong-stan': localized(
    '主机应答的流水号 {got} 与请求 {expected} 不符，可能是迟到的旧应答或主机故障',
    '主機回應的序號 {got} 與請求 {expected} 不符，可能是遲到的舊回應或主機故障',
    'The host answered STAN {got} to request {expected}: a late answer to an older message, or a host fault',
  ),
  'check.network.echo-rtt.ok': localized('主机往返时间 {rttMs} 毫秒', '主機往返時間 {rttMs} 毫秒', 'Host round trip {rttMs} ms'),
  'check.network.echo-rtt.slow': localized(
    '主机应答较慢：往返 {rttMs} 毫秒（超过 {slowMs} 毫秒），网络拥堵或主机繁忙，可稍后重试',
    '主機回應較慢：往返 {rttMs} 毫秒（超過 {slowMs} 毫秒），網路壅塞或主機忙碌，可稍後重試',
    'The host is slow: round trip {rttMs} ms (over {slowMs} ms); the network is congested or the host busy, retry later',
  ),
};
