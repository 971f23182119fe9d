/** Host code + self-check findings -> the cause, its evidence, the cashier's hint and the next steps. Pure. */
export { diagnose, causeSettled, type CodeShape, codeSteps, type Diagnosis, type DiagnoseInput, type Cause, type Evidence } from './diagnose';
export { CAUSE_RULES, type CauseRule, type CauseDevice } from './causes';
