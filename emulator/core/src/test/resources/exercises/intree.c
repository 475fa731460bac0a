/*
 * Exercises the kernel's own drivers from user space, as their users do: one command per driver
 * class, named by the first argument, each printing "intree: ..." lines that must be the same
 * whether the driver runs isolated or not, and exiting 0 when the driver did what it should.
 *   blk DEVICE       write and read back a block through O_DIRECT (null_blk, brd, virtio-blk)
 *   loop             a loop device over a file: write through the device, read the file
 *   hwrng            random bytes from /dev/hwrng (virtio-rng)
 *   netdev NAME      bring a link up with an IPv4 address, send a datagram out of it
 *   netdevsim        make a netdevsim device through its bus, then netdev on its port
 *   veth             make a veth pair over rtnetlink, a frame sent on one arrives on the other
 *   macvlan          a macvlan over dummy0 made over rtnetlink, then netdev on it
 *   nlmon            a netlink monitor device sees a netlink request
 *   tun              a datagram routed into tun0 is read from its file descriptor
 *   vcan             a CAN frame sent on vcan0 is received by another CAN_RAW socket
 *   i2c              SMBus byte write and read back through /dev/i2c-0 (i2c-stub at 0x50)
 *   eeprom           an AT24 EEPROM instantiated on i2c-0 at 0x50: write and read its nvmem file
 *   hwmon            an LM75 on i2c-0 at 0x48 reads the temperature its register holds
 *   gpio LABEL       drive a line of the GPIO chip LABEL as an output and read it back (cdev v2)
 *   gpio-sim         a gpio-sim chip made through configfs: pulls set in sysfs read as inputs
 *   watchdog         open /dev/watchdog, set its timeout, ping it, close it with the magic 'V'
 *   iio              an iio_dummy device made through configfs: read and write its channels
 *   uinput           a key pressed through uinput arrives on the evdev node of its device
 *   uleds            a userspace LED follows a brightness written to sysfs and a timer trigger
 *   uhid             a HID device made through uhid is bound by hid-generic, its report arrives on evdev
 *   mtd              erase, write and read back /dev/mtd0 (mtdram)
 *   kunit SUITE...   each KUnit suite named passed every case (their debugfs results)
 */
#include <nolibc.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_link.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <linux/sockios.h>
#include <linux/can.h>
#include <linux/can/raw.h>
#include <linux/loop.h>
#include <linux/i2c.h>
#include <linux/i2c-dev.h>
#include <linux/gpio.h>
#include <linux/watchdog.h>
#include <linux/rtc.h>
#include <linux/uinput.h>
#include <linux/uleds.h>
#include <linux/uhid.h>
#include <mtd/mtd-user.h>

/* Flags nolibc (6.1) does not define, from the UAPI's asm-generic/fcntl.h and linux/fcntl.h. */
#ifndef O_DIRECT
#define O_DIRECT 00040000
#endif
#ifndef AT_REMOVEDIR
#define AT_REMOVEDIR 0x200
#endif

#define WAIT_STEPS 200		/* of 10 ms: how long a device may take to appear */

static int fail(const char *what)
{
	printf("intree: FAILED: %s (errno %d)\n", what, errno);
	return 1;
}

/* --- files ------------------------------------------------------------------------------ */

/* nolibc (6.1) has no strcat. */
static void append(char *text, const char *more)
{
	strcpy(text + strlen(text), more);
}

static int rmdir_path(const char *path)
{
	long result = my_syscall3(__NR_unlinkat, AT_FDCWD, path, AT_REMOVEDIR);
	if (result < 0) {
		SET_ERRNO(-result);
		return -1;
	}
	return 0;
}

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	if (fd < 0)
		return -1;
	ssize_t wrote = write(fd, text, strlen(text));
	close(fd);
	return wrote == (ssize_t)strlen(text) ? 0 : -1;
}

/* Reads a small text file, without its trailing newline; returns its length or -1. */
static int read_file(const char *path, char *text, int size)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t got = read(fd, text, size - 1);
	close(fd);
	if (got < 0)
		return -1;
	while (got > 0 && (text[got - 1] == '\n' || text[got - 1] == ' '))
		got--;
	text[got] = 0;
	return got;
}

static int wait_for(const char *path)
{
	for (int i = 0; i < WAIT_STEPS; i++) {
		int fd = open(path, O_RDONLY);
		if (fd >= 0) {
			close(fd);
			return 0;
		}
		msleep(10);
	}
	return -1;
}

static int mount_once(const char *type, const char *where)
{
	mkdir(where, 0755);
	if (mount(type, where, type, 0, NULL) < 0 && errno != EBUSY)
		return -1;
	return 0;
}

/* --- block devices ----------------------------------------------------------------------- */

static unsigned char sector_out[4096] __attribute__((aligned(4096)));
static unsigned char sector_in[4096] __attribute__((aligned(4096)));

static void fill_pattern(unsigned char *bytes, int size, int seed)
{
	for (int i = 0; i < size; i++)
		bytes[i] = (unsigned char)(i * 7 + seed);
}

static int block(const char *device)
{
	if (wait_for(device) < 0)
		return fail("the block device did not appear");
	int fd = open(device, O_RDWR | O_DIRECT);
	if (fd < 0)
		return fail("open the block device with O_DIRECT");
	fill_pattern(sector_out, sizeof(sector_out), 3);
	if (lseek(fd, 8192, SEEK_SET) != 8192 || write(fd, sector_out, sizeof(sector_out)) != sizeof(sector_out))
		return fail("write 4096 bytes at offset 8192");
	if (lseek(fd, 8192, SEEK_SET) != 8192 || read(fd, sector_in, sizeof(sector_in)) != sizeof(sector_in))
		return fail("read them back");
	close(fd);
	if (memcmp(sector_out, sector_in, sizeof(sector_in)) != 0)
		return fail("the block read back differs from the one written");
	printf("intree: %s: 4096 bytes written and read back through O_DIRECT\n", device);
	return 0;
}

