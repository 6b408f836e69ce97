/**
 * The harness's certificate authority: a root (and intermediates) that issue short-lived workload
 * certificates with SPIFFE identities for the local target's HAProxy sidecars, and Linkerd's trust
 * anchor and issuer. Private keys live in memory and, when a sidecar needs them on disk, in a
 * {@link io.meshproof.pki.KeyMaterialDirectory} that is owner-only and deleted at the end of the run.
 */
package io.meshproof.pki;
