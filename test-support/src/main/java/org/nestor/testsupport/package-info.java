/**
 * The fake driver of the tests and benchmarks: {@link org.nestor.testsupport.FakeDriver}, whose
 * resources live in a {@link org.nestor.testsupport.FakeWorld}.
 */
@Version("0.1.0")
package org.nestor.testsupport;

import org.osgi.annotation.versioning.Version;