static int loop(void)
{
	const char *backing = "/chariot/loop.img";
	int file = open(backing, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (file < 0)
		return fail("create the backing file");
	memset(sector_in, 0, sizeof(sector_in));
	for (int i = 0; i < 16; i++)
		if (write(file, sector_in, sizeof(sector_in)) != sizeof(sector_in))
			return fail("fill the backing file");
	int control = open("/dev/loop-control", O_RDWR);
	if (control < 0)
		return fail("open /dev/loop-control");
	int number = ioctl(control, LOOP_CTL_GET_FREE, 0);
	close(control);
	if (number < 0)
		return fail("LOOP_CTL_GET_FREE");
	char device[32];
	strcpy(device, "/dev/loop");
	append(device, itoa(number));
	if (wait_for(device) < 0)
		return fail("the loop device did not appear");
	int fd = open(device, O_RDWR);
	if (fd < 0 || ioctl(fd, LOOP_SET_FD, (void *)(long)file) < 0)
		return fail("LOOP_SET_FD");
	fill_pattern(sector_out, sizeof(sector_out), 5);
	if (lseek(fd, 4096, SEEK_SET) != 4096 || write(fd, sector_out, sizeof(sector_out)) != sizeof(sector_out) ||
	    fsync(fd) < 0)
		return fail("write through the loop device");
	if (lseek(file, 4096, SEEK_SET) != 4096 || read(file, sector_in, sizeof(sector_in)) != sizeof(sector_in) ||
	    memcmp(sector_in, sector_out, sizeof(sector_in)) != 0)
		return fail("the backing file does not hold what was written through the loop device");
	if (ioctl(fd, LOOP_CLR_FD, 0) < 0)
		return fail("LOOP_CLR_FD");
	close(fd);
	close(file);
	printf("intree: loop: a block written through the loop device is in its backing file\n");
	return 0;
}

static int hwrng(void)
{
	unsigned char bytes[32];
	int fd = open("/dev/hwrng", O_RDONLY);
	if (fd < 0)
		return fail("open /dev/hwrng");
	ssize_t got = read(fd, bytes, sizeof(bytes));
	close(fd);
	int nonzero = 0;
	for (ssize_t i = 0; i < got; i++)
		nonzero |= bytes[i];
	if (got != sizeof(bytes) || !nonzero)
		return fail("read 32 random bytes");
	printf("intree: hwrng: 32 random bytes\n");
	return 0;
}

/* --- network devices --------------------------------------------------------------------- */

static int inet_socket(void)
{
	return socket(AF_INET, SOCK_DGRAM, 0);
}

static int link_index(const char *name)
{
	struct ifreq request;
	memset(&request, 0, sizeof(request));
	strncpy(request.ifr_name, name, IFNAMSIZ - 1);
	int fd = inet_socket();
	int result = ioctl(fd, SIOCGIFINDEX, &request);
	close(fd);
	return result < 0 ? -1 : request.ifr_ifindex;
}

static int set_link(const char *name, int up)
{
	struct ifreq request;
	memset(&request, 0, sizeof(request));
	strncpy(request.ifr_name, name, IFNAMSIZ - 1);
	int fd = inet_socket();
	int result = ioctl(fd, SIOCGIFFLAGS, &request);
	if (result == 0) {
		if (up)
			request.ifr_flags |= IFF_UP;
		else
			request.ifr_flags &= ~IFF_UP;
		result = ioctl(fd, SIOCSIFFLAGS, &request);
	}
	close(fd);
	return result;
}

static unsigned int ipv4(int a, int b, int c, int d)
{
	return htonl((unsigned int)(a << 24 | b << 16 | c << 8 | d));
}

static int set_address(const char *name, unsigned int address, unsigned int netmask)
{
	struct ifreq request;
	memset(&request, 0, sizeof(request));
	strncpy(request.ifr_name, name, IFNAMSIZ - 1);
	struct sockaddr_in *in = (struct sockaddr_in *)&request.ifr_addr;
	in->sin_family = AF_INET;
	in->sin_addr.s_addr = address;
	int fd = inet_socket();
	int result = ioctl(fd, SIOCSIFADDR, &request);
	in->sin_addr.s_addr = netmask;
	if (result == 0)
		result = ioctl(fd, SIOCSIFNETMASK, &request);
	close(fd);
	return result;
}

static long statistic(const char *name, const char *counter)
{
	char path[128], text[32];
	strcpy(path, "/sys/class/net/");
	append(path, name);
	append(path, "/statistics/");
	append(path, counter);
	return read_file(path, text, sizeof(text)) < 0 ? -1 : atol(text);
}

static int send_datagram(unsigned int to, const char *text)
{
	struct sockaddr_in destination;
	memset(&destination, 0, sizeof(destination));
	destination.sin_family = AF_INET;
	destination.sin_port = htons(9);
	destination.sin_addr.s_addr = to;
	int fd = inet_socket();
	ssize_t sent = sendto(fd, text, strlen(text), 0, (struct sockaddr *)&destination, sizeof(destination));
	close(fd);
	return sent == (ssize_t)strlen(text) ? 0 : -1;
}

/* Up, 10.9.0.1/24, a datagram to 10.9.0.2 leaves through it, down. */
static int netdev(const char *name)
{
	if (link_index(name) < 0)
		return fail("no such network device");
	if (set_link(name, 1) < 0 || set_address(name, ipv4(10, 9, 0, 1), ipv4(255, 255, 255, 0)) < 0)
		return fail("bring the link up with an address");
	long before = statistic(name, "tx_packets");
	if (send_datagram(ipv4(10, 9, 0, 2), "chariot") < 0)
		return fail("send a datagram out of the link");
	long after = before;
	for (int i = 0; i < WAIT_STEPS && after <= before; i++) {
		msleep(10);
		after = statistic(name, "tx_packets");
	}
	if (after <= before)
		return fail("the link did not count the packet it sent");
	if (set_link(name, 0) < 0)
		return fail("bring the link down");
	printf("intree: %s: up with 10.9.0.1/24, sent a packet, down\n", name);
	return 0;
}

static int netdevsim(void)
{
	if (write_file("/sys/bus/netdevsim/new_device", "1 1") < 0)
		return fail("make netdevsim device 1 with one port");
	if (wait_for("/sys/bus/netdevsim/devices/netdevsim1/net") < 0)
		return fail("its port did not appear");
	int result = 1;
	for (int i = 0; i < WAIT_STEPS && result; i++) {
		/* The port's name comes from the kernel (eth0, or eni1np1 once renamed). */
		const char *names[] = {"eni1np1", "eth0"};
		for (int n = 0; n < 2 && result; n++)
			if (link_index(names[n]) >= 0)
				result = netdev(names[n]);
		if (result)
			msleep(10);
	}
	if (result)
		return fail("no port of the netdevsim device could be exercised");
	if (write_file("/sys/bus/netdevsim/del_device", "1") < 0)
		return fail("delete netdevsim device 1");
	printf("intree: netdevsim: device made and deleted through its bus\n");
	return 0;
}

/* rtnetlink: a request, built attribute by attribute, and its acknowledgement. */
struct netlink_request {
	struct nlmsghdr header;
	struct ifinfomsg link;
	char attributes[512];
};

static struct rtattr *add_attribute(struct nlmsghdr *header, int type, const void *data, int length)
{
	struct rtattr *attribute = (struct rtattr *)((char *)header + NLMSG_ALIGN(header->nlmsg_len));
	attribute->rta_type = type;
	attribute->rta_len = RTA_LENGTH(length);
	if (data)
		memcpy(RTA_DATA(attribute), data, length);
	else
		memset(RTA_DATA(attribute), 0, length);
	header->nlmsg_len = NLMSG_ALIGN(header->nlmsg_len) + RTA_ALIGN(attribute->rta_len);
	return attribute;
}

static void end_nest(struct nlmsghdr *header, struct rtattr *nest)
{
	nest->rta_len = (char *)header + header->nlmsg_len - (char *)nest;
}

static void start_request(struct netlink_request *request, int type, int flags)
{
	memset(request, 0, sizeof(*request));
	request->header.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg));
	request->header.nlmsg_type = type;
	request->header.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	request->header.nlmsg_seq = 1;
	request->link.ifi_family = AF_UNSPEC;
}

