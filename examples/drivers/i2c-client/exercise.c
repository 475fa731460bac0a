// SPDX-License-Identifier: GPL-2.0
/*
 * Exercise for the i2c-client example, with the machine's I2C bus: reads the sensor through the
 * hwmon device chariot_lm75 registers (temp1_input, temp1_max written and read back), then the
 * AT24C02 EEPROM at 0x50 through the in-tree at24 driver's sysfs file: writes a message across a
 * page boundary and reads it back. Needs the kit's i2c-ocores (the controller) and at24 loaded with
 * the example (see README.md).
 * Build: <kit>/guest-cc -o exercise exercise.c
 */
#include <nolibc.h>

#define HWMON_DEVICES 8
#define I2C_BUSES 4
#define MESSAGE "written across an EEPROM page"
#define MESSAGE_OFFSET 5 /* page 0 ends at 8: the write crosses into page 1 */

static int failures;

static void expect(int condition, const char *what)
{
	if (!condition) {
		printf("i2c: FAILED: %s\n", what);
		failures++;
	}
}

/* Reads a small sysfs file into text (NUL-terminated, newline dropped); returns its length or -1. */
static int read_text(const char *path, char *text, int size)
{
	int fd = open(path, O_RDONLY);
	int length;

	if (fd < 0)
		return -1;
	length = (int)read(fd, text, size - 1);
	close(fd);
	if (length < 0)
		return -1;
	if (length > 0 && text[length - 1] == '\n')
		length--;
	text[length] = 0;
	return length;
}

static int write_text(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	int ok = fd >= 0 && write(fd, text, strlen(text)) == (ssize_t)strlen(text);

	if (fd >= 0)
		close(fd);
	return ok;
}

/* "/sys/class/hwmon/hwmonN/" of the hwmon device named chariot_lm75, in path; 0 if there is none. */
static int find_sensor(char *path)
{
	char name[32];

	for (int n = 0; n < HWMON_DEVICES; n++) {
		strcpy(path, "/sys/class/hwmon/hwmon");
		path[22] = (char)('0' + n);
		strcpy(path + 23, "/name");
		if (read_text(path, name, sizeof(name)) > 0 && strcmp(name, "chariot_lm75") == 0) {
			path[23] = '/';
			path[24] = 0;
			return 1;
		}
	}
	return 0;
}

static void read_sensor(void)
{
	char directory[40], path[64], text[32];

	if (!find_sensor(directory)) {
		printf("i2c: FAILED: no hwmon device named chariot_lm75\n");
		failures++;
		return;
	}
	strcpy(path, directory);
	strcpy(path + strlen(path), "temp1_input");
	expect(read_text(path, text, sizeof(text)) > 0, "reading temp1_input");
	printf("i2c: %s reads %s millidegrees Celsius\n", path, text);
	expect(atol(text) > -55000 && atol(text) < 125000, "the temperature is in the LM75's range");

	strcpy(path, directory);
	strcpy(path + strlen(path), "temp1_max");
	expect(write_text(path, "60500"), "writing temp1_max");
	expect(read_text(path, text, sizeof(text)) > 0 && strcmp(text, "60500") == 0,
	       "temp1_max reads back 60500");
	printf("i2c: temp1_max set to %s\n", text);
}

static void write_and_read_eeprom(void)
{
	char path[] = "/sys/bus/i2c/devices/0-0050/eeprom";
	char back[sizeof(MESSAGE)] = { 0 };
	int fd = -1;

	for (int bus = 0; bus < I2C_BUSES && fd < 0; bus++) {
		path[21] = (char)('0' + bus);
		fd = open(path, O_RDWR);
	}
	if (fd < 0) {
		printf("i2c: FAILED: no EEPROM at 0x50 (is at24.ko loaded?)\n");
		failures++;
		return;
	}
	expect(lseek(fd, MESSAGE_OFFSET, SEEK_SET) == MESSAGE_OFFSET, "seek in the EEPROM");
	expect(write(fd, MESSAGE, strlen(MESSAGE)) == (ssize_t)strlen(MESSAGE), "writing the EEPROM");
	expect(lseek(fd, MESSAGE_OFFSET, SEEK_SET) == MESSAGE_OFFSET, "seek back");
	expect(read(fd, back, strlen(MESSAGE)) == (ssize_t)strlen(MESSAGE), "reading the EEPROM");
	close(fd);
	printf("i2c: %s holds \"%s\" at %d\n", path, back, MESSAGE_OFFSET);
	expect(strcmp(back, MESSAGE) == 0, "the EEPROM reads back what was written");
}

int main(void)
{
	read_sensor();
	write_and_read_eeprom();
	printf("i2c: %s\n", failures ? "FAILED" : "all checks passed");
	return failures ? 1 : 0;
}
