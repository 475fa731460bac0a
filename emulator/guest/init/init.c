// SPDX-License-Identifier: GPL-2.0
/*
 * The Chariot guest's init: loads the modules named on the kernel command line, runs the
 * exercise program, unloads the modules and powers off, reporting each step on the console
 * as one "@chariot ..." line (the protocol is described in ../README.md).
 * Built on the kernel's nolibc (tools/include/nolibc) with the kit's guest-cc.
 */
#include <nolibc.h>

#define CMDLINE_SIZE 4096
#define MAX_TOKENS 256
#define MAX_MODULES 32
#define MAX_EXERCISE_ARGS 32
#define LINE_SIZE 512
#define MODULE_NAME_SIZE 64
#define MODULE_PATH_SIZE 128
#define PARAMS_SIZE 2048

/* syslog(2) action that sets the console log level: 8 shows every level down to debug. */
#define SYSLOG_ACTION_CONSOLE_LEVEL 8
#define CONSOLE_LOGLEVEL_ALL 8

/* wait status decoding that 6.1's nolibc lacks */
#ifndef WIFSIGNALED
#define WIFSIGNALED(status) (((status) & 0x7f) != 0 && ((status) & 0x7f) != 0x7f)
#endif
#ifndef WTERMSIG
#define WTERMSIG(status) ((status) & 0x7f)
#endif

#define MODULES_TOKEN "chariot.modules="
#define EXERCISE_TOKEN "chariot.exercise="
#define EXERCISE_ARGS_TOKEN "chariot.exercise_args="
#define PAYLOAD_TOKEN "chariot.payload=memory"

/*
 * Payload mode (for snapshots of the booted guest): the run's files and command line arrive in
 * this buffer, written by the host into guest memory, instead of in the initramfs and on the
 * kernel command line. Each page starts with PAGE_MAGIC and its index until then, so the host can
 * check the pages it found through the page tables; the host's payload starts with PAYLOAD_MAGIC.
 */
#define PAYLOAD_SIZE (8 << 20)
#define PAGE_SIZE 4096
#define PAGE_MAGIC "CHRTPAGE"
#define PAYLOAD_MAGIC "CHRTPAY1"
#define PAYLOAD_POLL_US 1000

static const char *const errno_names[] = {
#include "errno_names.h"
};

struct boot_request {
	char *tokens[MAX_TOKENS];
	int token_count;
	char *modules[MAX_MODULES];
	int module_count;
	char *exercise;
	char *exercise_args[MAX_EXERCISE_ARGS];
	int exercise_arg_count;
};

/* --- console lines, each written with one write() so lines never interleave --- */

struct line {
	char text[LINE_SIZE];
	size_t length;
};

static void line_append(struct line *line, const char *text)
{
	while (*text && line->length < LINE_SIZE - 1)
		line->text[line->length++] = *text++;
}

static void line_append_number(struct line *line, long value)
{
	char digits[24];
	char *first = digits + sizeof(digits) - 1;
	unsigned long magnitude = value < 0 ? -(unsigned long)value : (unsigned long)value;

	*first = '\0';
	do {
		*--first = '0' + magnitude % 10;
		magnitude /= 10;
	} while (magnitude);
	if (value < 0)
		*--first = '-';
	line_append(line, first);
}

static void line_write(struct line *line)
{
	line->text[line->length++] = '\n';
	write(1, line->text, line->length);
}

/* Starts a line "<prefix><what>" or "<prefix><what> <subject>". */
static void line_start(struct line *line, const char *prefix, const char *what,
		       const char *subject)
{
	line->length = 0;
	line_append(line, prefix);
	line_append(line, what);
	if (subject) {
		line_append(line, " ");
		line_append(line, subject);
	}
}

static const char *errno_name(int error)
{
	if (error > 0 && error < (int)(sizeof(errno_names) / sizeof(errno_names[0])) &&
	    errno_names[error])
		return errno_names[error];
	return "UNKNOWN";
}

/* " error <errno> <ENAME>" */
static void line_append_error(struct line *line, int error)
{
	line_append(line, " error ");
	line_append_number(line, error);
	line_append(line, " ");
	line_append(line, errno_name(error));
}