/* Starts a new link's request: its name and kind; returns the IFLA_INFO_DATA nest to fill (or end). */
static struct rtattr *new_link(struct netlink_request *request, const char *name, const char *kind,
			       struct rtattr **info)
{
	start_request(request, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
	add_attribute(&request->header, IFLA_IFNAME, name, strlen(name) + 1);
	*info = add_attribute(&request->header, IFLA_LINKINFO, NULL, 0);
	add_attribute(&request->header, IFLA_INFO_KIND, kind, strlen(kind));
	return add_attribute(&request->header, IFLA_INFO_DATA, NULL, 0);
}

static int talk_netlink(struct netlink_request *request)
{
	int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	if (fd < 0)
		return -1;
	struct sockaddr_nl kernel;
	memset(&kernel, 0, sizeof(kernel));
	kernel.nl_family = AF_NETLINK;
	if (sendto(fd, request, request->header.nlmsg_len, 0, (struct sockaddr *)&kernel, sizeof(kernel)) < 0) {
		close(fd);
		return -1;
	}
	char reply[1024];
	ssize_t got = recv(fd, reply, sizeof(reply), 0);
	close(fd);
	struct nlmsghdr *answer = (struct nlmsghdr *)reply;
	if (got < (ssize_t)NLMSG_LENGTH(sizeof(struct nlmsgerr)) || answer->nlmsg_type != NLMSG_ERROR)
		return -1;
	int error = ((struct nlmsgerr *)NLMSG_DATA(answer))->error;
	if (error) {
		SET_ERRNO(-error);
		return -1;
	}
	return 0;
}

static int delete_link(const char *name)
{
	struct netlink_request request;
	start_request(&request, RTM_DELLINK, 0);
	request.link.ifi_index = link_index(name);
	return talk_netlink(&request);
}

static int packet_socket(const char *name)
{
	int fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	struct sockaddr_ll where;
	memset(&where, 0, sizeof(where));
	where.sll_family = AF_PACKET;
	where.sll_protocol = htons(ETH_P_ALL);
	where.sll_ifindex = link_index(name);
	if (fd < 0 || bind(fd, (struct sockaddr *)&where, sizeof(where)) < 0)
		return -1;
	return fd;
}

/* Waits up to two seconds for a packet (or frame, or datagram) on fd that contains marker. */
static int receive_marked(int fd, const char *marker)
{
	static char packet[2048];
	for (int i = 0; i < 20; i++) {
		struct pollfd ready = {.fd = fd, .events = POLLIN};
		if (poll(&ready, 1, 100) <= 0)
			continue;
		ssize_t got = read(fd, packet, sizeof(packet));
		for (ssize_t at = 0; at + (ssize_t)strlen(marker) <= got; at++)
			if (memcmp(packet + at, marker, strlen(marker)) == 0)
				return 0;
	}
	return -1;
}

static int veth(void)
{
	struct netlink_request request;
	struct rtattr *info;
	struct rtattr *data = new_link(&request, "veth0", "veth", &info);
	struct rtattr *peer = add_attribute(&request.header, VETH_INFO_PEER, NULL, sizeof(struct ifinfomsg));
	add_attribute(&request.header, IFLA_IFNAME, "veth1", 6);
	end_nest(&request.header, peer);
	end_nest(&request.header, data);
	end_nest(&request.header, info);
	if (talk_netlink(&request) < 0)
		return fail("make the veth pair veth0/veth1 over rtnetlink");
	if (set_link("veth0", 1) < 0 || set_link("veth1", 1) < 0)
		return fail("bring both ends up");
	int receiver = packet_socket("veth1");
	int sender = packet_socket("veth0");
	if (receiver < 0 || sender < 0)
		return fail("open packet sockets on both ends");
	unsigned char frame[64];
	memset(frame, 0xff, ETH_ALEN);
	memset(frame + ETH_ALEN, 0x02, ETH_ALEN);
	frame[12] = 0x88;	/* local experimental ethertype 0x88b5 */
	frame[13] = 0xb5;
	memset(frame + 14, 0, sizeof(frame) - 14);
	memcpy(frame + 14, "chariot-veth", 12);
	if (send(sender, frame, sizeof(frame), 0) != sizeof(frame))
		return fail("send a frame on veth0");
	if (receive_marked(receiver, "chariot-veth") < 0)
		return fail("the frame sent on veth0 did not arrive on veth1");
	close(sender);
	close(receiver);
	if (delete_link("veth0") < 0)
		return fail("delete the pair");
	printf("intree: veth: a frame sent on veth0 arrived on veth1; pair deleted\n");
	return 0;
}

static int macvlan(void)
{
	struct netlink_request request;
	struct rtattr *info;
	struct rtattr *data = new_link(&request, "mv0", "macvlan", &info);
	end_nest(&request.header, data);
	end_nest(&request.header, info);
	int lower = link_index("dummy0");
	add_attribute(&request.header, IFLA_LINK, &lower, sizeof(lower));
	if (lower < 0 || set_link("dummy0", 1) < 0 || talk_netlink(&request) < 0)
		return fail("make macvlan mv0 over dummy0 over rtnetlink");
	if (netdev("mv0") != 0)
		return 1;
	if (delete_link("mv0") < 0)
		return fail("delete mv0");
	printf("intree: macvlan: mv0 over dummy0 made, used and deleted\n");
	return 0;
}

static int nlmon(void)
{
	struct netlink_request request;
	struct rtattr *info;
	struct rtattr *data = new_link(&request, "nlmon0", "nlmon", &info);
	end_nest(&request.header, data);
	end_nest(&request.header, info);
	if (talk_netlink(&request) < 0 || set_link("nlmon0", 1) < 0)
		return fail("make nlmon0 over rtnetlink and bring it up");
	int monitor = packet_socket("nlmon0");
	if (monitor < 0)
		return fail("open a packet socket on nlmon0");
	/* A request that fails, carrying a marker the monitor must see. */
	start_request(&request, RTM_DELLINK, 0);
	add_attribute(&request.header, IFLA_IFNAME, "chariot-nl", 11);
	talk_netlink(&request);
	if (receive_marked(monitor, "chariot-nl") < 0)
		return fail("nlmon0 did not show the netlink request");
	close(monitor);
	if (delete_link("nlmon0") < 0)
		return fail("delete nlmon0");
	printf("intree: nlmon: a netlink request seen on nlmon0\n");
	return 0;
}

static int tun(void)
{
	int fd = open("/dev/net/tun", O_RDWR);
	struct ifreq request;
	memset(&request, 0, sizeof(request));
	strcpy(request.ifr_name, "tun0");
	request.ifr_flags = IFF_TUN | IFF_NO_PI;
	if (fd < 0 || ioctl(fd, TUNSETIFF, &request) < 0)
		return fail("make tun0 with TUNSETIFF");
	if (set_link("tun0", 1) < 0 || set_address("tun0", ipv4(10, 8, 0, 1), ipv4(255, 255, 255, 0)) < 0)
		return fail("bring tun0 up with 10.8.0.1/24");
	if (send_datagram(ipv4(10, 8, 0, 2), "chariot-tun") < 0)
		return fail("send a datagram to 10.8.0.2");
	if (receive_marked(fd, "chariot-tun") < 0)
		return fail("the datagram did not come out of tun0's file descriptor");
	close(fd);
	printf("intree: tun: a datagram to 10.8.0.2 read from tun0\n");
	return 0;
}

static int can_socket(int index)
{
	int fd = socket(PF_CAN, SOCK_RAW, CAN_RAW);
	struct sockaddr_can where;
	memset(&where, 0, sizeof(where));
	where.can_family = AF_CAN;
	where.can_ifindex = index;
	if (fd < 0 || bind(fd, (struct sockaddr *)&where, sizeof(where)) < 0)
		return -1;
	return fd;
}

static int vcan(void)
{
	struct netlink_request request;
	struct rtattr *info;
	struct rtattr *data = new_link(&request, "vcan0", "vcan", &info);
	end_nest(&request.header, data);
	end_nest(&request.header, info);
	if (talk_netlink(&request) < 0 || set_link("vcan0", 1) < 0)
		return fail("make vcan0 over rtnetlink and bring it up");
	int receiver = can_socket(link_index("vcan0"));
	int sender = can_socket(link_index("vcan0"));
	if (receiver < 0 || sender < 0)
		return fail("open CAN_RAW sockets on vcan0");
	struct can_frame frame;
	memset(&frame, 0, sizeof(frame));
	frame.can_id = 0x123;
	frame.len = 8;
	memcpy(frame.data, "chariotC", 8);
	if (write(sender, &frame, sizeof(frame)) != sizeof(frame))
		return fail("send a CAN frame on vcan0");
	if (receive_marked(receiver, "chariotC") < 0)
		return fail("the other socket did not receive the frame");
	close(sender);
	close(receiver);
	if (delete_link("vcan0") < 0)
		return fail("delete vcan0");
	printf("intree: vcan: CAN frame 0x123 sent and received on vcan0\n");
	return 0;
}

/* --- I2C ------------------------------------------------------------------------------- */

static int smbus(int fd, char direction, int command, int size, union i2c_smbus_data *data)
{
	struct i2c_smbus_ioctl_data request = {
		.read_write = direction, .command = command, .size = size, .data = data,
	};
	return ioctl(fd, I2C_SMBUS, &request);
}

static int open_client(int address)
{
	if (wait_for("/dev/i2c-0") < 0)
		return -1;
	int fd = open("/dev/i2c-0", O_RDWR);
	if (fd < 0 || ioctl(fd, I2C_SLAVE_FORCE, (void *)(long)address) < 0)
		return -1;
	return fd;
}

static int i2c(void)
{
	int fd = open_client(0x50);
	if (fd < 0)
		return fail("open /dev/i2c-0 for address 0x50");
	union i2c_smbus_data data = {.byte = 0x5a};
	if (smbus(fd, I2C_SMBUS_WRITE, 0x10, I2C_SMBUS_BYTE_DATA, &data) < 0)
		return fail("SMBus write byte data");
	data.byte = 0;
	if (smbus(fd, I2C_SMBUS_READ, 0x10, I2C_SMBUS_BYTE_DATA, &data) < 0 || data.byte != 0x5a)
		return fail("SMBus read back the byte written");
	close(fd);
	printf("intree: i2c: register 0x10 of 0x50 written 0x5a and read back\n");
	return 0;
}

static int eeprom(void)
{
	if (write_file("/sys/bus/i2c/devices/i2c-0/new_device", "24c02 0x50") < 0)
		return fail("instantiate a 24c02 at 0x50 on i2c-0");
	const char *path = "/sys/bus/i2c/devices/0-0050/eeprom";
	if (wait_for(path) < 0)
		return fail("at24 did not bind the EEPROM");
	const char text[] = "chariot eeprom!";
	int fd = open(path, O_RDWR);
	if (fd < 0 || write(fd, text, sizeof(text)) != sizeof(text))
		return fail("write 16 bytes to the EEPROM");
	char back[sizeof(text)];
	if (lseek(fd, 0, SEEK_SET) != 0 || read(fd, back, sizeof(back)) != sizeof(back) ||
	    memcmp(back, text, sizeof(text)) != 0)
		return fail("read the 16 bytes back");
	close(fd);
	if (write_file("/sys/bus/i2c/devices/i2c-0/delete_device", "0x50") < 0)
		return fail("delete the EEPROM");
	printf("intree: eeprom: 16 bytes written to and read from a 24c02 through at24\n");
	return 0;
}

/* Finds the hwmon device called name: its directory in path. */
static int find_hwmon(const char *name, char *path)
{
	char text[32];
	for (int i = 0; i < 8; i++) {
		strcpy(path, "/sys/class/hwmon/hwmon");
		append(path, itoa(i));
		int end = strlen(path);
		append(path, "/name");
		if (read_file(path, text, sizeof(text)) > 0 && strcmp(text, name) == 0) {
			path[end] = 0;
			return 0;
		}
	}
	return -1;
}

static int hwmon(void)
{
	int fd = open_client(0x48);
	/* LM75 temperature register: 25.0 °C, most significant byte first. */
	union i2c_smbus_data data = {.word = 0x0019};
	if (fd < 0 || smbus(fd, I2C_SMBUS_WRITE, 0, I2C_SMBUS_WORD_DATA, &data) < 0)
		return fail("preset the stub chip's temperature register");
	close(fd);
	if (write_file("/sys/bus/i2c/devices/i2c-0/new_device", "lm75 0x48") < 0)
		return fail("instantiate an lm75 at 0x48 on i2c-0");
	char path[96], text[32];
	int found = -1;
	for (int i = 0; i < WAIT_STEPS && found < 0; i++) {
		found = find_hwmon("lm75", path);
		if (found < 0)
			msleep(10);
	}
	if (found < 0)
		return fail("lm75 did not register a hwmon device");
	append(path, "/temp1_input");
	if (read_file(path, text, sizeof(text)) < 0 || strcmp(text, "25000") != 0)
		return fail("temp1_input does not read 25000");
	if (write_file("/sys/bus/i2c/devices/i2c-0/delete_device", "0x48") < 0)
		return fail("delete the lm75");
	printf("intree: hwmon: lm75 reads 25000 m°C from its register\n");
	return 0;
}

/* --- GPIO ------------------------------------------------------------------------------- */

/* Opens the GPIO chip whose label is label. */
static int open_chip(const char *label)
{
	char path[32];
	for (int i = 0; i < 8; i++) {
		strcpy(path, "/dev/gpiochip");
		append(path, itoa(i));
		int fd = open(path, O_RDWR);
		if (fd < 0)
			continue;
		struct gpiochip_info info;
		if (ioctl(fd, GPIO_GET_CHIPINFO_IOCTL, &info) == 0 && strcmp(info.label, label) == 0)
			return fd;
		close(fd);
	}
	return -1;
}

static int request_line(int chip, int offset, unsigned long long flags, int value)
{
	struct gpio_v2_line_request request;
	memset(&request, 0, sizeof(request));
	request.offsets[0] = offset;
	request.num_lines = 1;
	strcpy(request.consumer, "chariot");
	request.config.flags = flags;
	if (flags & GPIO_V2_LINE_FLAG_OUTPUT) {
		request.config.num_attrs = 1;
		request.config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
		request.config.attrs[0].attr.values = value;
		request.config.attrs[0].mask = 1;
	}
	if (ioctl(chip, GPIO_V2_GET_LINE_IOCTL, &request) < 0)
		return -1;
	return request.fd;
}

static int line_value(int line)
{
	struct gpio_v2_line_values values = {.mask = 1};
	if (ioctl(line, GPIO_V2_LINE_GET_VALUES_IOCTL, &values) < 0)
		return -1;
	return (int)(values.bits & 1);
}

static int set_line(int line, int value)
{
	struct gpio_v2_line_values values = {.bits = value, .mask = 1};
	return ioctl(line, GPIO_V2_LINE_SET_VALUES_IOCTL, &values);
}

static int gpio(const char *label)
{
	int chip = -1;
	for (int i = 0; i < WAIT_STEPS && chip < 0; i++) {
		chip = open_chip(label);
		if (chip < 0)
			msleep(10);
	}
	if (chip < 0)
		return fail("no GPIO chip with that label");
	int line = request_line(chip, 1, GPIO_V2_LINE_FLAG_OUTPUT, 1);
	if (line < 0)
		return fail("request line 1 as an output driven high");
	if (line_value(line) != 1 || set_line(line, 0) < 0 || line_value(line) != 0)
		return fail("line 1 does not read what it drives");
	close(line);
	close(chip);
	printf("intree: gpio: line 1 of %s driven high then low and read back\n", label);
	return 0;
}

static int gpio_sim(void)
{
	const char *chip = "/sys/kernel/config/gpio-sim/chariot";
	if (mount_once("configfs", "/sys/kernel/config") < 0 || mkdir(chip, 0755) < 0 ||
	    mkdir("/sys/kernel/config/gpio-sim/chariot/bank0", 0755) < 0)
		return fail("make a gpio-sim chip in configfs");
	if (write_file("/sys/kernel/config/gpio-sim/chariot/bank0/num_lines", "4") < 0 ||
	    write_file("/sys/kernel/config/gpio-sim/chariot/bank0/label", "chariot-sim") < 0 ||
	    write_file("/sys/kernel/config/gpio-sim/chariot/live", "1") < 0)
		return fail("give it 4 lines and make it live");
	char device[32], name[32], path[128];
	if (read_file("/sys/kernel/config/gpio-sim/chariot/dev_name", device, sizeof(device)) < 0 ||
	    read_file("/sys/kernel/config/gpio-sim/chariot/bank0/chip_name", name, sizeof(name)) < 0)
		return fail("read the simulated chip's names");
	int fd = open_chip("chariot-sim");
	int line = fd < 0 ? -1 : request_line(fd, 2, GPIO_V2_LINE_FLAG_INPUT, 0);
	if (line < 0)
		return fail("request line 2 of the simulated chip as an input");
	strcpy(path, "/sys/devices/platform/");
	append(path, device);
	append(path, "/");
	append(path, name);
	append(path, "/sim_gpio2/pull");
	if (write_file(path, "pull-up") < 0 || line_value(line) != 1 ||
	    write_file(path, "pull-down") < 0 || line_value(line) != 0)
		return fail("line 2 does not follow the simulated pull");
	close(line);
	close(fd);
	if (write_file("/sys/kernel/config/gpio-sim/chariot/live", "0") < 0 ||
	    rmdir_path("/sys/kernel/config/gpio-sim/chariot/bank0") < 0 || rmdir_path(chip) < 0)
		return fail("take the simulated chip down");
	printf("intree: gpio-sim: input line 2 follows pull-up and pull-down\n");
	return 0;
}

/* --- watchdog ------------------------------------------------------------------------- */

static int watchdog(void)
{
	int fd = open("/dev/watchdog", O_WRONLY);
	if (fd < 0)
		return fail("open /dev/watchdog");
	struct watchdog_info info;
	int timeout = 30;
	if (ioctl(fd, WDIOC_GETSUPPORT, &info) < 0 || ioctl(fd, WDIOC_SETTIMEOUT, &timeout) < 0 ||
	    ioctl(fd, WDIOC_KEEPALIVE, 0) < 0)
		return fail("get its identity, set a 30 s timeout, ping it");
	if (write(fd, "V", 1) != 1)
		return fail("write the magic close character");
	close(fd);
	printf("intree: watchdog: %s pinged with a %d s timeout and closed\n", (char *)info.identity, timeout);
	return 0;
}

/* --- IIO ----------------------------------------------------------------------------------- */

static int iio(void)
{
	const char *made = "/sys/kernel/config/iio/devices/dummy/chariot";
	if (mount_once("configfs", "/sys/kernel/config") < 0 || mkdir(made, 0755) < 0)
		return fail("make an iio_dummy device in configfs");
	char path[96], text[32];
	int found = -1;
	for (int i = 0; i < 8 && found < 0; i++) {
		strcpy(path, "/sys/bus/iio/devices/iio:device");
		append(path, itoa(i));
		int end = strlen(path);
		append(path, "/name");
		if (read_file(path, text, sizeof(text)) > 0 && strcmp(text, "chariot") == 0) {
			path[end] = 0;
			found = i;
		}
	}
	if (found < 0)
		return fail("the iio device did not appear");
	int end = strlen(path);
	append(path, "/in_voltage0_raw");
	if (read_file(path, text, sizeof(text)) < 0 || strcmp(text, "73") != 0)
		return fail("in_voltage0_raw does not read 73");
	path[end] = 0;
	append(path, "/out_voltage0_raw");
	char value[32];
	if (write_file(path, "42") < 0 || read_file(path, value, sizeof(value)) < 0 || strcmp(value, "42") != 0)
		return fail("out_voltage0_raw does not keep 42");
	if (rmdir_path(made) < 0)
		return fail("remove the iio_dummy device");
	printf("intree: iio: dummy ADC reads 73, DAC keeps 42\n");
	return 0;
}

/* --- input, LEDs, HID ------------------------------------------------------------------------ */

/* Opens the evdev node of the input device called name, not to block on reads. */
static int open_event_node(const char *name)
{
	char path[32], found[64];
	for (int attempt = 0; attempt < WAIT_STEPS; attempt++) {
		for (int i = 0; i < 8; i++) {
			strcpy(path, "/dev/input/event");
			append(path, itoa(i));
			int fd = open(path, O_RDONLY | O_NONBLOCK);
			if (fd < 0)
				continue;
			memset(found, 0, sizeof(found));
			if (ioctl(fd, EVIOCGNAME(sizeof(found) - 1), found) >= 0 && strcmp(found, name) == 0)
				return fd;
			close(fd);
		}
		msleep(10);
	}
	return -1;
}

/* Waits for an EV_KEY event of code with value on an evdev node. */
static int receive_key(int fd, int code, int value)
{
	struct input_event event;
	for (int i = 0; i < 20; i++) {
		struct pollfd ready = {.fd = fd, .events = POLLIN};
		if (poll(&ready, 1, 100) <= 0)
			continue;
		while (read(fd, &event, sizeof(event)) == sizeof(event))
			if (event.type == EV_KEY && event.code == code && event.value == value)
				return 0;
	}
	return -1;
}

static int emit(int fd, int type, int code, int value)
{
	struct input_event event;
	memset(&event, 0, sizeof(event));
	event.type = type;
	event.code = code;
	event.value = value;
	return write(fd, &event, sizeof(event)) == sizeof(event) ? 0 : -1;
}

static int uinput(void)
{
	int fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK);
	if (fd < 0 || ioctl(fd, UI_SET_EVBIT, (void *)EV_KEY) < 0 || ioctl(fd, UI_SET_KEYBIT, (void *)KEY_A) < 0)
		return fail("open /dev/uinput and declare key A");
	struct uinput_setup setup;
	memset(&setup, 0, sizeof(setup));
	setup.id.bustype = BUS_VIRTUAL;
	strcpy(setup.name, "chariot-keys");
	if (ioctl(fd, UI_DEV_SETUP, &setup) < 0 || ioctl(fd, UI_DEV_CREATE, 0) < 0)
		return fail("create the uinput device");
	int events = open_event_node("chariot-keys");
	if (events < 0)
		return fail("no evdev node for the uinput device");
	if (emit(fd, EV_KEY, KEY_A, 1) < 0 || emit(fd, EV_SYN, SYN_REPORT, 0) < 0)
		return fail("press key A through uinput");
	if (receive_key(events, KEY_A, 1) < 0)
		return fail("evdev did not deliver the key press");
	close(events);
	if (ioctl(fd, UI_DEV_DESTROY, 0) < 0)
		return fail("destroy the uinput device");
	close(fd);
	printf("intree: uinput: key A pressed through uinput, read from evdev\n");
	return 0;
}

