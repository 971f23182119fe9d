/** The crash-safe diagnostic journal, the slips kept for reprint, and the slips waiting for paper. */
export { openJournal, journalFiles, JOURNAL_OPTIONS, JOURNAL_FILE, type Journal, type JournalOptions } from './journal';
export { resolveDataDir, ensureDataDir, dataDirFor, isSimulatedRun, SIM_DATA_DIR } from './data-dir';
export { saveSlip, loadSlip, isSlipId, newSlipId, type SlipMeta, type StoredSlip } from './slip-store';
export { journalJobStore, PRINT_QUEUE_FILE } from './job-store';
export { scrubRecord, scrubText, scrubBytes, luhnValid } from './scrub';
export { encodeRecord, decodeLine, decodeText } from './record-codec';
export { formatId, parseId, isoWithOffset } from './ids';
export { journalDevices, journalFinding, journalCause } from './from-results';
export { recordLine, recordDetail, journalLabels, shortTime } from './render';
export type {
  JournalKind,
  JournalRecord,
  NewJournalRecord,
  DiagnosisRecord,
  MenuRecord,
  MenuEvent,
  SelftestRecord,
  JournalDevice,
  JournalFinding,
  SlipState,
  RecordBase,
} from './types';
