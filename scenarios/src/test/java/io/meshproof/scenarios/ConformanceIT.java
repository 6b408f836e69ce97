package io.meshproof.scenarios;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The conformance suite: every scenario of {@code catalog/} (and of {@code mesh.scenarios.dir})
 * against {@code mesh.target}. Surefire and Failsafe hand engines class selectors only, so this
 * suite class carries the directory selector to the meshproof engine (DESIGN.md section 9).
 */
@Suite
@SuiteDisplayName("meshproof conformance")
@IncludeEngines("meshproof")
@SelectDirectories("catalog")
public class ConformanceIT {
}
