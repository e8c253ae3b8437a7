/**
 * JMH benchmarks of the library against baselines written with the JDK and Parsson alone, measured in the same
 * run, and the support they share: catalogs of realistic images rendered as the service's pages, a loopback server
 * that answers from pre-rendered bytes, a catalog that computes its images instead of storing them, and a probe of
 * the heap a walk needs.
 */
package io.github.rackimages.benchmarks;
