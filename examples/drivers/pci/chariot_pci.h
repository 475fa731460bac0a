/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What user space sees of the pci example: /dev/chariot_pci, the device's 4 KiB buffer as a file.
 * write() moves bytes into the buffer at the file position by DMA, read() moves them back by DMA.
 */
#ifndef CHARIOT_PCI_H
#define CHARIOT_PCI_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define CHARIOT_PCI_DEVICE "/dev/chariot_pci"
#define CHARIOT_PCI_BUFFER_SIZE 4096

/* A window of the buffer read straight through BAR 2, without DMA. */
struct chariot_pci_peek {
	__u32 offset;
	__u32 length;
	__u64 data; /* user pointer to length bytes */
};

/* The device's CRC-32 of the bytes its last write() brought in. */
#define CHARIOT_PCI_CHECKSUM _IOR('C', 1, __u32)
/* Copies part of the buffer out through the BAR, for comparing with what DMA put there. */
#define CHARIOT_PCI_PEEK _IOW('C', 2, struct chariot_pci_peek)

#endif