static void report(const char *what, const char *subject)
{
	struct line line;

	line_start(&line, "@chariot ", what, subject);
	line_write(&line);
}

static void report_number(const char *what, long number)
{
	struct line line;

	line_start(&line, "@chariot ", what, NULL);
	line_append(&line, " ");
	line_append_number(&line, number);
	line_write(&line);
}

/* "@chariot <step> <name> ok" or "@chariot <step> <name> error <errno> <ENAME>" */
static void report_result(const char *step, const char *name, int error)
{
	struct line line;

	line_start(&line, "@chariot ", step, name);
	if (error)
		line_append_error(&line, error);
	else
		line_append(&line, " ok");
	line_write(&line);
}

/* Diagnostics that are not protocol lines: "init: <what> <subject>: error <errno> <ENAME>" */
static void complain(const char *what, const char *subject, int error)
{
	struct line line;

	line_start(&line, "init: ", what, subject);
	line_append(&line, ":");
	line_append_error(&line, error);
	line_write(&line);
}

/* --- the command line --- */

static int starts_with(const char *text, const char *prefix)
{
	return strncmp(text, prefix, strlen(prefix)) == 0;
}

static int contains(const char *text, const char *word)
{
	for (; *text; text++)
		if (starts_with(text, word))
			return 1;
	return 0;
}

/* Splits in place at blanks outside double quotes, as the kernel does; quotes are kept. */
static void split_cmdline(char *cmdline, struct boot_request *request)
{
	char *cursor = cmdline;

	while (*cursor && request->token_count < MAX_TOKENS) {
		int quoted = 0;

		while (*cursor && isspace(*cursor))
			cursor++;
		if (!*cursor)
			break;
		request->tokens[request->token_count++] = cursor;
		for (; *cursor && (quoted || !isspace(*cursor)); cursor++)
			if (*cursor == '"')
				quoted = !quoted;
		if (*cursor)
			*cursor++ = '\0';
	}
}

/* Splits in place at commas, skipping empty items. */
static int split_list(char *list, char **items, int capacity)
{
	int count = 0;

	while (*list && count < capacity) {
		char *comma = strchr(list, ',');

		if (comma)
			*comma = '\0';
		if (*list)
			items[count++] = list;
		if (!comma)
			break;
		list = comma + 1;
	}
	return count;
}

static void parse_cmdline(char *cmdline, struct boot_request *request)
{
	int i;

	split_cmdline(cmdline, request);
	for (i = 0; i < request->token_count; i++) {
		char *token = request->tokens[i];

		if (starts_with(token, MODULES_TOKEN))
			request->module_count = split_list(token + strlen(MODULES_TOKEN),
							   request->modules, MAX_MODULES);
		else if (starts_with(token, EXERCISE_ARGS_TOKEN))
			request->exercise_arg_count =
				split_list(token + strlen(EXERCISE_ARGS_TOKEN),
					   request->exercise_args, MAX_EXERCISE_ARGS);
		else if (starts_with(token, EXERCISE_TOKEN))
			request->exercise = token + strlen(EXERCISE_TOKEN);
	}
}

/* --- payload mode --- */

static char payload[PAYLOAD_SIZE] __attribute__((aligned(PAGE_SIZE)));

static int payload_arrived(void)
{
	const volatile char *magic = payload;
	int i;

	for (i = 0; i < 8; i++)
		if (magic[i] != PAYLOAD_MAGIC[i])
			return 0;
	return 1;
}

/* Marks every page (which maps it), says where the buffer is, and waits for the host to fill it. */
static void await_payload(void)
{
	struct line line = { .length = 0 };
	long page;

	for (page = 0; page < PAYLOAD_SIZE / PAGE_SIZE; page++) {
		memcpy(payload + page * PAGE_SIZE, PAGE_MAGIC, 8);
		memcpy(payload + page * PAGE_SIZE + 8, &page, sizeof(page));
	}
	line_append(&line, "@chariot ready ");
	line_append_number(&line, (long)payload);
	line_append(&line, " ");
	line_append_number(&line, PAYLOAD_SIZE);
	line_write(&line);
	while (!payload_arrived())
		usleep(PAYLOAD_POLL_US);
}

