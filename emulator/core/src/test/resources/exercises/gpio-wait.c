/*
 * Waits for the host to drive GPIO line 4 high: requests the line with rising-edge events, says
 * so on the console, and polls for up to ten seconds for the edge's event.
 */
#include <nolibc.h>
#include <linux/gpio.h>

int main(void)
{
	struct gpio_v2_line_request request;
	struct gpio_v2_line_event event;
	struct pollfd ready;
	int chip = open("/dev/gpiochip0", O_RDWR);

	memset(&request, 0, sizeof(request));
	request.offsets[0] = 4;
	request.num_lines = 1;
	request.config.flags = GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_EDGE_RISING;
	strcpy(request.consumer, "gpio-wait");
	if (chip < 0 || ioctl(chip, GPIO_V2_GET_LINE_IOCTL, &request) != 0) {
		printf("gpio-wait: cannot request line 4 (errno %d)\n", errno);
		return 1;
	}
	printf("gpio-wait: waiting for line 4\n");
	ready.fd = request.fd;
	ready.events = POLLIN;
	if (poll(&ready, 1, 10000) != 1 || read(request.fd, &event, sizeof(event)) != sizeof(event) ||
	    event.id != GPIO_V2_LINE_EVENT_RISING_EDGE) {
		printf("gpio-wait: no rising edge on line 4\n");
		return 1;
	}
	printf("gpio-wait: line 4 rose\n");
	return 0;
}