/* Reads the next brightness the LED subsystem gave the userspace LED, within two seconds. */
static int next_brightness(int fd)
{
	int brightness;
	struct pollfd ready = {.fd = fd, .events = POLLIN};
	if (poll(&ready, 1, 2000) <= 0 || read(fd, &brightness, sizeof(brightness)) != sizeof(brightness))
		return -1;
	return brightness;
}

static int uleds(void)
{
	int fd = open("/dev/uleds", O_RDWR);
	struct uleds_user_dev led;
	memset(&led, 0, sizeof(led));
	strcpy(led.name, "chariot::test");
	led.max_brightness = 255;
	if (fd < 0 || write(fd, &led, sizeof(led)) != sizeof(led))
		return fail("register a userspace LED");
	const char *brightness = "/sys/class/leds/chariot::test/brightness";
	if (wait_for(brightness) < 0 || write_file(brightness, "128") < 0)
		return fail("set its brightness to 128 through sysfs");
	int seen = -1;
	for (int i = 0; i < 3 && seen != 128; i++)
		seen = next_brightness(fd);
	if (seen != 128)
		return fail("the LED did not get brightness 128");
	if (write_file("/sys/class/leds/chariot::test/trigger", "timer") < 0 ||
	    write_file("/sys/class/leds/chariot::test/delay_on", "20") < 0 ||
	    write_file("/sys/class/leds/chariot::test/delay_off", "20") < 0)
		return fail("give it a 20 ms timer trigger");
	int on = 0, off = 0;
	for (int i = 0; i < 20 && !(on && off); i++) {
		int value = next_brightness(fd);
		on |= value > 0;
		off |= value == 0;
	}
	if (!(on && off))
		return fail("the timer trigger did not blink the LED");
	if (write_file("/sys/class/leds/chariot::test/trigger", "none") < 0)
		return fail("remove the trigger");
	close(fd);
	printf("intree: uleds: LED took brightness 128, then blinked on its timer trigger\n");
	return 0;
}