static unsigned int payload_word(const char **cursor)
{
	unsigned int value;

	memcpy(&value, *cursor, sizeof(value));
	*cursor += sizeof(value);
	return value;
}

static void write_payload_file(const char *path, unsigned int mode, const char *data, unsigned int size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	unsigned int done = 0;

	if (fd < 0) {
		complain("cannot create", path, errno);
		return;
	}
	while (done < size) {
		ssize_t written = write(fd, data + done, size - done);

		if (written <= 0) {
			complain("cannot write", path, errno);
			break;
		}
		done += written;
	}
	close(fd);
}

/*
 * Unpacks the payload: after the magic, a file count, then per file its path length, path, mode,
 * size and bytes; last the command line's length and text (all numbers 32-bit little-endian).
 * Copies the command line into cmdline.
 */
static void unpack_payload(char *cmdline, size_t size)
{
	const char *cursor = payload + 8;
	unsigned int files = payload_word(&cursor), length;

	while (files-- > 0) {
		char path[MODULE_PATH_SIZE];
		unsigned int mode, bytes;

		length = payload_word(&cursor);
		if (length >= sizeof(path))
			length = sizeof(path) - 1;
		memcpy(path, cursor, length);
		path[length] = '\0';
		cursor += length;
		mode = payload_word(&cursor);
		bytes = payload_word(&cursor);
		write_payload_file(path, mode, cursor, bytes);
		cursor += bytes;
	}
	length = payload_word(&cursor);
	if (length >= size)
		length = size - 1;
	memcpy(cmdline, cursor, length);
	cmdline[length] = '\0';
}

static int read_cmdline(char *buffer, size_t size)
{
	int fd = open("/proc/cmdline", O_RDONLY, 0);
	ssize_t length;

	if (fd < 0)
		return -1;
	length = read(fd, buffer, size - 1);
	close(fd);
	if (length < 0)
		return -1;
	buffer[length] = '\0';
	return 0;
}

/* --- modules --- */

/* The kernel's name for a module: its file name with '-' turned into '_'. */
static void module_name(const char *file_name, char *name, size_t size)
{
	size_t i;

	for (i = 0; file_name[i] && i < size - 1; i++)
		name[i] = file_name[i] == '-' ? '_' : file_name[i];
	name[i] = '\0';
}

/* "M.param=value" tokens of module M, prefix stripped and joined by spaces (as modprobe does). */
static void module_params(const struct boot_request *request, const char *name,
			  char *params, size_t size)
{
	size_t length = 0;
	int i;

	params[0] = '\0';
	for (i = 0; i < request->token_count; i++) {
		char prefix[MODULE_NAME_SIZE];
		const char *dot = strchr(request->tokens[i], '.');
		const char *param;
		size_t prefix_length;

		if (!dot || dot == request->tokens[i] || (size_t)(dot - request->tokens[i]) >= sizeof(prefix))
			continue;
		prefix_length = dot - request->tokens[i];
		memcpy(prefix, request->tokens[i], prefix_length);
		prefix[prefix_length] = '\0';
		module_name(prefix, prefix, sizeof(prefix));
		if (strcmp(prefix, name) != 0)
			continue;
		param = dot + 1;
		if (length + strlen(param) + 2 > size)
			break;
		if (length)
			params[length++] = ' ';
		strcpy(params + length, param);
		length += strlen(param);
	}
}

static int load_module(const struct boot_request *request, const char *file_name)
{
	char name[MODULE_NAME_SIZE];
	char path[MODULE_PATH_SIZE];
	char params[PARAMS_SIZE];
	int fd;
	long result;

	if (strlen(file_name) + sizeof("/lib/modules/.ko") > sizeof(path))
		return ENAMETOOLONG;
	strcpy(path, "/lib/modules/");
	strcpy(path + strlen(path), file_name);
	strcpy(path + strlen(path), ".ko");
	module_name(file_name, name, sizeof(name));
	module_params(request, name, params, sizeof(params));

	fd = open(path, O_RDONLY, 0);
	if (fd < 0)
		return errno;
	result = my_syscall3(__NR_finit_module, fd, params, 0);
	close(fd);
	return result < 0 ? (int)-result : 0;
}

