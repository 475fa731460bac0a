/*
 * Sockets for guest programs on the kernel's nolibc, which (in 6.1) has none: the types and
 * constants the UAPI headers (linux/if.h, linux/in.h, ...) expect from a libc's <sys/socket.h>,
 * and the socket system calls.
 */
#ifndef CHARIOT_SYS_SOCKET_H
#define CHARIOT_SYS_SOCKET_H

#include <nolibc.h>
#include <linux/socket.h>
#include <asm/socket.h>

typedef unsigned int socklen_t;
typedef __kernel_sa_family_t sa_family_t;

struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

#define AF_UNSPEC	0
#define AF_UNIX		1
#define AF_INET		2
#define AF_INET6	10
#define AF_NETLINK	16
#define AF_PACKET	17
#define AF_CAN		29
#define PF_UNSPEC	AF_UNSPEC
#define PF_UNIX		AF_UNIX
#define PF_INET		AF_INET
#define PF_INET6	AF_INET6
#define PF_NETLINK	AF_NETLINK
#define PF_PACKET	AF_PACKET
#define PF_CAN		AF_CAN

#define SOCK_STREAM	1
#define SOCK_DGRAM	2
#define SOCK_RAW	3
#define SOCK_NONBLOCK	00004000
#define SOCK_CLOEXEC	02000000

#define SOL_SOCKET	1
#define SOL_PACKET	263
#define SOL_NETLINK	270
#define SOL_CAN_BASE	100

#define MSG_PEEK	0x02
#define MSG_DONTWAIT	0x40

/* A system call's result as a libc returns it: -1 with errno set on failure. */
static inline long socket_result(long ret)
{
	if (ret < 0) {
		SET_ERRNO(-ret);
		return -1;
	}
	return ret;
}

static inline int socket(int domain, int type, int protocol)
{
	return socket_result(my_syscall3(__NR_socket, domain, type, protocol));
}

static inline int bind(int fd, const struct sockaddr *address, socklen_t length)
{
	return socket_result(my_syscall3(__NR_bind, fd, address, length));
}

static inline int connect(int fd, const struct sockaddr *address, socklen_t length)
{
	return socket_result(my_syscall3(__NR_connect, fd, address, length));
}

static inline int listen(int fd, int backlog)
{
	return socket_result(my_syscall2(__NR_listen, fd, backlog));
}

static inline int accept(int fd, struct sockaddr *address, socklen_t *length)
{
	return socket_result(my_syscall3(__NR_accept, fd, address, length));
}

static inline ssize_t sendto(int fd, const void *buffer, size_t size, int flags,
			     const struct sockaddr *to, socklen_t length)
{
	return socket_result(my_syscall6(__NR_sendto, fd, buffer, size, flags, to, length));
}

static inline ssize_t recvfrom(int fd, void *buffer, size_t size, int flags,
			       struct sockaddr *from, socklen_t *length)
{
	return socket_result(my_syscall6(__NR_recvfrom, fd, buffer, size, flags, from, length));
}

static inline ssize_t send(int fd, const void *buffer, size_t size, int flags)
{
	return sendto(fd, buffer, size, flags, 0, 0);
}

static inline ssize_t recv(int fd, void *buffer, size_t size, int flags)
{
	return recvfrom(fd, buffer, size, flags, 0, 0);
}

static inline int setsockopt(int fd, int level, int name, const void *value, socklen_t length)
{
	return socket_result(my_syscall5(__NR_setsockopt, fd, level, name, value, length));
}

static inline int getsockopt(int fd, int level, int name, void *value, socklen_t *length)
{
	return socket_result(my_syscall5(__NR_getsockopt, fd, level, name, value, length));
}

#endif
