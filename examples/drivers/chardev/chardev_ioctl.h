/* SPDX-License-Identifier: GPL-2.0 */
/* ioctl commands of /dev/chariot_chardev, shared by the driver and its exercise program. */
#ifndef CHARDEV_IOCTL_H
#define CHARDEV_IOCTL_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define CHARDEV_IOC_MAGIC 'C'
/* Zero the buffer and forget what was written. */
#define CHARDEV_IOC_CLEAR _IO(CHARDEV_IOC_MAGIC, 0)
/* The buffer's capacity in bytes. */
#define CHARDEV_IOC_GET_SIZE _IOR(CHARDEV_IOC_MAGIC, 1, __u32)

#endif
