/* Byte order conversions for guest programs on nolibc (the guest is little-endian RISC-V). */
#ifndef CHARIOT_ARPA_INET_H
#define CHARIOT_ARPA_INET_H

#include <nolibc.h>

static inline unsigned short htons(unsigned short value)
{
	return __builtin_bswap16(value);
}

static inline unsigned int htonl(unsigned int value)
{
	return __builtin_bswap32(value);
}

#define ntohs htons
#define ntohl htonl

#endif
