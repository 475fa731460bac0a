/**
 * The Chariot launch configuration type, headless: its attribute keys and their defaults ({@link
 * org.chariot.core.launch.ILaunchAttributes}), the settings read from a configuration ({@link
 * org.chariot.core.launch.LaunchSettings}), the {@code chariot run} command line they make ({@link
 * org.chariot.core.launch.ChariotCommandLine}), and the delegate that runs it as a job with progress
 * and follows its event stream ({@link org.chariot.core.launch.ChariotLaunchDelegate}).
 */
package org.chariot.core.launch;
