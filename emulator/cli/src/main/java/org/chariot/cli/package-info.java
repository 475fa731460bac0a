/**
 * The {@code chariot} command line (picocli): {@link org.chariot.cli.ChariotCommand} and one class a
 * subcommand (run, boot, elf, kit, inject, bench, setup, test, ide, demo). Options are checked as
 * picocli parses them ({@link org.chariot.cli.Inputs}, {@link org.chariot.cli.Ranges}), before any
 * work; {@link org.chariot.cli.HostSetup} installs and builds what a command needs and prints its
 * stages; {@link org.chariot.cli.Reporter} and {@link org.chariot.cli.Failures} turn results and
 * errors into the lines and exit statuses the README documents. The work itself lives in the
 * emulator's packages.
 */
package org.chariot.cli;
