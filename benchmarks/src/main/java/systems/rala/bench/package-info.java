/** JMH benchmarks of RALA's hot paths. */
package systems.rala.bench;