/* A one-button mouse: button 1 in bit 0 of its one-byte report, seven bits of padding. */
static const unsigned char button_descriptor[] = {
	0x05, 0x01,	/* usage page (generic desktop) */
	0x09, 0x02,	/* usage (mouse) */
	0xa1, 0x01,	/* collection (application) */
	0x09, 0x01,	/*   usage (pointer) */
	0xa1, 0x00,	/*   collection (physical) */
	0x05, 0x09,	/*     usage page (button) */
	0x19, 0x01,	/*     usage minimum (button 1) */
	0x29, 0x01,	/*     usage maximum (button 1) */
	0x15, 0x00,	/*     logical minimum 0 */
	0x25, 0x01,	/*     logical maximum 1 */
	0x75, 0x01,	/*     report size 1 */
	0x95, 0x01,	/*     report count 1 */
	0x81, 0x02,	/*     input (data, variable, absolute) */
	0x75, 0x07,	/*     report size 7 */
	0x81, 0x03,	/*     input (constant) */
	0xc0,		/*   end collection */
	0xc0,		/* end collection */
};

static int uhid(void)
{
	int fd = open("/dev/uhid", O_RDWR);
	static struct uhid_event event;
	memset(&event, 0, sizeof(event));
	event.type = UHID_CREATE2;
	strcpy((char *)event.u.create2.name, "chariot-hid");
	event.u.create2.rd_size = sizeof(button_descriptor);
	event.u.create2.bus = BUS_VIRTUAL;
	event.u.create2.vendor = 0x1d6b;
	event.u.create2.product = 0x0104;
	memcpy(event.u.create2.rd_data, button_descriptor, sizeof(button_descriptor));
	if (fd < 0 || write(fd, &event, sizeof(event)) != sizeof(event))
		return fail("create a HID device through /dev/uhid");
	int events = open_event_node("chariot-hid");
	if (events < 0)
		return fail("hid-generic did not make an input device of it");
	/* HID drops reports until hid-generic's probe has returned, which may be after the evdev
	 * node appears: press and release until a press gets through. */
	int pressed = -1;
	for (int attempt = 0; attempt < 10 && pressed < 0; attempt++) {
		for (int button = 1; button >= 0; button--) {
			memset(&event, 0, sizeof(event));
			event.type = UHID_INPUT2;
			event.u.input2.size = 1;
			event.u.input2.data[0] = button;
			if (write(fd, &event, sizeof(event)) != sizeof(event))
				return fail("send a report of button 1");
			if (button)
				pressed = receive_key(events, BTN_LEFT, 1);
		}
	}
	if (pressed < 0)
		return fail("evdev did not deliver the button press");
	close(events);
	memset(&event, 0, sizeof(event));
	event.type = UHID_DESTROY;
	if (write(fd, &event, sizeof(event)) != sizeof(event))
		return fail("destroy the HID device");
	close(fd);
	printf("intree: uhid: a HID report from uhid arrived as a button press on evdev\n");
	return 0;
}

