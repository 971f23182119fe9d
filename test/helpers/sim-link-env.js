/**
 * Tests that run the simulated terminal (in this process, or in a child posdiag given this process.env)
 * use real pseudo-terminals unless a test asks otherwise: a missing socat then fails them with the
 * command that installs it, instead of letting them pass quietly over the in-process link. Unit tests
 * that need the simulated terminal set POSDIAG_SIM_LINK=in-process themselves (no PTY in
 * `npm run test:unit`).
 */
process.env.POSDIAG_SIM_LINK ??= 'pty';
