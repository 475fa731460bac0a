#include <linux/kernel.h>
#include "twounits.h"

static inline int rotate(int value)
{
	return (value << 3) | ((unsigned int)value >> 29);
}

int twounits_checksum(const char *text, int length)
{
	int sum = 0;
	int i;

	for (i = 0; i < length; i++)
		sum = rotate(sum) ^ text[i];
	return sum;
}