/* --- MTD, KUnit ------------------------------------------------------------------------------ */

static int mtd(void)
{
	int fd = open("/dev/mtd0", O_RDWR);
	struct mtd_info_user info;
	if (fd < 0 || ioctl(fd, MEMGETINFO, &info) < 0)
		return fail("open /dev/mtd0 and get its geometry");
	struct erase_info_user erase = {.start = 0, .length = info.erasesize};
	if (ioctl(fd, MEMERASE, &erase) < 0)
		return fail("erase its first block");
	fill_pattern(sector_out, 512, 9);
	if (write(fd, sector_out, 512) != 512 || lseek(fd, 0, SEEK_SET) != 0 || read(fd, sector_in, 512) != 512 ||
	    memcmp(sector_in, sector_out, 512) != 0)
		return fail("write and read back 512 bytes");
	close(fd);
	printf("intree: mtd: first block of %u bytes erased, 512 bytes written and read back\n", info.erasesize);
	return 0;
}

static int kunit(const char *suite)
{
	char path[128];
	static char results[16384];
	strcpy(path, "/sys/kernel/debug/kunit/");
	append(path, suite);
	append(path, "/results");
	if (read_file(path, results, sizeof(results)) <= 0)
		return fail("no results for that suite");
	int passed = 0;
	for (char *line = results; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		while (*line == ' ' || *line == '\t')
			line++;
		if (strncmp(line, "not ok", 6) == 0)
			return fail("a KUnit case failed");
		passed += strncmp(line, "ok ", 3) == 0;
	}
	if (passed == 0)
		return fail("no KUnit case passed");
	printf("intree: kunit: suite %s passed\n", suite);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return fail("usage: intree COMMAND [ARGUMENT]");
	const char *command = argv[1], *argument = argc > 2 ? argv[2] : "";
	if (strcmp(command, "blk") == 0)
		return block(argument);
	if (strcmp(command, "loop") == 0)
		return loop();
	if (strcmp(command, "hwrng") == 0)
		return hwrng();
	if (strcmp(command, "netdev") == 0)
		return netdev(argument);
	if (strcmp(command, "netdevsim") == 0)
		return netdevsim();
	if (strcmp(command, "veth") == 0)
		return veth();
	if (strcmp(command, "macvlan") == 0)
		return macvlan();
	if (strcmp(command, "nlmon") == 0)
		return nlmon();
	if (strcmp(command, "tun") == 0)
		return tun();
	if (strcmp(command, "vcan") == 0)
		return vcan();
	if (strcmp(command, "i2c") == 0)
		return i2c();
	if (strcmp(command, "eeprom") == 0)
		return eeprom();
	if (strcmp(command, "hwmon") == 0)
		return hwmon();
	if (strcmp(command, "gpio") == 0)
		return gpio(argument);
	if (strcmp(command, "gpio-sim") == 0)
		return gpio_sim();
	if (strcmp(command, "watchdog") == 0)
		return watchdog();
	if (strcmp(command, "iio") == 0)
		return iio();
	if (strcmp(command, "uinput") == 0)
		return uinput();
	if (strcmp(command, "uleds") == 0)
		return uleds();
	if (strcmp(command, "uhid") == 0)
		return uhid();
	if (strcmp(command, "mtd") == 0)
		return mtd();
	if (strcmp(command, "kunit") == 0) {
		if (mount_once("debugfs", "/sys/kernel/debug") < 0)
			return fail("mount debugfs");
		int failed = argc < 3;
		for (int i = 2; i < argc; i++)
			failed |= kunit(argv[i]);
		return failed;
	}
	return fail("unknown command");
}
