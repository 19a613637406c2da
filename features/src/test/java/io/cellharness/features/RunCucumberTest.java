package io.cellharness.features;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every behaviour scenario, on the backend named by the {@code cell.backend} system property (the simulator by
 * default), with Allure results written for every run. {@code cell run} runs the same feature files the same way.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("io.cellharness.features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.cellharness.features")
@ConfigurationParameter(key = PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, value = "true")
@ConfigurationParameter(key = "cucumber.junit-platform.naming-strategy.short.example-name", value = "pickle")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm")
public class RunCucumberTest {
}
