/**
 * The far side of the guest's network card, needing no host privileges: a point-to-point link
 * ({@link org.chariot.emulator.devices.net.HostNetwork}) to a peer inside the emulator that answers
 * ARP and ICMP echo and echoes UDP ({@link org.chariot.emulator.devices.net.HostPeer}), with an
 * optional pcap capture of every frame ({@link org.chariot.emulator.devices.net.PacketCapture}).
 */
package org.chariot.emulator.devices.net;
