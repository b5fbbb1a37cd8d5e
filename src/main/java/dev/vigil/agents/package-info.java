/**
 * Probe agents as the server sees them (issue 11): their tokens, each bound to one location (created and revoked
 * in the console and the admin API, stored hashed); the endpoints they call, which hand each agent the probes of
 * its location and record the results it posts back; and what each location sees, for the public page. The agent
 * process itself is {@link dev.vigil.agent}.
 */
package dev.vigil.agents;
