/* <sys/types.h> for guest programs: nolibc declares what the UAPI headers expect from it. */
#include <nolibc.h>
