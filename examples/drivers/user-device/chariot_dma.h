/* SPDX-License-Identifier: GPL-2.0 */
/* What user space sees of the user-device example: a misc device that copies through the DMA engine. */
#ifndef CHARIOT_DMA_H
#define CHARIOT_DMA_H

#define CHARIOT_DMA_DEVICE "/dev/chariot_dma"
/* The most one write() moves: the engine's buffer (dma-copy.device). */
#define CHARIOT_DMA_MAX 256

#endif