static int unload_module(const char *file_name)
{
	char name[MODULE_NAME_SIZE];
	long result;

	module_name(file_name, name, sizeof(name));
	result = my_syscall2(__NR_delete_module, name, O_NONBLOCK);
	return result < 0 ? (int)-result : 0;
}

/* Loads the modules in order, stopping at the first failure; returns how many loaded. */
static int load_modules(const struct boot_request *request)
{
	int loaded;

	for (loaded = 0; loaded < request->module_count; loaded++) {
		int error = load_module(request, request->modules[loaded]);

		report_result("load", request->modules[loaded], error);
		if (error)
			break;
	}
	return loaded;
}

/* Unloads the first count modules in reverse order; returns 0 when all unloaded. */
static int unload_modules(const struct boot_request *request, int count)
{
	int failed = 0;

	while (count-- > 0) {
		int error = unload_module(request->modules[count]);

		report_result("unload", request->modules[count], error);
		failed |= error != 0;
	}
	return failed;
}

/* --- the exercise --- */

static void exec_exercise(const struct boot_request *request)
{
	char *argv[MAX_EXERCISE_ARGS + 2];
	char *envp[] = { "HOME=/", "PATH=/chariot", "TERM=linux", NULL };
	int i;

	argv[0] = request->exercise;
	for (i = 0; i < request->exercise_arg_count; i++)
		argv[i + 1] = request->exercise_args[i];
	argv[i + 1] = NULL;
	execve(request->exercise, argv, envp);
	complain("cannot execute", request->exercise, errno);
	exit(127);
}

/* Runs the exercise and reports how it ended; returns 0 when it exited with status 0. */
static int run_exercise(const struct boot_request *request)
{
	int status;
	pid_t child;

	report("exercise start", request->exercise);
	child = fork();
	if (child < 0) {
		complain("cannot fork for", request->exercise, errno);
		return 1;
	}
	if (child == 0)
		exec_exercise(request);
	if (waitpid(child, &status, 0) < 0) {
		complain("cannot wait for", request->exercise, errno);
		return 1;
	}
	if (WIFSIGNALED(status)) {
		report_number("exercise signal", WTERMSIG(status));
		return 1;
	}
	report_number("exercise exit", WEXITSTATUS(status));
	return WEXITSTATUS(status) != 0;
}

/* --- boot --- */

static void mount_filesystems(void)
{
	if (mount("proc", "/proc", "proc", 0, NULL) < 0)
		complain("cannot mount", "/proc", errno);
	if (mount("sysfs", "/sys", "sysfs", 0, NULL) < 0)
		complain("cannot mount", "/sys", errno);
	if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) < 0)
		complain("cannot mount", "/dev", errno);
}

static int run(struct boot_request *request)
{
	static char cmdline[CMDLINE_SIZE];
	int loaded, failed;

	if (read_cmdline(cmdline, sizeof(cmdline)) < 0) {
		complain("cannot read", "/proc/cmdline", errno);
		return 1;
	}
	if (contains(cmdline, PAYLOAD_TOKEN)) {
		await_payload();
		unpack_payload(cmdline, sizeof(cmdline));
	}
	report("boot", NULL);
	parse_cmdline(cmdline, request);

	loaded = load_modules(request);
	failed = loaded < request->module_count;
	if (!failed && request->exercise)
		failed = run_exercise(request);
	failed |= unload_modules(request, loaded);
	return failed;
}

int main(void)
{
	static struct boot_request request;
	int failed;

	my_syscall3(__NR_syslog, SYSLOG_ACTION_CONSOLE_LEVEL, NULL, CONSOLE_LOGLEVEL_ALL);
	mount_filesystems();
	failed = run(&request);
	report_number("done", failed);
	reboot(LINUX_REBOOT_CMD_POWER_OFF);
	complain("cannot power off", "the machine", errno);
	return failed;
}
