/**
 * The probe agent (issue 11): the same jar run as {@code java -jar vigil.jar agent --server URL --token T
 * --location NAME}. It has no database: it fetches the probes of its location from the server, runs them on its
 * own {@link dev.vigil.engine.ProbeEngine}, keeps their results in an append-only file on disk
 * ({@link dev.vigil.agent.ResultBuffer}) and posts them to the server in batches, with their original times, as
 * soon as and for as long as it answers. The server's side of it is {@link dev.vigil.agents}.
 */
package dev.vigil.agent;
