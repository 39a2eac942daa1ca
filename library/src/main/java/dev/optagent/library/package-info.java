/** The experience library: solver-verified insights learned from the agent's own failures. */
package dev.optagent.library;
