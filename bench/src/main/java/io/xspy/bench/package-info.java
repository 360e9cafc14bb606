/** JMH benchmarks of xspy's core, store and receiver; see bench/README.md. */
package io.xspy.bench;
